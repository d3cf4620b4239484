import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId } from '@mandap/shared/common';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent } from '../payments/payments-test-kit.ts';

const SECRET = 'rzp-webhook-secret-1';
const STRIPE_SECRET = 'whsec_test_secret_123';
let t: TestApp;
let finance: Record<string, string>;
let server: Server;
const seen: { path: string; auth: string; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      seen.push({ path: req.url!, auth: req.headers.authorization ?? '', body: parsed });
      const ok =
        req.url === '/v1/payment_links' && parsed.amount && parsed.accept_partial === true && parsed.currency === 'INR';
      res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          ok
            ? { id: `plink_${seen.length}`, short_url: `https://rzp.io/i/${seen.length}` }
            : { error: { description: 'bad request' } },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await startTestApp({
    RAZORPAY_KEY_ID: 'rzp_test_key',
    RAZORPAY_KEY_SECRET: 'rzp_test_secret',
    RAZORPAY_WEBHOOK_SECRET: SECRET,
    RAZORPAY_API_URL: url,
    STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
    LOG_LEVEL: process.env.TEST_LOG ?? 'silent',
  });
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => {
  t.cleanup();
  server.close();
});

async function linkFor(totalMinor: number) {
  const e = await plannedEvent(t, finance, { totalMinor });
  const res = await t.json('POST', `/api/milestones/${e.milestones[0]!.id}/payment-link`, undefined, finance);
  expect(res.status).toBe(201);
  return { ...e, link: (await res.json()).link as { id: string; amountMinor: number; status: string } };
}

function rzpEvent(event: string, plink: string, pay?: { id: string; amount: number }) {
  return JSON.stringify({
    event,
    payload: {
      payment_link: { entity: { id: plink } },
      ...(pay
        ? { payment: { entity: { ...pay, currency: 'INR', status: 'captured', created_at: 1_780_000_000 } } }
        : {}),
    },
  });
}
const sign = (raw: string, secret = SECRET) => createHmac('sha256', secret).update(raw).digest('hex');
const deliver = async (raw: string, headers: Record<string, string>): Promise<Response> =>
  t.app.request('/api/webhooks/razorpay', {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', ...headers },
  });
const signed = (raw: string, id = newId()) =>
  deliver(raw, { 'x-razorpay-signature': sign(raw), 'x-razorpay-event-id': id });
const inboxLast = async () =>
  (
    await t.deps.db.$client.execute(
      'SELECT status, reason FROM webhook_inbox ORDER BY received_at DESC, rowid DESC LIMIT 1',
    )
  ).rows[0]!;

describe('Razorpay payment links', () => {
  it('creates a link with the documented request shape (basic auth, partial payments, notes)', async () => {
    const { link, milestones } = await linkFor(1000);
    const req = seen.at(-1)!;
    expect(req.path).toBe('/v1/payment_links');
    expect(req.auth).toBe(`Basic ${btoa('rzp_test_key:rzp_test_secret')}`);
    expect(req.body).toMatchObject({
      amount: 300,
      currency: 'INR',
      accept_partial: true,
      reference_id: link.id.slice(0, 40),
      notes: { mandap_link_id: link.id, milestone_id: milestones[0]!.id },
      callback_method: 'get',
    });
    expect(String(req.body.callback_url)).toMatch(/^http/);
  });
});

describe('Razorpay webhook', () => {
  it.each([
    ['a missing signature', (_raw: string) => ({ 'x-razorpay-event-id': newId() }), /missing/],
    [
      'a wrong secret',
      (raw: string) => ({ 'x-razorpay-signature': sign(raw, 'another-secret'), 'x-razorpay-event-id': newId() }),
      /does not match/,
    ],
    [
      'a modified body',
      (raw: string) => ({ 'x-razorpay-signature': sign(`${raw} `), 'x-razorpay-event-id': newId() }),
      /does not match/,
    ],
  ])('refuses %s: 4xx, no ledger effect, an inbox line saying why', async (_n, headers, why) => {
    const { link } = await linkFor(1000);
    const plink = String(seen.at(-1)!.body.reference_id) && `plink_${seen.length}`;
    const raw = rzpEvent('payment_link.paid', plink, { id: `pay_${newId()}`, amount: 300 });
    const before = await countRows(t.deps, 'postings');
    const res = await deliver(raw, headers(raw));
    expect(res.status).toBe(401);
    expect(await countRows(t.deps, 'postings')).toBe(before);
    expect(await inboxLast()).toMatchObject({ status: 'rejected' });
    expect(String((await inboxLast()).reason)).toMatch(why);
    expect(link.status).toBe('created');
  });

  it('books a capture for an unknown payment link to suspense, answers 200 and says so', async () => {
    const before = await countRows(t.deps, 'postings');
    const res = await signed(rzpEvent('payment_link.paid', 'plink_nope', { id: 'pay_x', amount: 100 }));
    expect(res.status).toBe(200);
    expect(await countRows(t.deps, 'postings')).toBe(before + 2);
    expect(String((await inboxLast()).reason)).toMatch(/suspense: no payment link matches plink_nope/);
    const again = await signed(rzpEvent('payment.captured', 'plink_nope', { id: 'pay_x', amount: 100 }));
    expect(again.status).toBe(200);
    expect(await countRows(t.deps, 'postings')).toBe(before + 2);
  });

  it('paid, partially paid, captured and expired in any order end in the same state', async () => {
    const orders = [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1],
    ];
    const states: unknown[] = [];
    for (const order of orders) {
      const { link, eventId } = await linkFor(1000);
      const plink = `plink_${seen.length}`;
      const events = [
        rzpEvent('payment_link.partially_paid', plink, { id: `pay_a_${link.id}`, amount: 100 }),
        rzpEvent('payment.captured', plink, { id: `pay_b_${link.id}`, amount: 200 }),
        rzpEvent('payment_link.paid', plink, { id: `pay_b_${link.id}`, amount: 200 }),
        rzpEvent('payment_link.expired', plink),
      ];
      for (const i of order) expect((await signed(events[i]!)).status).toBe(200);
      const ms = await (await t.json('GET', `/api/payments/events/${eventId}/milestones`, undefined, finance)).json();
      const ls = await (await t.json('GET', `/api/events/${eventId}/payment-links`, undefined, finance)).json();
      states.push({ paid: ms.milestones.map((m: { paidMinor: number }) => m.paidMinor), link: ls.links[0].status });
    }
    expect(states[0]).toEqual({ paid: [300, 0, 0], link: 'paid' });
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
  });

  it('200 signed events delivered 5 times each, shuffled, have exactly 200 effects', async () => {
    const { link } = await linkFor(1_00_000_00);
    const plink = `plink_${seen.length}`;
    const before = await countRows(t.deps, 'payments');
    const events = Array.from({ length: 200 }, (_, i) => ({
      id: newId(),
      raw: rzpEvent('payment.captured', plink, { id: `pay_r${i}_${link.id}`, amount: 100 }),
    }));
    const deliveries = events.flatMap((e) => [e, e, e, e, e]);
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }
    for (let i = 0; i < deliveries.length; i += 10)
      await Promise.all(
        deliveries.slice(i, i + 10).map((d) => signed(d.raw, d.id).then((r) => expect(r.status).toBe(200))),
      );
    expect(await countRows(t.deps, 'payments')).toBe(before + 200);
    const dup = await t.deps.db.$client.execute("SELECT count(*) AS n FROM webhook_inbox WHERE status = 'duplicate'");
    expect(Number(dup.rows[0]!.n)).toBeGreaterThanOrEqual(800);
  }, 120_000);
});

describe('Stripe webhook', () => {
  const stripe = new Stripe('sk_test_dummy');
  const body = (id: string) =>
    JSON.stringify({
      id,
      object: 'event',
      type: 'checkout.session.completed',
      created: 1_780_000_000,
      data: {
        object: {
          id: 'cs_unknown',
          object: 'checkout.session',
          payment_status: 'paid',
          amount_total: 100,
          currency: 'usd',
          metadata: {},
        },
      },
    });
  const send = (raw: string, header: string) =>
    t.app.request('/api/webhooks/stripe', {
      method: 'POST',
      body: raw,
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
    });

  it('verifies with the SDK: a good signature reaches the handler, a stale or wrong one is refused', async () => {
    const raw = body(`evt_${newId()}`);
    const good = await stripe.webhooks.generateTestHeaderStringAsync({ payload: raw, secret: STRIPE_SECRET });
    const res = await send(raw, good);
    expect(res.status).toBe(200);
    expect(String((await inboxLast()).reason)).toMatch(/suspense: no payment link matches cs_unknown/);
    const stale = await stripe.webhooks.generateTestHeaderStringAsync({
      payload: raw,
      secret: STRIPE_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await send(raw, stale)).status).toBe(401);
    expect(String((await inboxLast()).reason)).toMatch(/signature refused/);
    const wrong = await stripe.webhooks.generateTestHeaderStringAsync({ payload: raw, secret: 'whsec_other_secret' });
    expect((await send(raw, wrong)).status).toBe(401);
  });
});
