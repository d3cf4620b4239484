import { validateWebhookSignature } from 'razorpay/dist/utils/razorpay-utils.js';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { applyCapture, closeLink, findLink, refreshLinkStatus } from './gateway.service.ts';
import type { Delivery } from './webhooks.service.ts';

interface RazorpayEvent {
  event: string;
  created_at?: number;
  payload?: {
    payment_link?: { entity?: { id?: string; notes?: Record<string, string> } };
    payment?: {
      entity?: {
        id?: string;
        amount?: number;
        currency?: string;
        status?: string;
        created_at?: number;
        notes?: Record<string, string>;
      };
    };
  };
}

const HANDLED = [
  'payment_link.paid',
  'payment_link.partially_paid',
  'payment_link.cancelled',
  'payment_link.expired',
  'payment.captured',
];

/** Checks the signature (HMAC-SHA256 of the raw body, with the SDK) and says why a delivery is refused. */
export function razorpayRejection(
  raw: string,
  signature: string | undefined,
  secret: string | undefined,
): string | null {
  if (!secret) return 'RAZORPAY_WEBHOOK_SECRET is not set on this server: every delivery is refused';
  if (!signature) return 'missing X-Razorpay-Signature header';
  try {
    return validateWebhookSignature(raw, signature, secret)
      ? null
      : 'signature does not match the body (wrong secret or modified body)';
  } catch {
    return 'signature could not be checked';
  }
}

/** The effect of a verified Razorpay event; the same set of events in any order ends in the same state. */
export function razorpayEffect(raw: string, now: Date): Delivery['apply'] {
  return async (tx: Tx) => {
    let ev: RazorpayEvent;
    try {
      ev = JSON.parse(raw) as RazorpayEvent;
    } catch {
      throw new AppError('unprocessable', 'body is not JSON');
    }
    if (!HANDLED.includes(ev.event)) return `ignored: ${ev.event} is not an event we act on`;
    const linkEntity = ev.payload?.payment_link?.entity;
    const pay = ev.payload?.payment?.entity;
    const link =
      (await findLink(tx, 'razorpay', { providerLinkId: linkEntity?.id })) ??
      (await findLink(tx, 'razorpay', { linkId: pay?.notes?.mandap_link_id ?? linkEntity?.notes?.mandap_link_id }));
    if (!link)
      throw new AppError(
        'unprocessable',
        `unknown payment link (${linkEntity?.id ?? pay?.notes?.mandap_link_id ?? 'none named'})`,
      );
    let note: string;
    if (ev.event === 'payment_link.cancelled' || ev.event === 'payment_link.expired') {
      await closeLink(tx, link, ev.event === 'payment_link.cancelled' ? 'cancelled' : 'expired');
      note = ev.event.replace('payment_link.', 'link ');
    } else if (pay?.id && pay.status === 'captured' && Number.isSafeInteger(pay.amount) && (pay.amount ?? 0) > 0) {
      note = await applyCapture(tx, link, {
        providerPaymentId: pay.id,
        amountMinor: pay.amount!,
        currency: pay.currency ?? 'INR',
        at: pay.created_at ? new Date(pay.created_at * 1000) : now,
      });
    } else {
      note = 'no captured payment in this event';
    }
    await refreshLinkStatus(tx, link.id, now);
    return note;
  };
}
