import { newId } from '@mandap/shared/common';
import { allocate, type Currency } from '@mandap/shared/money';
import {
  type Allocation,
  allocatePayment,
  type CreditSplit,
  creditAppliedLines,
  creditWrittenOffLines,
  type Milestone,
  type PaymentMode,
  splitCredit,
} from '@mandap/shared/payments';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { clients, creditApplications, events, journalEntries, payments, postings } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { carriedInr } from './carried-inr.ts';
import { loadVisibleEvent } from './event-scope.ts';
import { postEntry } from './ledger-store.ts';
import { applyToMilestones, loadMilestones, toMilestone } from './milestones.service.ts';
import type { MoneyActor } from './payments.service.ts';
import { cancelRemindersFor } from './reminders.ts';

type PaymentRow = typeof payments.$inferSelect;

/** What a payment row left unallocated (a refund row: what it took back from credit, negative). */
export const unallocatedOf = (r: Pick<PaymentRow, 'amountMinor' | 'allocations'>) =>
  r.amountMinor - (r.allocations ?? []).reduce((s, a) => s + a.amountMinor, 0);

type CreditPaymentRow = Pick<
  PaymentRow,
  'id' | 'code' | 'mode' | 'amountMinor' | 'allocations' | 'reversesPaymentId' | 'createdAt'
>;

/** The one rule for an event's credit: its payments' unallocated parts, less what finance applied (or wrote off) since. */
const creditFrom = (rows: readonly CreditPaymentRow[], applied: readonly { amountMinor: number }[]) =>
  rows.reduce((s, r) => s + unallocatedOf(r), 0) - applied.reduce((s, a) => s + a.amountMinor, 0);

/** The receipts whose surplus is still held (net of refunds taken from each), newest first. */
function sourcesFrom(rows: readonly CreditPaymentRow[]) {
  const refunds = rows.filter((r) => r.reversesPaymentId);
  return rows
    .filter((p) => !p.reversesPaymentId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((p) => ({
      id: p.id,
      code: p.code,
      mode: p.mode as PaymentMode,
      left:
        unallocatedOf(p) +
        refunds.filter((r) => r.reversesPaymentId === p.id).reduce((s, r) => s + unallocatedOf(r), 0),
    }))
    .filter((p) => p.left > 0);
}

/** An event's credit split by source, from its payments and credit applications. */
function splitOf(rows: readonly CreditPaymentRow[], applied: readonly { amountMinor: number }[]) {
  const sources = sourcesFrom(rows);
  const split = splitCredit(
    creditFrom(rows, applied),
    sources.map((s) => ({ mode: s.mode, leftMinor: s.left })),
  );
  return { split, sources };
}

const creditColumns = {
  id: payments.id,
  code: payments.code,
  mode: payments.mode,
  amountMinor: payments.amountMinor,
  allocations: payments.allocations,
  reversesPaymentId: payments.reversesPaymentId,
  createdAt: payments.createdAt,
};

async function creditFacts(db: DbOrTx, eventId: string) {
  const rows = await db.select(creditColumns).from(payments).where(eq(payments.eventId, eventId));
  const applied = await db
    .select({ amountMinor: creditApplications.amountMinor })
    .from(creditApplications)
    .where(eq(creditApplications.eventId, eventId));
  return { rows, applied };
}

/** The credit on account an event holds: payments' unallocated parts, less what finance applied since. */
export async function eventCreditOf(db: DbOrTx, eventId: string): Promise<number> {
  const { rows, applied } = await creditFacts(db, eventId);
  return creditFrom(rows, applied);
}

/**
 * An event's credit split by source (what decides how much the money desk may pay back by
 * hand), with the receipts it is held on, newest first.
 */
export async function eventCreditSplit(db: DbOrTx, eventId: string) {
  const { rows, applied } = await creditFacts(db, eventId);
  return splitOf(rows, applied);
}

/** The INR value of an event's credit on account as the ledger holds it (its advance postings). */
async function heldInr(db: DbOrTx, eventId: string, clientId: string) {
  const rows = await db
    .select({ amountMinor: postings.amountMinor, amountInrMinor: postings.amountInrMinor })
    .from(postings)
    .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    .where(and(eq(journalEntries.eventId, eventId), eq(postings.account, `client:${clientId}:advance`)));
  return {
    amountMinor: -rows.reduce((s, r) => s + r.amountMinor, 0),
    amountInrMinor: -rows.reduce((s, r) => s + r.amountInrMinor, 0),
  };
}

export interface CreditRow extends CreditSplit {
  eventId: string;
  eventCode: string;
  eventName: string;
  clientName: string | null;
  currency: Currency;
  /** Receipts whose surplus is still held, newest first (a refund is taken from them). */
  paymentIds: string[];
}

/** Every event holding credit on account (or owing some back, when negative), for finance. */
export async function listCredits(db: DbOrTx): Promise<CreditRow[]> {
  const rows = await db
    .select({
      p: creditColumns,
      eventId: events.id,
      currency: payments.currency,
      code: events.code,
      name: events.name,
      clientName: clients.name,
    })
    .from(payments)
    .innerJoin(events, eq(events.id, payments.eventId))
    .leftJoin(clients, eq(clients.id, payments.clientId))
    .orderBy(desc(payments.createdAt));
  const applied = await db
    .select({ eventId: creditApplications.eventId, amountMinor: creditApplications.amountMinor })
    .from(creditApplications);
  // Node 20 has no Map.groupBy.
  const byEvent = new Map<string, typeof rows>();
  for (const r of rows) byEvent.get(r.eventId)?.push(r) ?? byEvent.set(r.eventId, [r]);
  const appliedBy = new Map<string, typeof applied>();
  for (const a of applied) appliedBy.get(a.eventId)?.push(a) ?? appliedBy.set(a.eventId, [a]);
  const credits: CreditRow[] = [];
  for (const [eventId, eventRows] of byEvent) {
    const { split, sources } = splitOf(
      eventRows.map((r) => r.p),
      appliedBy.get(eventId) ?? [],
    );
    if (split.creditMinor === 0) continue;
    const first = eventRows[0]!;
    credits.push({
      eventId,
      eventCode: first.code,
      eventName: first.name,
      clientName: first.clientName,
      currency: first.currency as Currency,
      ...split,
      paymentIds: sources.map((s) => s.id),
    });
  }
  return credits;
}

const refuse = (field: string, message: string) =>
  new AppError('unprocessable', message, { fields: { [field]: message } });

/**
 * Finance applies an event's credit on account to its milestones (named ones, or the oldest
 * open ones): the advance debited, the receivable credited, the milestones paid.
 */
export async function applyCredit(
  tx: Tx,
  actor: MoneyActor,
  eventId: string,
  input: { amountMinor?: number | undefined; allocations?: Allocation[] | undefined },
  at: Date,
): Promise<{ applied: number; creditMinor: number; milestones: Milestone[] }> {
  const event = await loadVisibleEvent(tx, actor.viewer, eventId);
  const held = await eventCreditOf(tx, event.id);
  if (!event.clientId || held <= 0) throw refuse('eventId', `${event.code} holds no credit on account.`);
  const wanted = input.amountMinor ?? held;
  if (wanted > held)
    throw refuse('amountMinor', `${event.code} holds ${held} paise of credit on account; ${wanted} is more.`);
  const plan = await loadMilestones(tx, event.id);
  const decision = allocatePayment(
    plan.map((m) => ({ ...m, isWaived: m.status === 'waived' })),
    wanted,
    input.allocations,
  );
  if (!decision.ok) throw refuse(decision.field, `The credit cannot be applied: ${decision.reason}.`);
  const amountMinor = wanted - decision.surplusMinor;
  if (amountMinor <= 0) throw refuse('eventId', `${event.code} has no open milestone to apply credit to.`);
  const currency = (plan[0]?.currency ?? 'INR') as Currency;
  const inr = await heldInr(tx, event.id, event.clientId);
  const amountInrMinor =
    inr.amountMinor > 0 && inr.amountMinor !== amountMinor
      ? allocate(inr.amountInrMinor, [amountMinor, inr.amountMinor - amountMinor])[0]!
      : inr.amountMinor === amountMinor
        ? inr.amountInrMinor
        : amountMinor;
  // The credit was held at its payment day's rate; the milestones are carried at the quote's.
  const carried = await carriedInr(tx, plan[0]?.quoteVersionId ?? null, amountMinor, currency, amountInrMinor);
  const id = newId();
  const journalEntryId = await postEntry(tx, {
    memo: `credit on account applied to milestones of ${event.code}`,
    eventId: event.id,
    clientId: event.clientId,
    sourceType: 'credit_applied',
    sourceId: id,
    fx: null,
    lines: creditAppliedLines({
      clientId: event.clientId,
      currency,
      amountMinor,
      amountInrMinor,
      carriedInrMinor: carried,
    }),
    actorId: actor.actorId,
    at,
  });
  await tx.insert(creditApplications).values({
    id,
    eventId: event.id,
    clientId: event.clientId,
    currency,
    amountMinor,
    allocations: decision.allocations,
    journalEntryId,
    createdBy: actor.actorId,
    createdAt: at.toISOString(),
  });
  const after = await applyToMilestones(tx, plan, decision.allocations, at);
  await cancelRemindersFor(
    tx,
    after.filter((m) => m.status === 'paid').map((m) => m.id),
  );
  await recordChange(tx, {
    type: 'credit.applied',
    aggregateType: 'event',
    aggregateId: event.id,
    payload: { eventId: event.id, amountMinor, allocations: decision.allocations },
    actorId: actor.actorId,
    at,
    audit: { before: { creditMinor: held }, after: { creditMinor: held - amountMinor }, ip: actor.ip ?? null },
  });
  return { applied: amountMinor, creditMinor: held - amountMinor, milestones: after.map(toMilestone) };
}

/**
 * Credit on account below zero (a gateway refund paid the client more than the event held):
 * finance writes it off with a reason. The loss is posted, the advance comes back to zero, and
 * the write-off is kept (a negative credit application) so the event's credit reads 0.
 */
export async function writeOffCredit(
  tx: Tx,
  actor: MoneyActor,
  eventId: string,
  input: { reason: string },
  at: Date,
): Promise<{ writtenOffMinor: number; creditMinor: number }> {
  const event = await loadVisibleEvent(tx, actor.viewer, eventId);
  const held = await eventCreditOf(tx, event.id);
  if (!event.clientId || held >= 0)
    throw refuse('eventId', `${event.code} is not below zero on credit (${held} paise): nothing to write off.`);
  const owed = -held;
  const [first] = await tx
    .select({ currency: payments.currency })
    .from(payments)
    .where(eq(payments.eventId, event.id))
    .limit(1);
  const currency = (first?.currency ?? 'INR') as Currency;
  const inr = await heldInr(tx, event.id, event.clientId);
  const owedInr =
    inr.amountMinor === held
      ? -inr.amountInrMinor
      : inr.amountMinor < 0
        ? Math.round((-inr.amountInrMinor * owed) / -inr.amountMinor)
        : owed;
  const id = newId();
  const journalEntryId = await postEntry(tx, {
    memo: `credit below zero on ${event.code} written off: ${input.reason}`,
    eventId: event.id,
    clientId: event.clientId,
    sourceType: 'credit_written_off',
    sourceId: id,
    fx: null,
    lines: creditWrittenOffLines({ clientId: event.clientId, currency, amountMinor: owed, amountInrMinor: owedInr }),
    actorId: actor.actorId,
    at,
  });
  await tx.insert(creditApplications).values({
    id,
    eventId: event.id,
    clientId: event.clientId,
    currency,
    amountMinor: -owed,
    allocations: [],
    journalEntryId,
    createdBy: actor.actorId,
    createdAt: at.toISOString(),
  });
  await recordChange(tx, {
    type: 'credit.written_off',
    aggregateType: 'event',
    aggregateId: event.id,
    payload: { eventId: event.id, amountMinor: owed, reason: input.reason },
    actorId: actor.actorId,
    at,
    audit: { before: { creditMinor: held }, after: { creditMinor: 0 }, ip: actor.ip ?? null },
  });
  return { writtenOffMinor: owed, creditMinor: 0 };
}
