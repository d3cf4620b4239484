import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId } from '@mandap/shared/common';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fxRates } from '../../db/schema/index.ts';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent } from '../payments/payments-test-kit.ts';

const SECRET_KEY = 'sk_test_mandap_local';
const WEBHOOK_SECRET = 'whsec_test_mandap_local';
let t: TestApp;
let finance: Record<string, string>;
let server: Server;
const seen: { method: string; path: string; auth: string; contentType: string; form: URLSearchParams }[] = [];

/** A stand-in for api.stripe.com: answers a Checkout session only to a well-formed request (and refuses EUR, to see a refusal). */
function fakeStripe(): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      seen.push({
        method: req.method!,
        path: req.url!,
        auth: req.headers.authorization ?? '',
        contentType: req.headers['content-type'] ?? '',
        form,
      });
      const ok =
        req.method === 'POST' &&
        req.url === '/v1/checkout/sessions' &&
        req.headers.authorization === `Bearer ${SECRET_KEY}` &&
        form.get('mode') === 'payment' &&
        form.get('line_items[0][price_data][currency]') !== 'eur' &&
        Number(form.get('line_items[0][price_data][unit_amount]')) > 0;
      const id = `cs_test_${seen.length}`;
      res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          ok
            ? { id, object: 'checkout.session', url: `https://checkout.stripe.com/c/pay/${id}` }
            : { error: { type: 'invalid_request_error', message: 'bad request shape' } },
        ),
      );
    });
  });
}

beforeAll(async () => {
  server = fakeStripe();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t = await startTestApp({
    STRIPE_SECRET_KEY: SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    LOG_LEVEL: process.env.TEST_LOG ?? 'silent',
  });
  finance = (await t.login('finance@mandap.demo')).auth;
  const at = t.clock.now().toISOString();
  await t.deps.db
    .insert(fxRates)
    .values({ id: newId(), base: 'USD', quote: 'INR', rate: '83.25', source: 'manual', asOf: at, createdAt: at });
});
afterAll(() => {
  t.cleanup();
  server.close();
});

const stripe = new Stripe('sk_test_dummy');
async function deliver(event: Record<string, unknown>) {
  const raw = JSON.stringify(event);
  const header = await stripe.webhooks.generateTestHeaderStringAsync({ payload: raw, secret: WEBHOOK_SECRET });
  return t.app.request('/api/webhooks/stripe', {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
  });
}
const completed = (sessionId: string, amount: number, paymentIntent: string, id = `evt_${newId()}`) => ({
  id,
  object: 'event',
  type: 'checkout.session.completed',
  created: Math.floor(t.clock.now().getTime() / 1000),
  data: {
    object: {
      id: sessionId,
      object: 'checkout.session',
      payment_status: 'paid',
      amount_total: amount,
      currency: 'usd',
      payment_intent: paymentIntent,
      metadata: {},
    },
  },
});

describe('Stripe Checkout for a foreign-currency milestone', () => {
  it('sends the documented request shape and records one payment per paid session, however often told', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 10_000_00, currency: 'USD' });
    const res = await t.json('POST', `/api/milestones/${e.milestones[0]!.id}/payment-link`, undefined, finance);
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as { link: { id: string; url: string; amountMinor: number } };

    const req = seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/checkout/sessions');
    expect(req.auth).toBe(`Bearer ${SECRET_KEY}`);
    expect(req.contentType).toMatch(/application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(req.form)).toMatchObject({
      mode: 'payment',
      client_reference_id: link.id,
      'metadata[mandap_link_id]': link.id,
      'metadata[milestone_id]': e.milestones[0]!.id,
      'payment_intent_data[metadata][mandap_link_id]': link.id,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '300000',
    });
    expect(req.form.get('success_url')).toMatch(/^http.*\/pay\/thanks$/);
    expect(link.url).toBe(`https://checkout.stripe.com/c/pay/cs_test_${seen.length}`);

    const before = await countRows(t.deps, 'payments');
    const session = `cs_test_${seen.length}`;
    const event = completed(session, link.amountMinor, 'pi_test_1');
    const first = await deliver(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'processed', reason: 'recorded' });
    expect((await deliver(event)).status).toBe(200);
    const other = await deliver(completed(session, link.amountMinor, 'pi_test_1'));
    expect(await other.json()).toMatchObject({ status: 'processed', reason: 'already recorded' });
    expect(await countRows(t.deps, 'payments')).toBe(before + 1);

    const pays = await (await t.json('GET', `/api/payments/events/${e.eventId}/payments`, undefined, finance)).json();
    expect(pays.payments).toHaveLength(1);
    expect(pays.payments[0]).toMatchObject({
      mode: 'stripe',
      reference: 'pi_test_1',
      currency: 'USD',
      amountMinor: 3_000_00,
      amountInrMinor: 2_49_750_00,
    });
    const ms = await (await t.json('GET', `/api/payments/events/${e.eventId}/milestones`, undefined, finance)).json();
    expect(ms.milestones.map((m: { status: string }) => m.status)).toEqual(['paid', 'pending', 'pending']);
    const links = await (await t.json('GET', `/api/events/${e.eventId}/payment-links`, undefined, finance)).json();
    expect(links.links[0].status).toBe('paid');
  });

  it('says plainly when Stripe refuses the request, and stores no link', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1_000_00, currency: 'EUR' });
    const before = await countRows(t.deps, 'payment_links');
    const res = await t.json('POST', `/api/milestones/${e.milestones[0]!.id}/payment-link`, undefined, finance);
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/Stripe refused the checkout session: bad request shape/);
    expect(seen.at(-1)!.form.get('line_items[0][price_data][currency]')).toBe('eur');
    expect(await countRows(t.deps, 'payment_links')).toBe(before);
  });
});
