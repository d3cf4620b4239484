import type { Currency } from '@mandap/shared/money';
import { ACCOUNTS, entryImbalance, type PostingLine } from '@mandap/shared/payments';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  creditApplications,
  gatewaySuspense,
  journalEntries,
  milestones,
  payments,
  postings,
} from '../../db/schema/index.ts';

export interface LedgerMismatch {
  kind:
    | 'entry_unbalanced'
    | 'payment_entry'
    | 'milestone_paid'
    | 'receivable'
    | 'orphan_payment'
    | 'advance'
    | 'suspense';
  id: string;
  detail: string;
}

/**
 * Recomputes the books from their sources and reports every disagreement: entries that do
 * not balance; payments whose entry is missing or moves another amount; milestones whose
 * paid amount is not the sum of their allocations; receivables that differ from
 * invoices less credit notes and payments.
 */
export async function checkLedger(
  db: DbOrTx,
): Promise<{ entries: number; payments: number; mismatches: LedgerMismatch[] }> {
  const mismatches: LedgerMismatch[] = [];
  const allPostings = await db.select().from(postings);
  const byEntry = new Map<string, PostingLine[]>();
  for (const p of allPostings) {
    const list = byEntry.get(p.entryId) ?? [];
    list.push({ ...p, currency: p.currency as Currency });
    byEntry.set(p.entryId, list);
  }
  const entries = await db.select({ id: journalEntries.id }).from(journalEntries);
  for (const e of entries) {
    const why = entryImbalance(byEntry.get(e.id) ?? []);
    if (why) mismatches.push({ kind: 'entry_unbalanced', id: e.id, detail: why });
  }
  const allPayments = await db.select().from(payments);
  const paidByMilestone = new Map<string, number>();
  const receivable = new Map<string, number>();
  const advance = new Map<string, number>();
  const suspense = new Map<string, number>();
  for (const p of allPayments) {
    for (const a of p.allocations ?? [])
      paidByMilestone.set(a.milestoneId, (paidByMilestone.get(a.milestoneId) ?? 0) + a.amountMinor);
    const lines = p.journalEntryId ? byEntry.get(p.journalEntryId) : undefined;
    if (!lines) {
      mismatches.push({ kind: 'orphan_payment', id: p.id, detail: `${p.code} has no journal entry` });
      continue;
    }
    const bank = lines.find((l) => l.account === ACCOUNTS.bank(p.mode));
    if (!bank || bank.amountMinor !== p.amountMinor || bank.amountInrMinor !== p.amountInrMinor)
      mismatches.push({
        kind: 'payment_entry',
        id: p.id,
        detail: `${p.code} is ${p.amountMinor} (${p.amountInrMinor} INR) but its entry moves ${bank?.amountMinor ?? 'nothing'} through ${ACCOUNTS.bank(p.mode)}`,
      });
    if (p.clientId) {
      // What went to milestones settles the receivable; the rest is the client's advance.
      const allocated = (p.allocations ?? []).reduce((s, a) => s + a.amountMinor, 0);
      const key = `${ACCOUNTS.receivable(p.clientId)}|${p.currency}`;
      receivable.set(key, (receivable.get(key) ?? 0) - allocated);
      const adv = `${ACCOUNTS.advance(p.clientId)}|${p.currency}`;
      advance.set(adv, (advance.get(adv) ?? 0) - (p.amountMinor - allocated));
    }
  }
  for (const a of await db.select().from(creditApplications)) {
    for (const x of a.allocations)
      paidByMilestone.set(x.milestoneId, (paidByMilestone.get(x.milestoneId) ?? 0) + x.amountMinor);
    // A write-off of credit below zero (no allocations) moves the advance to the loss account,
    // not to the receivable.
    const key = `${ACCOUNTS.receivable(a.clientId)}|${a.currency}`;
    if (a.allocations.length > 0) receivable.set(key, (receivable.get(key) ?? 0) - a.amountMinor);
    const adv = `${ACCOUNTS.advance(a.clientId)}|${a.currency}`;
    advance.set(adv, (advance.get(adv) ?? 0) + a.amountMinor);
  }
  for (const h of await db.select().from(gatewaySuspense))
    if (h.status === 'open') {
      const key = `${ACCOUNTS.suspense(h.provider)}|${h.currency}`;
      suspense.set(key, (suspense.get(key) ?? 0) - (h.amountMinor - h.refundedMinor));
    }
  for (const m of await db.select().from(milestones)) {
    const expected = paidByMilestone.get(m.id) ?? 0;
    if (expected !== m.paidMinor)
      mismatches.push({
        kind: 'milestone_paid',
        id: m.id,
        detail: `"${m.label}" says ${m.paidMinor} paid; payments allocate ${expected}`,
      });
  }
  const invoiceEntries = await db
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(inArray(journalEntries.sourceType, ['invoice', 'credit_note']));
  for (const e of invoiceEntries)
    for (const l of byEntry.get(e.id) ?? [])
      if (l.account.endsWith(':receivable'))
        receivable.set(
          `${l.account}|${l.currency}`,
          (receivable.get(`${l.account}|${l.currency}`) ?? 0) + l.amountMinor,
        );
  const actual = new Map<string, number>();
  for (const p of allPostings)
    if (p.account.endsWith(':receivable'))
      actual.set(`${p.account}|${p.currency}`, (actual.get(`${p.account}|${p.currency}`) ?? 0) + p.amountMinor);
  for (const key of new Set([...receivable.keys(), ...actual.keys()])) {
    if ((receivable.get(key) ?? 0) !== (actual.get(key) ?? 0))
      mismatches.push({
        kind: 'receivable',
        id: key,
        detail: `ledger says ${actual.get(key) ?? 0}; invoices less credit notes and payments say ${receivable.get(key) ?? 0}`,
      });
  }
  const sums = (match: (account: string) => boolean) => {
    const out = new Map<string, number>();
    for (const p of allPostings)
      if (match(p.account))
        out.set(`${p.account}|${p.currency}`, (out.get(`${p.account}|${p.currency}`) ?? 0) + p.amountMinor);
    return out;
  };
  const compare = (
    kind: 'advance' | 'suspense',
    expected: Map<string, number>,
    ledger: Map<string, number>,
    what: string,
  ) => {
    for (const key of new Set([...expected.keys(), ...ledger.keys()]))
      if ((expected.get(key) ?? 0) !== (ledger.get(key) ?? 0))
        mismatches.push({
          kind,
          id: key,
          detail: `ledger says ${ledger.get(key) ?? 0}; ${what} say ${expected.get(key) ?? 0}`,
        });
  };
  compare(
    'advance',
    advance,
    sums((a) => a.endsWith(':advance')),
    'unallocated payments less credit applied',
  );
  compare(
    'suspense',
    suspense,
    sums((a) => a.startsWith('suspense:')),
    'open suspense items',
  );
  return { entries: entries.length, payments: allPayments.length, mismatches };
}
