import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId } from '@mandap/shared/common';
import { validateWebhookSignature } from 'razorpay/dist/utils/razorpay-utils.js';
import Stripe from 'stripe';
import { fxRates } from '../../db/schema/index.ts';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent } from '../payments/payments-test-kit.ts';

export const RZP_SECRET = 'rzp-webhook-secret-kit';
export const STRIPE_WEBHOOK_SECRET = 'whsec_test_kit_secret';
const STRIPE_KEY = 'sk_test_kit';

/**
 * The app with Razorpay and Stripe switched on against one local server that stands in for
 * both providers (it checks the request shape: Razorpay's JSON payment link with partial
 * payments, Stripe's form-encoded Checkout session), and a USD→INR rate stored.
 */
export async function startGatewayApp() {
  let n = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      n++;
      let reply: Record<string, unknown> | null = null;
      if (req.url === '/v1/payment_links') {
        const p = JSON.parse(body) as Record<string, unknown>;
        if (p.amount && p.accept_partial === true && p.currency === 'INR')
          reply = { id: `plink_kit_${n}`, short_url: `https://rzp.io/i/${n}` };
      } else if (req.url === '/v1/checkout/sessions') {
        const f = new URLSearchParams(body);
        if (f.get('mode') === 'payment' && f.get('metadata[mandap_link_id]'))
          reply = {
            id: `cs_kit_${n}`,
            object: 'checkout.session',
            url: `https://checkout.stripe.com/c/pay/cs_kit_${n}`,
          };
      }
      res.writeHead(reply ? 200 : 400, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply ?? { error: { description: 'bad request shape' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const t = await startTestApp({
    RAZORPAY_KEY_ID: 'rzp_test_kit',
    RAZORPAY_KEY_SECRET: 'rzp_test_kit_secret',
    RAZORPAY_WEBHOOK_SECRET: RZP_SECRET,
    RAZORPAY_API_URL: url,
    STRIPE_SECRET_KEY: STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET,
    STRIPE_API_URL: url,
    LOG_LEVEL: process.env.TEST_LOG ?? 'silent',
  });
  const at = t.clock.now().toISOString();
  await t.deps.db
    .insert(fxRates)
    .values({ id: newId(), base: 'USD', quote: 'INR', rate: '83.25', source: 'manual', asOf: at, createdAt: at });
  const finance = (await t.login('finance@mandap.demo')).auth;
  const close = () => {
    t.cleanup();
    server.close();
  };
  return { t, finance, close };
}

/** A planned event and a gateway link for its first milestone (Razorpay for INR, Stripe otherwise). */
export async function eventWithLink(
  t: TestApp,
  finance: Record<string, string>,
  opts: Parameters<typeof plannedEvent>[2] = {},
) {
  const e = await plannedEvent(t, finance, opts);
  const res = await t.json('POST', `/api/milestones/${e.milestones[0]!.id}/payment-link`, undefined, finance);
  if (res.status !== 201) throw new Error(`link: ${res.status} ${await res.text()}`);
  const { link } = (await res.json()) as { link: { id: string; amountMinor: number; url: string } };
  const [row] = (
    await t.deps.db.$client.execute({ sql: 'SELECT provider_link_id FROM payment_links WHERE id = ?', args: [link.id] })
  ).rows;
  return { ...e, link: { ...link, providerLinkId: String(row!.provider_link_id) } };
}

// Razorpay ------------------------------------------------------------------------------

const rzpPayment = (id: string, amount: number, status = 'captured') => ({
  entity: { id, entity: 'payment', amount, currency: 'INR', status, created_at: 1_780_000_000, notes: [] },
});

/** Razorpay's documented payloads (payment_link.paid carries the link and the payment). */
export const rzp = {
  linkPaid: (plink: string, payId: string, amount: number) => ({
    entity: 'event',
    event: 'payment_link.paid',
    contains: ['payment_link', 'order', 'payment'],
    payload: { payment_link: { entity: { id: plink, status: 'paid' } }, payment: rzpPayment(payId, amount) },
    created_at: 1_780_000_000,
  }),
  captured: (payId: string, amount: number, notes?: Record<string, string>) => ({
    entity: 'event',
    event: 'payment.captured',
    contains: ['payment'],
    payload: { payment: { entity: { ...rzpPayment(payId, amount).entity, notes: notes ?? [] } } },
    created_at: 1_780_000_000,
  }),
  refundProcessed: (refundId: string, payId: string, amount: number, captured: number) => ({
    entity: 'event',
    event: 'refund.processed',
    contains: ['refund', 'payment'],
    payload: {
      refund: {
        entity: {
          id: refundId,
          entity: 'refund',
          amount,
          currency: 'INR',
          payment_id: payId,
          status: 'processed',
          created_at: 1_780_000_100,
        },
      },
      payment: rzpPayment(payId, captured, 'refunded'),
    },
    created_at: 1_780_000_100,
  }),
};

/** Signs like Razorpay (HMAC-SHA256 of the raw body), checked with the SDK's own verifier first. */
export async function deliverRazorpay(t: TestApp, body: unknown, eventId = newId()) {
  const raw = JSON.stringify(body);
  const signature = createHmac('sha256', RZP_SECRET).update(raw).digest('hex');
  if (!validateWebhookSignature(raw, signature, RZP_SECRET)) throw new Error('the SDK refuses our own signature');
  const res = await t.app.request('/api/webhooks/razorpay', {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', 'x-razorpay-signature': signature, 'x-razorpay-event-id': eventId },
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; status: string; reason?: string } };
}

// Stripe --------------------------------------------------------------------------------

const stripe = new Stripe('sk_test_dummy');

export const stripeEvents = {
  session: (
    type:
      | 'checkout.session.completed'
      | 'checkout.session.async_payment_succeeded'
      | 'checkout.session.async_payment_failed',
    s: { id: string; linkId: string; amount: number; pi: string; paid: boolean; currency?: string },
  ) => ({
    id: `evt_${newId()}`,
    object: 'event',
    type,
    created: 1_780_000_000,
    data: {
      object: {
        id: s.id,
        object: 'checkout.session',
        client_reference_id: s.linkId,
        payment_status: s.paid ? 'paid' : 'unpaid',
        amount_total: s.amount,
        currency: s.currency ?? 'usd',
        payment_intent: s.pi,
        metadata: { mandap_link_id: s.linkId },
      },
    },
  }),
  chargeRefunded: (c: {
    pi: string;
    amount: number;
    refunds: { id: string; amount: number }[];
    linkId?: string;
    currency?: string;
  }) => ({
    id: `evt_${newId()}`,
    object: 'event',
    type: 'charge.refunded',
    created: 1_780_000_200,
    data: {
      object: {
        id: `ch_${c.pi}`,
        object: 'charge',
        amount: c.amount,
        amount_captured: c.amount,
        amount_refunded: c.refunds.reduce((s, r) => s + r.amount, 0),
        currency: c.currency ?? 'usd',
        created: 1_780_000_000,
        payment_intent: c.pi,
        metadata: c.linkId ? { mandap_link_id: c.linkId } : {},
        refunded: true,
        refunds: { object: 'list', data: c.refunds.map((r) => ({ ...r, object: 'refund', status: 'succeeded' })) },
      },
    },
  }),
};

/** Signs with the Stripe SDK's own test header (the app verifies with constructEventAsync). */
export async function deliverStripe(t: TestApp, event: Record<string, unknown>) {
  const raw = JSON.stringify(event);
  const header = await stripe.webhooks.generateTestHeaderStringAsync({ payload: raw, secret: STRIPE_WEBHOOK_SECRET });
  const res = await t.app.request('/api/webhooks/stripe', {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; status: string; reason?: string } };
}

/** The balance of one account (debit positive) in one currency. */
export async function balanceOf(t: TestApp, account: string, currency = 'INR') {
  const rs = await t.deps.db.$client.execute({
    sql: 'SELECT coalesce(sum(amount_minor), 0) AS n FROM postings WHERE account = ? AND currency = ?',
    args: [account, currency],
  });
  return Number(rs.rows[0]!.n);
}
