import {
  type AccountBalance,
  ageingTotals,
  type Currency,
  daysOverdue,
  istDate,
  type LedgerLine,
  type OutstandingRow,
  type OverdueMilestone,
  type TrialBalance,
} from '@mandap/shared';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, events, journalEntries, milestones, postings } from '../../db/schema/index.ts';
import { toMilestone } from './milestones.service.ts';

/** Balances per account and currency (debit positive), optionally for one event or client. */
export async function accountBalances(db: DbOrTx, filter: { eventId?: string; clientId?: string } = {}) {
  const where: SQL[] = [];
  if (filter.eventId) where.push(eq(journalEntries.eventId, filter.eventId));
  if (filter.clientId) where.push(eq(journalEntries.clientId, filter.clientId));
  const rows = await db
    .select({
      account: postings.account,
      currency: postings.currency,
      amountMinor: sql<number>`sum(${postings.amountMinor})`,
      amountInrMinor: sql<number>`sum(${postings.amountInrMinor})`,
    })
    .from(postings)
    .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    .where(where.length ? and(...where) : undefined)
    .groupBy(postings.account, postings.currency)
    .orderBy(asc(postings.account), asc(postings.currency));
  return rows.map(
    (r): AccountBalance => ({
      account: r.account,
      currency: r.currency as Currency,
      amountMinor: Number(r.amountMinor),
      amountInrMinor: Number(r.amountInrMinor),
    }),
  );
}

/** Every account's INR balance; debits equal credits when the ledger is whole. */
export async function trialBalance(db: DbOrTx): Promise<TrialBalance> {
  const accounts = await accountBalances(db);
  const debit = accounts.reduce((s, a) => s + Math.max(0, a.amountInrMinor), 0);
  const credit = accounts.reduce((s, a) => s + Math.max(0, -a.amountInrMinor), 0);
  return { accounts, totalDebitInrMinor: debit, totalCreditInrMinor: credit, isBalanced: debit === credit };
}

/** The ledger lines of one event or client, oldest first. */
export async function ledgerLines(db: DbOrTx, filter: { eventId?: string; clientId?: string }): Promise<LedgerLine[]> {
  const where = filter.eventId
    ? eq(journalEntries.eventId, filter.eventId)
    : eq(journalEntries.clientId, filter.clientId!);
  const rows = await db
    .select({
      entryId: journalEntries.id,
      occurredAt: journalEntries.occurredAt,
      memo: journalEntries.memo,
      sourceType: journalEntries.sourceType,
      account: postings.account,
      currency: postings.currency,
      amountMinor: postings.amountMinor,
      amountInrMinor: postings.amountInrMinor,
    })
    .from(postings)
    .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    .where(where)
    .orderBy(asc(journalEntries.occurredAt), asc(journalEntries.id), asc(postings.account));
  return rows.map((r) => ({ ...r, currency: r.currency as Currency }));
}

async function openMilestones(db: DbOrTx) {
  return db
    .select({
      m: milestones,
      eventCode: events.code,
      eventName: events.name,
      clientId: events.clientId,
      clientName: clients.name,
    })
    .from(milestones)
    .innerJoin(events, eq(events.id, milestones.eventId))
    .leftJoin(clients, eq(clients.id, events.clientId))
    .where(sql`${milestones.status} <> 'waived' and ${events.status} <> 'cancelled'`)
    .orderBy(asc(milestones.dueDate));
}

/** Outstanding per event with ageing buckets (what is past due, by how long). */
export async function outstandingByEvent(db: DbOrTx, now: Date): Promise<OutstandingRow[]> {
  const today = istDate(now);
  const byEvent = new Map<string, OutstandingRow & { rows: { dueDate: string; outstandingMinor: number }[] }>();
  for (const r of await openMilestones(db)) {
    const e =
      byEvent.get(r.m.eventId) ??
      ({
        eventId: r.m.eventId,
        eventCode: r.eventCode,
        eventName: r.eventName,
        clientId: r.clientId,
        clientName: r.clientName,
        currency: r.m.currency as Currency,
        dueMinor: 0,
        paidMinor: 0,
        outstandingMinor: 0,
        buckets: ageingTotals([], today),
        rows: [] as { dueDate: string; outstandingMinor: number }[],
      } as OutstandingRow & { rows: { dueDate: string; outstandingMinor: number }[] });
    const left = Math.max(0, r.m.amountMinor - r.m.paidMinor);
    e.dueMinor += r.m.amountMinor;
    e.paidMinor += r.m.paidMinor;
    e.outstandingMinor += left;
    e.rows.push({ dueDate: r.m.dueDate, outstandingMinor: left });
    byEvent.set(r.m.eventId, e);
  }
  return [...byEvent.values()].map(({ rows, ...e }) => ({ ...e, buckets: ageingTotals(rows, today) }));
}

/** Milestones past due and not fully paid, the longest overdue first. */
export async function overdueMilestones(db: DbOrTx, now: Date): Promise<OverdueMilestone[]> {
  const today = istDate(now);
  return (await openMilestones(db))
    .filter((r) => r.m.dueDate < today && r.m.paidMinor < r.m.amountMinor)
    .map((r) => ({
      ...toMilestone(r.m),
      eventCode: r.eventCode,
      eventName: r.eventName,
      clientName: r.clientName,
      outstandingMinor: r.m.amountMinor - r.m.paidMinor,
      daysOverdue: daysOverdue(r.m.dueDate, today),
    }));
}
