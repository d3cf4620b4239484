import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { gatewayRefunds } from '../../db/schema/index.ts';
import { refundPayment } from '../payments/payments.service.ts';
import { bookCapture, bookedCapture, type Capture, type Provider } from './gateway.service.ts';
import { refundFromSuspense } from './suspense.service.ts';

/** A refund as a gateway reports it: money already paid back to the client. */
export interface GatewayRefund {
  provider: Provider;
  providerRefundId: string;
  providerPaymentId: string;
  amountMinor: number;
  currency: string;
  at: Date;
}

/**
 * Books a gateway refund once (by its refund id) as a reversing entry: against the payment
 * the capture became (a refund row, credit on account first, milestones after, credit notes
 * for invoiced money), or against suspense when the capture is still held there. A refund
 * that arrives before its capture books the capture first (from what the delivery says of
 * it: to `capture`'s link, else to suspense). Never refused: the gateway has already paid out.
 */
export async function bookGatewayRefund(
  tx: Tx,
  r: GatewayRefund,
  capture: { link: Parameters<typeof bookCapture>[1]; cap: Capture },
): Promise<string> {
  const [seen] = await tx
    .select()
    .from(gatewayRefunds)
    .where(and(eq(gatewayRefunds.provider, r.provider), eq(gatewayRefunds.providerRefundId, r.providerRefundId)));
  if (seen) return 'refund already booked';
  let booked = await bookedCapture(tx, r.provider, r.providerPaymentId);
  let note = '';
  if (!booked) {
    note = `capture first: ${await bookCapture(tx, capture.link, capture.cap)}; `;
    booked = await bookedCapture(tx, r.provider, r.providerPaymentId);
  }
  if (!booked) throw new Error(`capture ${r.providerPaymentId} was not booked`);
  if (booked.paymentId) {
    const result = await refundPayment(
      tx,
      { viewer: null, actorId: null },
      booked.paymentId,
      { kind: 'refund', amountMinor: r.amountMinor, reason: `${r.provider} refund ${r.providerRefundId}` },
      r.at,
      { fromGateway: true },
    );
    await tx
      .insert(gatewayRefunds)
      .values({ ...base(r), paymentId: result.payment.id, suspenseId: booked.suspense?.id ?? null });
    return `${note}refund booked as ${result.payment.code}`;
  }
  await refundFromSuspense(tx, booked.suspense!, r.amountMinor, r.providerRefundId, r.at);
  await tx.insert(gatewayRefunds).values({ ...base(r), paymentId: null, suspenseId: booked.suspense!.id });
  return `${note}refund released from suspense`;
}

const base = (r: GatewayRefund) => ({
  provider: r.provider,
  providerRefundId: r.providerRefundId,
  providerPaymentId: r.providerPaymentId,
  amountMinor: r.amountMinor,
  currency: r.currency,
  createdAt: r.at.toISOString(),
});
