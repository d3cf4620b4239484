import { type Currency, convertMoney, type FxSnapshot } from '@mandap/shared/money';
import { reversalOf } from '@mandap/shared/payments';
import { indiaDate as istDate } from '@mandap/shared/time';
import { poAccrualLines, VENDOR_ACCOUNTS } from '@mandap/shared/vendors';
import { and, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { postings, vendorAssignments } from '../../db/schema/index.ts';
import { rateForDay } from '../fx/fx-rates.service.ts';
import { postEntry } from '../payments/ledger-store.ts';

type PoRow = typeof vendorAssignments.$inferSelect;

/**
 * Books a confirmed PO as the vendor's payable (event cost by budget category), in the PO's
 * currency with its INR value: INR as is, another currency at `fx` or else the stored rate of
 * the day (FX rates). With no rate at all it books nothing and says so (null): the first
 * payment then books it at the rate it is paid at, so money is never held up by a missing rate.
 */
export async function accruePo(
  tx: DbOrTx,
  row: PoRow,
  vendorName: string,
  actorId: string | null,
  at: Date,
  fx?: FxSnapshot | null,
): Promise<string | null> {
  if (row.accrualEntryId) return row.accrualEntryId;
  const currency = row.currency as Currency;
  let snapshot: FxSnapshot | null = null;
  if (currency !== 'INR') {
    snapshot = fx ?? (await rateForDay(tx, currency, 'INR', istDate(at)));
    if (!snapshot) return null;
  }
  const amountInrMinor = convertMoney({ amountMinor: row.amountMinor, currency }, snapshot, 'INR').amountMinor;
  const entryId = await postEntry(tx, {
    memo: `PO ${row.poNumber} confirmed: ${vendorName}`,
    eventId: row.eventId,
    clientId: null,
    sourceType: 'vendor_bill',
    sourceId: row.id,
    fx: snapshot,
    lines: poAccrualLines({
      vendorId: row.vendorId,
      budgetCategory: row.budgetCategory ?? 'other',
      currency,
      amountMinor: row.amountMinor,
      amountInrMinor,
    }),
    actorId,
    at,
  });
  await tx
    .update(vendorAssignments)
    .set({ accrualEntryId: entryId, updatedAt: at.toISOString() })
    .where(eq(vendorAssignments.id, row.id));
  return entryId;
}

/** The INR value a PO's payable was booked at (the cost line of its accrual entry). */
export async function accruedInrOf(tx: DbOrTx, accrualEntryId: string): Promise<number> {
  const [line] = await tx
    .select({ inr: postings.amountInrMinor })
    .from(postings)
    .where(and(eq(postings.entryId, accrualEntryId), like(postings.account, `${VENDOR_ACCOUNTS.cost('')}%`)))
    .limit(1);
  if (!line) throw new Error(`accrual entry ${accrualEntryId} has no cost line`);
  return line.inr;
}

/** Reverses a PO's booking when it is cancelled: every posting of the accrual negated. */
export async function reversePoAccrual(
  tx: DbOrTx,
  row: PoRow,
  accrualEntryId: string,
  actorId: string | null,
  at: Date,
): Promise<string> {
  const lines = await tx
    .select({
      account: postings.account,
      amountMinor: postings.amountMinor,
      currency: postings.currency,
      amountInrMinor: postings.amountInrMinor,
    })
    .from(postings)
    .where(eq(postings.entryId, accrualEntryId));
  return postEntry(tx, {
    memo: `PO ${row.poNumber} cancelled: booking reversed`,
    eventId: row.eventId,
    clientId: null,
    sourceType: 'reversal',
    sourceId: row.id,
    fx: null,
    reversesEntryId: accrualEntryId,
    lines: reversalOf(lines.map((l) => ({ ...l, currency: l.currency as Currency }))),
    actorId,
    at,
  });
}
