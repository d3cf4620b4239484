import { ACCOUNTS } from '@mandap/shared/payments';
import { desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  gatewayPayments,
  gatewayRefunds,
  gatewaySuspense,
  payments,
  postings,
  webhookInbox,
} from '../../db/schema/index.ts';
import type { Provider } from './gateway.service.ts';

export interface ReconciliationRow {
  provider: Provider;
  providerPaymentId: string;
  currency: string;
  /** As the gateway reported it. */
  capturedMinor: number;
  refundedMinor: number;
  /** As the books hold it: the payment (net of its refunds) or what suspense still holds. */
  bookedAs: string;
  bookedMinor: number;
  differenceMinor: number;
  inSuspense: boolean;
}

/**
 * Gateway events next to the booked payments: each capture the gateways reported, what was
 * refunded, where the books hold it, and any difference; per gateway, the reported net
 * against the `bank:<gateway>` balance.
 */
export async function reconciliation(db: DbOrTx) {
  const captured = await db.select().from(gatewayPayments);
  const held = await db.select().from(gatewaySuspense);
  const refunds = await db.select().from(gatewayRefunds);
  const ids = [
    ...captured.map((c) => c.paymentId),
    ...held.flatMap((h) => (h.resolvedPaymentId ? [h.resolvedPaymentId] : [])),
  ];
  const booked = ids.length ? await db.select().from(payments).where(inArray(payments.id, ids)) : [];
  const refundRows = ids.length ? await db.select().from(payments).where(inArray(payments.reversesPaymentId, ids)) : [];
  const byId = new Map(booked.map((p) => [p.id, p]));
  const refundedOf = (provider: string, pid: string) =>
    refunds
      .filter((r) => r.provider === provider && r.providerPaymentId === pid)
      .reduce((s, r) => s + r.amountMinor, 0);
  const netOf = (paymentId: string) =>
    (byId.get(paymentId)?.amountMinor ?? 0) +
    refundRows.filter((r) => r.reversesPaymentId === paymentId).reduce((s, r) => s + r.amountMinor, 0);
  const rows: ReconciliationRow[] = [];
  const seen = new Set<string>();
  for (const c of captured) {
    const p = byId.get(c.paymentId);
    const capturedMinor = c.amountMinor ?? p?.amountMinor ?? 0;
    const refundedMinor = refundedOf(c.provider, c.providerPaymentId);
    const bookedMinor = netOf(c.paymentId);
    seen.add(`${c.provider}|${c.providerPaymentId}`);
    rows.push({
      provider: c.provider,
      providerPaymentId: c.providerPaymentId,
      currency: c.currency ?? p?.currency ?? 'INR',
      capturedMinor,
      refundedMinor,
      bookedAs: p?.code ?? 'missing payment',
      bookedMinor,
      differenceMinor: capturedMinor - refundedMinor - bookedMinor,
      inSuspense: false,
    });
  }
  for (const h of held) {
    if (seen.has(`${h.provider}|${h.providerPaymentId}`)) continue;
    const refundedMinor = refundedOf(h.provider, h.providerPaymentId);
    const resolved = h.resolvedPaymentId ? byId.get(h.resolvedPaymentId) : undefined;
    // Refunds booked while in suspense are in refundedMinor of the item; later ones on the payment.
    const bookedMinor = h.status === 'open' ? h.amountMinor - h.refundedMinor : resolved ? netOf(resolved.id) : 0;
    rows.push({
      provider: h.provider,
      providerPaymentId: h.providerPaymentId,
      currency: h.currency,
      capturedMinor: h.amountMinor,
      refundedMinor,
      bookedAs:
        h.status === 'open' ? 'suspense' : resolved ? `${resolved.code} (from suspense)` : `suspense (${h.status})`,
      bookedMinor,
      differenceMinor: h.amountMinor - refundedMinor - bookedMinor,
      inSuspense: h.status === 'open',
    });
  }
  const totals = [];
  for (const provider of ['razorpay', 'stripe'] as const) {
    const mine = rows.filter((r) => r.provider === provider);
    const bank = await db
      .select({ currency: postings.currency, amountMinor: postings.amountMinor })
      .from(postings)
      .where(eq(postings.account, ACCOUNTS.bank(provider)));
    for (const currency of new Set([...mine.map((r) => r.currency), ...bank.map((b) => b.currency)])) {
      const gatewayNetMinor = mine
        .filter((r) => r.currency === currency)
        .reduce((s, r) => s + r.capturedMinor - r.refundedMinor, 0);
      const bankMinor = bank.filter((b) => b.currency === currency).reduce((s, b) => s + b.amountMinor, 0);
      totals.push({ provider, currency, gatewayNetMinor, bankMinor, differenceMinor: gatewayNetMinor - bankMinor });
    }
  }
  const inbox = await db
    .select({
      id: webhookInbox.id,
      provider: webhookInbox.provider,
      providerEventId: webhookInbox.providerEventId,
      status: webhookInbox.status,
      reason: webhookInbox.reason,
      receivedAt: webhookInbox.receivedAt,
    })
    .from(webhookInbox)
    .orderBy(desc(webhookInbox.receivedAt))
    .limit(200);
  return { rows, totals, inbox };
}
