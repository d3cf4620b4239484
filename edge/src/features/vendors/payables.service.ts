import { newId } from '@mandap/shared/common';
import { type Currency, convertMoney, type FxSnapshot, formatMoney } from '@mandap/shared/money';
import { ageingBucket, ageingTotals, type PaymentMode } from '@mandap/shared/payments';
import { indiaDate as istDate } from '@mandap/shared/time';
import { carriedInrAt, type PayableRow, tdsFor, type VendorPayment, vendorPaymentLines } from '@mandap/shared/vendors';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { events, vendorAssignments, vendorPaymentSchedule, vendorPayments, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { latestRate, rateForDay } from '../fx/fx-rates.service.ts';
import { postEntry } from '../payments/ledger-store.ts';
import { assignmentScope, loadAssignment } from './assignments.service.ts';
import { accruedInrOf, accruePo } from './po-ledger.ts';

const moneyOf = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency: currency as Currency });

export type ScheduleRow = typeof vendorPaymentSchedule.$inferSelect;

export async function scheduleOf(db: DbOrTx, assignmentId: string) {
  return db
    .select({
      id: vendorPaymentSchedule.id,
      seq: vendorPaymentSchedule.seq,
      label: vendorPaymentSchedule.label,
      dueDate: vendorPaymentSchedule.dueDate,
      amountMinor: vendorPaymentSchedule.amountMinor,
      paidMinor: vendorPaymentSchedule.paidMinor,
    })
    .from(vendorPaymentSchedule)
    .where(eq(vendorPaymentSchedule.assignmentId, assignmentId))
    .orderBy(asc(vendorPaymentSchedule.seq));
}

/** Sets an assignment's payment schedule; the parts must add up to the PO, and it is fixed once money has moved. */
export async function setSchedule(
  deps: Deps,
  viewer: Viewer,
  assignmentId: string,
  items: { label: string; dueDate: string; amountMinor: number }[],
) {
  const a = await loadAssignment(deps.db, viewer, assignmentId);
  if (a.status === 'cancelled') throw new AppError('unprocessable', 'This assignment is cancelled.');
  const sum = items.reduce((s, i) => s + i.amountMinor, 0);
  if (sum !== a.amountMinor)
    throw new AppError(
      'unprocessable',
      `The schedule adds up to ${moneyOf(sum, a.currency)} but the PO is ${moneyOf(a.amountMinor, a.currency)}: the difference is ${moneyOf(a.amountMinor - sum, a.currency)}.`,
      { fields: { items: 'must add up to the PO amount' } },
    );
  if (a.paidMinor > 0)
    throw new AppError('unprocessable', 'Money has been paid against this PO: its schedule can no longer be changed.', {
      fields: { items: 'payments exist' },
    });
  const at = deps.now().toISOString();
  await deps.db.transaction(async (tx) => {
    await tx.delete(vendorPaymentSchedule).where(eq(vendorPaymentSchedule.assignmentId, assignmentId));
    await tx.insert(vendorPaymentSchedule).values(
      items.map((i, n) => ({
        id: newId(),
        assignmentId,
        seq: n + 1,
        label: i.label,
        dueDate: i.dueDate,
        amountMinor: i.amountMinor,
        paidMinor: 0,
        createdAt: at,
      })),
    );
    await recordChange(tx, {
      type: 'vendor_schedule.set',
      aggregateType: 'vendor_assignment',
      aggregateId: assignmentId,
      payload: { items },
      actorId: viewer.id,
      at: deps.now(),
    });
  });
  return scheduleOf(deps.db, assignmentId);
}

export interface VendorPaymentInput {
  amountMinor: number;
  mode: PaymentMode;
  reference?: string | undefined;
  paidOn: string;
  tdsMinor?: number | undefined;
  fxRate?: string | undefined;
}

/** The rate a foreign-currency payment is booked at: the one given, else the stored rate of the day paid. */
async function paymentRate(tx: Tx, currency: Currency, input: VendorPaymentInput): Promise<FxSnapshot | null> {
  if (currency === 'INR') return null;
  if (input.fxRate)
    return {
      base: currency,
      quote: 'INR',
      rate: input.fxRate,
      source: 'manual',
      asOf: `${input.paidOn}T00:00:00.000Z`,
    };
  const stored = await rateForDay(tx, currency, 'INR', input.paidOn);
  if (!stored)
    throw new AppError(
      'unprocessable',
      `There is no ${currency}→INR rate for ${formatDateIn(input.paidOn)}: give the rate the bank paid at (fxRate), or add one under FX rates.`,
      { fields: { fxRate: `no stored ${currency}→INR rate` } },
    );
  return stored;
}

const formatDateIn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Pays a vendor against a PO, in the PO's currency, inside the caller's (idempotent)
 * transaction: one journal entry debits the vendor's payable by the gross (at the INR value it
 * was booked at), credits the bank by the net and TDS payable by what was withheld (at the rate
 * paid); a foreign-currency difference goes to FX gain/loss. The payment keeps its amount in the
 * PO's currency and its INR equivalent with the rate used. More than the PO's unpaid balance is
 * refused; the schedule is paid oldest first; a delivered PO paid in full becomes paid.
 */
export async function recordVendorPayment(
  tx: Tx,
  viewer: Viewer,
  assignmentId: string,
  input: VendorPaymentInput,
  at: Date,
): Promise<VendorPayment> {
  const a = await loadAssignment(tx, viewer, assignmentId);
  const [row] = await tx.select().from(vendorAssignments).where(eq(vendorAssignments.id, assignmentId));
  const [vendor] = await tx.select().from(vendors).where(eq(vendors.id, a.vendorId));
  if (!['confirmed', 'in_progress', 'delivered'].includes(a.status))
    throw new AppError(
      'unprocessable',
      `A PO that is ${a.status.replace('_', ' ')} cannot be paid: confirm it first.`,
      {
        fields: { assignmentId: `status ${a.status}` },
      },
    );
  const currency = a.currency as Currency;
  const [{ paid } = { paid: 0 }] = await tx
    .select({ paid: sql<number>`coalesce(sum(${vendorPayments.amountMinor}), 0)` })
    .from(vendorPayments)
    .where(eq(vendorPayments.assignmentId, assignmentId));
  const paidBefore = Number(paid);
  const unpaid = a.amountMinor - paidBefore;
  if (input.amountMinor > unpaid)
    throw new AppError(
      'unprocessable',
      `That is beyond the PO: ${a.poNumber} is ${moneyOf(a.amountMinor, currency)}, ${moneyOf(paidBefore, currency)} is already paid, so at most ${moneyOf(unpaid, currency)} can be paid now.`,
      { fields: { amountMinor: `at most ${unpaid}` } },
    );
  const tds =
    input.tdsMinor ??
    tdsFor({
      country: vendor!.country,
      currency: a.currency,
      pan: vendor!.pan,
      contractMinor: a.amountMinor,
      grossMinor: input.amountMinor,
    }).tdsMinor;
  if (tds >= input.amountMinor)
    throw new AppError('validation_failed', 'Check the request body: tdsMinor: TDS must be less than the payment.', {
      fields: { tdsMinor: 'too large' },
    });
  const fx = await paymentRate(tx, currency, input);
  const toInr = (m: number) => convertMoney({ amountMinor: m, currency }, fx, 'INR').amountMinor;
  // A PO confirmed while no rate was stored is booked now, at the rate it is paid at.
  const accrualEntryId = await accruePo(tx, row!, vendor!.name, viewer.id, at, fx);
  const accruedInr = await accruedInrOf(tx, accrualEntryId!);
  const carriedInrMinor =
    carriedInrAt(accruedInr, a.amountMinor, paidBefore + input.amountMinor) -
    carriedInrAt(accruedInr, a.amountMinor, paidBefore);
  const amountInrMinor = toInr(input.amountMinor);
  const id = newId();
  const entryId = await postEntry(tx, {
    memo: `Paid ${vendor!.name} against ${a.poNumber}${tds ? ` (TDS ${moneyOf(tds, currency)})` : ''}${fx ? ` at ${fx.rate} INR/${currency}` : ''}`,
    eventId: a.eventId,
    clientId: null,
    sourceType: 'vendor_payment',
    sourceId: id,
    fx,
    lines: vendorPaymentLines({
      vendorId: a.vendorId,
      mode: input.mode,
      currency,
      amountMinor: input.amountMinor,
      tdsMinor: tds,
      amountInrMinor,
      tdsInrMinor: toInr(tds),
      carriedInrMinor,
    }),
    actorId: viewer.id,
    at,
  });
  const payment = {
    id,
    assignmentId,
    vendorId: a.vendorId,
    eventId: a.eventId,
    amountMinor: input.amountMinor,
    tdsMinor: tds,
    currency,
    amountInrMinor,
    fx,
    mode: input.mode,
    reference: input.reference ?? null,
    paidOn: input.paidOn,
    journalEntryId: entryId,
    createdBy: viewer.id,
    createdAt: at.toISOString(),
  };
  await tx.insert(vendorPayments).values(payment);
  // Oldest unpaid schedule parts first.
  let left = input.amountMinor;
  for (const s of await scheduleOf(tx, assignmentId)) {
    if (left === 0) break;
    const take = Math.min(left, s.amountMinor - s.paidMinor);
    if (take <= 0) continue;
    await tx
      .update(vendorPaymentSchedule)
      .set({ paidMinor: s.paidMinor + take })
      .where(eq(vendorPaymentSchedule.id, s.id));
    left -= take;
  }
  const fullyPaid = paidBefore + input.amountMinor === a.amountMinor;
  if (fullyPaid && row!.status === 'delivered')
    await tx
      .update(vendorAssignments)
      .set({ status: 'paid', updatedAt: at.toISOString() })
      .where(eq(vendorAssignments.id, assignmentId));
  await recordChange(tx, {
    type: 'vendor_payment.recorded',
    aggregateType: 'vendor_assignment',
    aggregateId: assignmentId,
    payload: {
      paymentId: id,
      amountMinor: input.amountMinor,
      currency,
      amountInrMinor,
      fxRate: fx?.rate ?? null,
      tdsMinor: tds,
      journalEntryId: entryId,
    },
    actorId: viewer.id,
    at,
  });
  return {
    id,
    assignmentId,
    amountMinor: input.amountMinor,
    tdsMinor: tds,
    netMinor: input.amountMinor - tds,
    currency,
    amountInrMinor,
    fxRate: fx?.rate ?? null,
    mode: input.mode,
    reference: payment.reference,
    paidOn: input.paidOn,
    journalEntryId: entryId,
  };
}

function toPaymentView(p: typeof vendorPayments.$inferSelect): VendorPayment {
  return {
    id: p.id,
    assignmentId: p.assignmentId,
    amountMinor: p.amountMinor,
    tdsMinor: p.tdsMinor,
    netMinor: p.amountMinor - p.tdsMinor,
    currency: p.currency,
    // Rows from before foreign POs could be paid are INR: their INR value is the amount.
    amountInrMinor: p.amountInrMinor ?? p.amountMinor,
    fxRate: p.fx?.rate ?? null,
    mode: p.mode,
    reference: p.reference,
    paidOn: p.paidOn,
    journalEntryId: p.journalEntryId,
  };
}

/** The payments of one PO, for a caller that has already been allowed to see it (a PO link). */
export async function paymentsOfAssignment(db: DbOrTx, assignmentId: string): Promise<VendorPayment[]> {
  const rows = await db
    .select()
    .from(vendorPayments)
    .where(eq(vendorPayments.assignmentId, assignmentId))
    .orderBy(asc(vendorPayments.paidOn), asc(vendorPayments.id));
  return rows.map(toPaymentView);
}

export async function listVendorPayments(
  db: DbOrTx,
  viewer: Viewer,
  filter: { assignmentId?: string },
): Promise<VendorPayment[]> {
  const rows = await db
    .select({ p: vendorPayments })
    .from(vendorPayments)
    .innerJoin(vendorAssignments, eq(vendorAssignments.id, vendorPayments.assignmentId))
    .where(
      and(
        await assignmentScope(db, viewer),
        filter.assignmentId ? eq(vendorPayments.assignmentId, filter.assignmentId) : undefined,
      ),
    )
    .orderBy(asc(vendorPayments.paidOn), asc(vendorPayments.id));
  return rows.map(({ p }) => toPaymentView(p));
}

/**
 * Outstanding vendor payments across events (schedule parts not fully paid), each in its PO's
 * currency and in INR, with ageing by due date in INR: a foreign-currency part at the rate its
 * PO was booked at, else the newest stored rate (a part with no rate at all is listed, not aged).
 */
export async function listPayables(deps: Deps, viewer: Viewer) {
  const today = istDate(deps.now());
  const rows = await deps.db
    .select({
      scheduleId: vendorPaymentSchedule.id,
      assignmentId: vendorAssignments.id,
      vendorId: vendors.id,
      vendorName: vendors.name,
      eventId: events.id,
      eventName: events.name,
      poNumber: vendorAssignments.poNumber,
      label: vendorPaymentSchedule.label,
      dueDate: vendorPaymentSchedule.dueDate,
      currency: vendorAssignments.currency,
      poMinor: vendorAssignments.amountMinor,
      accrualEntryId: vendorAssignments.accrualEntryId,
      outstandingMinor: sql<number>`${vendorPaymentSchedule.amountMinor} - ${vendorPaymentSchedule.paidMinor}`,
    })
    .from(vendorPaymentSchedule)
    .innerJoin(vendorAssignments, eq(vendorAssignments.id, vendorPaymentSchedule.assignmentId))
    .innerJoin(vendors, eq(vendors.id, vendorAssignments.vendorId))
    .innerJoin(events, eq(events.id, vendorAssignments.eventId))
    .where(
      and(
        await assignmentScope(deps.db, viewer),
        gt(sql`${vendorPaymentSchedule.amountMinor} - ${vendorPaymentSchedule.paidMinor}`, 0),
        sql`${vendorAssignments.status} <> 'cancelled'`,
      ),
    )
    .orderBy(asc(vendorPaymentSchedule.dueDate), asc(vendors.name));
  const inrOf = await inrValuer(deps.db);
  const payables: PayableRow[] = [];
  for (const { poMinor, accrualEntryId, ...r } of rows) {
    const outstandingMinor = Number(r.outstandingMinor);
    payables.push({
      ...r,
      outstandingMinor,
      outstandingInrMinor: await inrOf({
        currency: r.currency,
        amountMinor: outstandingMinor,
        poMinor,
        accrualEntryId,
      }),
      bucket: ageingBucket(r.dueDate, today),
    });
  }
  const aged = payables.flatMap((p) =>
    p.outstandingInrMinor === null ? [] : [{ dueDate: p.dueDate, outstandingMinor: p.outstandingInrMinor }],
  );
  return { today, payables, ageing: ageingTotals(aged, today) };
}

/**
 * INR value of an amount of a PO: INR as is; a booked foreign PO at its booking's rate (pro
 * rata of the booked INR); an unbooked one at the newest stored rate; null when there is none.
 */
export async function inrValuer(db: DbOrTx) {
  const booked = new Map<string, number>();
  const latest = new Map<string, FxSnapshot | null>();
  return async (p: { currency: string; amountMinor: number; poMinor: number; accrualEntryId: string | null }) => {
    if (p.currency === 'INR') return p.amountMinor;
    if (p.accrualEntryId) {
      if (!booked.has(p.accrualEntryId)) booked.set(p.accrualEntryId, await accruedInrOf(db, p.accrualEntryId));
      return carriedInrAt(booked.get(p.accrualEntryId)!, p.poMinor, p.amountMinor);
    }
    if (!latest.has(p.currency)) latest.set(p.currency, await latestRate(db, p.currency as Currency, 'INR'));
    const fx = latest.get(p.currency);
    return fx
      ? convertMoney({ amountMinor: p.amountMinor, currency: p.currency as Currency }, fx, 'INR').amountMinor
      : null;
  };
}
