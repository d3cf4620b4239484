import type Stripe from 'stripe';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { applyCapture, closeLink, findLink, refreshLinkStatus } from './gateway.service.ts';
import type { Delivery } from './webhooks.service.ts';

/** The effect of a verified Stripe event: a paid Checkout session records the payment; an expired one closes the link. */
export function stripeEffect(event: Stripe.Event, now: Date): Delivery['apply'] {
  return async (tx: Tx) => {
    if (event.type !== 'checkout.session.completed' && event.type !== 'checkout.session.expired')
      return `ignored: ${event.type} is not an event we act on`;
    const s = event.data.object as Stripe.Checkout.Session;
    const link =
      (await findLink(tx, 'stripe', { providerLinkId: s.id })) ??
      (await findLink(tx, 'stripe', { linkId: s.metadata?.mandap_link_id ?? s.client_reference_id ?? undefined }));
    if (!link) throw new AppError('unprocessable', `unknown payment link (${s.id})`);
    let note = 'link expired';
    if (event.type === 'checkout.session.expired') await closeLink(tx, link, 'expired');
    else if (s.payment_status === 'paid' && s.amount_total)
      note = await applyCapture(tx, link, {
        providerPaymentId: typeof s.payment_intent === 'string' ? s.payment_intent : (s.payment_intent?.id ?? s.id),
        amountMinor: s.amount_total,
        currency: (s.currency ?? '').toUpperCase(),
        at: new Date(event.created * 1000),
      });
    else note = 'session completed but not paid yet';
    await refreshLinkStatus(tx, link.id, now);
    return note;
  };
}
