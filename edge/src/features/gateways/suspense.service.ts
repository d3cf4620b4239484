import { newId } from '@mandap/shared/common';
import { type Currency, convertMoney } from '@mandap/shared/money';
import { reversalOf, suspenseLines } from '@mandap/shared/payments';
import { indiaDate as istDate } from '@mandap/shared/time';
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { type FxSnapshot, gatewaySuspense } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { enqueueMessage, recordChange } from '../../lib/journal.ts';
import { latestRate } from '../fx/fx-rates.service.ts';
import { postEntry } from '../payments/ledger-store.ts';
import { type MoneyActor, recordPayment } from '../payments/payments.service.ts';
import type { Capture } from './gateway.service.ts';

export type SuspenseRow = typeof gatewaySuspense.$inferSelect;

const linesOf = (h: SuspenseRow, amountMinor: number, amountInrMinor: number) =>
  suspenseLines({ gateway: h.provider, currency: h.currency as Currency, amountMinor, amountInrMinor });

/**
 * A capture no link could take: debit `bank:<gateway>`, credit `suspense:<gateway>`, one
 * suspense item, and finance told (a domain event and an in-app message).
 */
export async function bookToSuspense(tx: Tx, cap: Capture, reason: string): Promise<SuspenseRow> {
  const currency = cap.currency as Currency;
  const fx = currency === 'INR' ? null : await latestRate(tx, currency, 'INR');
  // With no rate stored the INR value is unknown: kept at 0 and said in the reason.
  const amountInrMinor =
    currency === 'INR' || fx ? convertMoney({ amountMinor: cap.amountMinor, currency }, fx, 'INR').amountMinor : 0;
  const id = newId();
  const row: SuspenseRow = {
    id,
    provider: cap.provider,
    providerPaymentId: cap.providerPaymentId,
    linkRef: cap.linkRef ?? null,
    reason: fx || currency === 'INR' ? reason : `${reason}; no ${currency}→INR rate stored, INR value 0`,
    amountMinor: cap.amountMinor,
    currency,
    amountInrMinor,
    receivedOn: istDate(cap.at),
    journalEntryId: null,
    refundedMinor: 0,
    status: 'open',
    resolvedPaymentId: null,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: cap.at.toISOString(),
  };
  row.journalEntryId = await postEntry(tx, {
    memo: `${cap.provider} ${cap.providerPaymentId} held in suspense: ${reason}`,
    eventId: null,
    clientId: null,
    sourceType: 'suspense',
    sourceId: id,
    fx: fx as FxSnapshot | null,
    lines: linesOf(row, cap.amountMinor, amountInrMinor),
    actorId: null,
    at: cap.at,
  });
  await tx.insert(gatewaySuspense).values(row);
  const payload = {
    suspenseId: id,
    provider: cap.provider,
    providerPaymentId: cap.providerPaymentId,
    amountMinor: cap.amountMinor,
    currency,
    reason: row.reason,
  };
  await recordChange(tx, {
    type: 'gateway.suspense_booked',
    aggregateType: 'gateway_suspense',
    aggregateId: id,
    payload,
    actorId: null,
    at: cap.at,
  });
  await enqueueMessage(tx, {
    channel: 'in_app',
    template: 'finance_suspense_booked',
    recipient: 'role:finance',
    payload,
    at: cap.at,
    dedupeKey: `suspense:${id}`,
  });
  return row;
}

/** Releases part of a suspense item's money (the reverse of its entry, for `amountMinor`). */
async function release(tx: Tx, h: SuspenseRow, amountMinor: number, memo: string, actorId: string | null, at: Date) {
  const inr =
    amountMinor === h.amountMinor - h.refundedMinor && h.refundedMinor === 0
      ? h.amountInrMinor
      : h.amountMinor === 0
        ? 0
        : Math.round((h.amountInrMinor * amountMinor) / h.amountMinor);
  await postEntry(tx, {
    memo,
    eventId: null,
    clientId: null,
    sourceType: 'suspense_release',
    sourceId: h.id,
    fx: null,
    lines: reversalOf(linesOf(h, amountMinor, inr)),
    actorId,
    at,
  });
}

/**
 * Moves a suspense item to an event: its money leaves suspense and is recorded as the event's
 * gateway payment (milestones first, then credit on account). Returns the payment's id.
 */
export async function releaseToEvent(
  tx: Tx,
  h: SuspenseRow,
  actor: MoneyActor,
  to: { eventId: string; firstMilestoneId?: string; at: Date },
): Promise<string | null> {
  if (h.status !== 'open') throw new AppError('conflict', `That suspense item is already ${h.status}.`);
  const amountMinor = h.amountMinor - h.refundedMinor;
  let paymentId: string | null = null;
  if (amountMinor > 0) {
    const result = await recordPayment(
      tx,
      actor,
      {
        eventId: to.eventId,
        mode: h.provider,
        reference: h.providerPaymentId,
        receivedOn: h.receivedOn,
        amountMinor,
        currency: h.currency as Currency,
      },
      to.at,
      { fromGateway: true, ...(to.firstMilestoneId ? { firstMilestoneId: to.firstMilestoneId } : {}) },
    );
    paymentId = result.payment.id;
    await release(
      tx,
      h,
      amountMinor,
      `${h.provider} ${h.providerPaymentId} moved from suspense to ${result.payment.code}`,
      actor.actorId,
      to.at,
    );
  }
  await tx
    .update(gatewaySuspense)
    .set({
      status: 'resolved',
      resolvedPaymentId: paymentId,
      resolvedBy: actor.actorId,
      resolvedAt: to.at.toISOString(),
    })
    .where(eq(gatewaySuspense.id, h.id));
  await recordChange(tx, {
    type: 'gateway.suspense_resolved',
    aggregateType: 'gateway_suspense',
    aggregateId: h.id,
    payload: { eventId: to.eventId, paymentId, amountMinor },
    actorId: actor.actorId,
    at: to.at,
    audit: { before: { status: h.status }, after: { status: 'resolved', eventId: to.eventId, paymentId } },
  });
  return paymentId;
}

/** A gateway refund of money still in suspense: that much leaves suspense (and the bank). */
export async function refundFromSuspense(tx: Tx, h: SuspenseRow, amountMinor: number, refundId: string, at: Date) {
  await release(
    tx,
    h,
    amountMinor,
    `${h.provider} refund ${refundId} of ${h.providerPaymentId} (held in suspense)`,
    null,
    at,
  );
  const refundedMinor = h.refundedMinor + amountMinor;
  await tx
    .update(gatewaySuspense)
    .set({ refundedMinor, status: refundedMinor >= h.amountMinor ? 'refunded' : 'open' })
    .where(eq(gatewaySuspense.id, h.id));
}

/** Finance resolves a suspense item to an event. */
export async function resolveSuspense(
  tx: Tx,
  actor: MoneyActor,
  suspenseId: string,
  input: { eventId: string; milestoneId?: string | undefined },
  at: Date,
) {
  const [h] = await tx.select().from(gatewaySuspense).where(eq(gatewaySuspense.id, suspenseId));
  if (!h) throw notFound('That suspense item');
  const paymentId = await releaseToEvent(tx, h, actor, {
    eventId: input.eventId,
    ...(input.milestoneId ? { firstMilestoneId: input.milestoneId } : {}),
    at,
  });
  const [after] = await tx.select().from(gatewaySuspense).where(eq(gatewaySuspense.id, suspenseId));
  return { item: after!, paymentId: paymentId ?? '' };
}

export async function listSuspense(db: DbOrTx) {
  return db.select().from(gatewaySuspense).orderBy(desc(gatewaySuspense.createdAt));
}
