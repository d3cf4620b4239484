import { validateWebhookSignature } from 'razorpay/dist/utils/razorpay-utils.js';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { bookCapture, closeLink, findLink, refreshLinkStatus } from './gateway.service.ts';
import { bookGatewayRefund } from './gateway-refunds.ts';
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
        notes?: Record<string, string> | unknown[];
      };
    };
    refund?: {
      entity?: {
        id?: string;
        payment_id?: string;
        amount?: number;
        currency?: string;
        status?: string;
        created_at?: number;
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
  'refund.processed',
];

const isAmount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
/** Razorpay sends `notes` as an object, or as [] when empty. */
const noteOf = (notes: unknown, key: string): string | undefined =>
  notes && typeof notes === 'object' && !Array.isArray(notes) ? (notes as Record<string, string>)[key] : undefined;

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
    const linkRef =
      linkEntity?.id ?? noteOf(pay?.notes, 'mandap_link_id') ?? noteOf(linkEntity?.notes, 'mandap_link_id');
    const link =
      (await findLink(tx, 'razorpay', { providerLinkId: linkEntity?.id })) ??
      (await findLink(tx, 'razorpay', {
        linkId: noteOf(pay?.notes, 'mandap_link_id') ?? noteOf(linkEntity?.notes, 'mandap_link_id'),
      }));
    const capture =
      pay?.id && isAmount(pay.amount)
        ? {
            provider: 'razorpay' as const,
            providerPaymentId: pay.id,
            amountMinor: pay.amount,
            currency: pay.currency ?? 'INR',
            at: pay.created_at ? new Date(pay.created_at * 1000) : now,
            linkRef: linkRef ?? null,
          }
        : null;
    let note: string;
    if (ev.event === 'refund.processed') {
      const rf = ev.payload?.refund?.entity;
      if (!rf?.id || !isAmount(rf.amount) || !(rf.payment_id ?? pay?.id))
        throw new AppError('unprocessable', 'refund.processed without a refund id, amount and payment id');
      const paymentId = (rf.payment_id ?? pay?.id)!;
      note = await bookGatewayRefund(
        tx,
        {
          provider: 'razorpay',
          providerRefundId: rf.id,
          providerPaymentId: paymentId,
          amountMinor: rf.amount,
          currency: rf.currency ?? pay?.currency ?? 'INR',
          at: rf.created_at ? new Date(rf.created_at * 1000) : now,
        },
        {
          link,
          // Refunded money was captured first; the refund event carries the payment.
          cap: capture ?? {
            provider: 'razorpay',
            providerPaymentId: paymentId,
            amountMinor: rf.amount,
            currency: rf.currency ?? 'INR',
            at: now,
            linkRef: linkRef ?? null,
          },
        },
      );
    } else if (ev.event === 'payment_link.cancelled' || ev.event === 'payment_link.expired') {
      if (!link) return `ignored: ${ev.event} for an unknown link (${linkRef ?? 'none named'})`;
      await closeLink(tx, link, ev.event === 'payment_link.cancelled' ? 'cancelled' : 'expired');
      note = ev.event.replace('payment_link.', 'link ');
    } else if (capture && pay?.status === 'captured') {
      note = await bookCapture(tx, link, capture);
    } else {
      note = 'no captured payment in this event';
    }
    if (link) await refreshLinkStatus(tx, link.id, now);
    return note;
  };
}
