import type { Currency } from '@mandap/shared/money';
import {
  type AccountBalance,
  accountLabel,
  ageingTotals,
  type CancelledHolding,
  daysOverdue,
  idsInAccounts,
  type LedgerLine,
  type OutstandingRow,
  type OverdueMilestone,
  type TrialBalance,
} from '@mandap/shared/payments';
import { indiaDate as istDate } from '@mandap/shared/time';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, events, journalEntries, milestones, payments, postings, vendors } from '../../db/schema/index.ts';
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

/** Display names of the clients ("name (code)") and vendors whose ids appear in these account names. */
async function accountNames(db: DbOrTx, accounts: Iterable<string>): Promise<Map<string, string>> {
  const { clientIds, vendorIds } = idsInAccounts(accounts);
  const names = new Map<string, string>();
  for (let i = 0; i < clientIds.length; i += 500) {
    const rows = await db
      .select({ id: clients.id, name: clients.name, code: clients.code })
      .from(clients)
      .where(inArray(clients.id, clientIds.slice(i, i + 500)));
    for (const r of rows) names.set(r.id, `${r.name} (${r.code})`);
  }
  for (let i = 0; i < vendorIds.length; i += 500) {
    const rows = await db
      .select({ id: vendors.id, name: vendors.name })
      .from(vendors)
      .where(inArray(vendors.id, vendorIds.slice(i, i + 500)));
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}

/** Every account's INR balance, named; debits equal credits when the ledger is whole. */
export async function trialBalance(db: DbOrTx): Promise<TrialBalance> {
  const balances = await accountBalances(db);
  const names = await accountNames(
    db,
    balances.map((a) => a.account),
  );
  const accounts = balances.map((a) => ({ ...a, label: accountLabel(a.account, names) }));
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
      eventId: journalEntries.eventId,
      eventCode: events.code,
      eventName: events.name,
      clientName: clients.name,
      clientCode: clients.code,
      account: postings.account,
      currency: postings.currency,
      amountMinor: postings.amountMinor,
      amountInrMinor: postings.amountInrMinor,
    })
    .from(postings)
    .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    .leftJoin(events, eq(events.id, journalEntries.eventId))
    .leftJoin(clients, eq(clients.id, journalEntries.clientId))
    .where(where)
    .orderBy(asc(journalEntries.occurredAt), asc(journalEntries.id), asc(postings.account));
  const names = await accountNames(
    db,
    rows.map((r) => r.account),
  );
  return rows.map(({ eventCode, eventName, clientName, clientCode, ...r }) => ({
    ...r,
    accountLabel: accountLabel(r.account, names),
    eventLabel: eventCode ? `${eventCode} · ${eventName}` : null,
    clientLabel: clientName ? `${clientName} (${clientCode})` : null,
    currency: r.currency as Currency,
  }));
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

/**
 * Cancelled bookings still holding money (received less refunded, per currency), the latest
 * received first: the money is booked whatever the booking's stage, and finance settles it here.
 */
export async function heldOnCancelled(db: DbOrTx): Promise<CancelledHolding[]> {
  const rows = await db.all<{
    event_id: string;
    code: string;
    name: string;
    client_name: string | null;
    currency: string;
    held: number;
    received: number;
    last_received_on: string;
  }>(sql`
    SELECT e.id AS event_id, e.code, e.name, c.name AS client_name, p.currency,
      sum(p.amount_minor) AS held, sum(p.amount_minor > 0) AS received, max(p.received_on) AS last_received_on
    FROM ${payments} p JOIN ${events} e ON e.id = p.event_id LEFT JOIN ${clients} c ON c.id = e.client_id
    WHERE e.status = 'cancelled'
    GROUP BY e.id, p.currency HAVING held > 0
    ORDER BY last_received_on DESC, e.code`);
  return rows.map((r) => ({
    eventId: r.event_id,
    eventCode: r.code,
    eventName: r.name,
    clientName: r.client_name,
    currency: r.currency as Currency,
    heldMinor: Number(r.held),
    payments: Number(r.received),
    lastReceivedOn: r.last_received_on,
  }));
}
