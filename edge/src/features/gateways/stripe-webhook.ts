import { and, eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Tx } from '../../db/client.ts';
import { gatewayRefunds } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { bookCapture, closeLink, findLink, refreshLinkStatus } from './gateway.service.ts';
import { bookGatewayRefund } from './gateway-refunds.ts';
import type { Delivery } from './webhooks.service.ts';

const SESSION_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
];

const idOf = (x: string | { id: string } | null | undefined) => (typeof x === 'string' ? x : (x?.id ?? null));

/**
 * The effect of a verified Stripe event. A paid Checkout session (at once, or later through
 * `async_payment_succeeded` for delayed methods) books the payment; a failed delayed payment
 * books nothing; an expired session closes the link; `charge.refunded` books what was
 * refunded since the last delivery, as reversing entries.
 */
export function stripeEffect(event: Stripe.Event, now: Date): Delivery['apply'] {
  return async (tx: Tx) => {
    if (event.type === 'charge.refunded') return chargeRefunded(tx, event.data.object as Stripe.Charge, event, now);
    if (!SESSION_EVENTS.includes(event.type)) return `ignored: ${event.type} is not an event we act on`;
    const s = event.data.object as Stripe.Checkout.Session;
    const linkRef = s.metadata?.mandap_link_id ?? s.client_reference_id ?? s.id;
    const link =
      (await findLink(tx, 'stripe', { providerLinkId: s.id })) ??
      (await findLink(tx, 'stripe', { linkId: s.metadata?.mandap_link_id ?? s.client_reference_id ?? undefined }));
    let note: string;
    if (event.type === 'checkout.session.expired') {
      if (!link) return `ignored: expiry of an unknown session (${s.id})`;
      await closeLink(tx, link, 'expired');
      note = 'link expired';
    } else if (event.type === 'checkout.session.async_payment_failed') note = 'delayed payment failed: nothing booked';
    else if (s.payment_status === 'paid' && s.amount_total)
      note = await bookCapture(tx, link, {
        provider: 'stripe',
        providerPaymentId: idOf(s.payment_intent) ?? s.id,
        amountMinor: s.amount_total,
        currency: (s.currency ?? '').toUpperCase(),
        at: new Date(event.created * 1000),
        linkRef,
      });
    else note = 'session completed; the delayed payment is still processing';
    if (link) await refreshLinkStatus(tx, link.id, now);
    return note;
  };
}

/** Refunds on a charge: each refund id booked once; without the list, what is new in `amount_refunded`. */
async function chargeRefunded(tx: Tx, ch: Stripe.Charge, event: Stripe.Event, now: Date): Promise<string> {
  const paymentId = idOf(ch.payment_intent) ?? ch.id;
  const currency = ch.currency.toUpperCase();
  const linkId = ch.metadata?.mandap_link_id;
  const link = linkId ? await findLink(tx, 'stripe', { linkId }) : null;
  const capture = {
    link,
    cap: {
      provider: 'stripe' as const,
      providerPaymentId: paymentId,
      amountMinor: ch.amount_captured || ch.amount,
      currency,
      at: new Date(ch.created * 1000),
      linkRef: linkId ?? null,
    },
  };
  const at = new Date(event.created * 1000);
  let refunds = (ch.refunds?.data ?? [])
    .filter((r) => r.status !== 'failed' && r.status !== 'canceled' && r.amount > 0)
    .map((r) => ({ id: r.id, amountMinor: r.amount }));
  if (refunds.length === 0) {
    const [done] = await tx
      .select({ n: sql<number>`coalesce(sum(${gatewayRefunds.amountMinor}), 0)` })
      .from(gatewayRefunds)
      .where(and(eq(gatewayRefunds.provider, 'stripe'), eq(gatewayRefunds.providerPaymentId, paymentId)));
    const fresh = ch.amount_refunded - Number(done?.n ?? 0);
    if (!Number.isSafeInteger(ch.amount_refunded) || ch.amount_refunded <= 0)
      throw new AppError('unprocessable', 'charge.refunded without an amount refunded');
    refunds = fresh > 0 ? [{ id: `${ch.id}@${ch.amount_refunded}`, amountMinor: fresh }] : [];
  }
  const notes: string[] = [];
  for (const r of refunds)
    notes.push(
      await bookGatewayRefund(
        tx,
        {
          provider: 'stripe',
          providerRefundId: r.id,
          providerPaymentId: paymentId,
          amountMinor: r.amountMinor,
          currency,
          at,
        },
        capture,
      ),
    );
  if (link) await refreshLinkStatus(tx, link.id, now);
  return notes.join('; ') || 'no new refund on this charge';
}
