import {
  ACCOUNTS,
  ageingBucket,
  ageingTotals,
  formatMoney,
  istDate,
  newId,
  type PayableRow,
  type PaymentMode,
  tdsFor,
  VENDOR_ACCOUNTS,
  type VendorPayment,
} from '@mandap/shared';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { events, vendorAssignments, vendorPaymentSchedule, vendorPayments, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { postEntry } from '../payments/ledger-store.ts';
import { assignmentScope, loadAssignment } from './assignments.service.ts';

const inr = (m: number) => formatMoney({ amountMinor: m, currency: 'INR' });

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
      `The schedule adds up to ${inr(sum)} but the PO is ${inr(a.amountMinor)}: the difference is ${inr(a.amountMinor - sum)}.`,
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
}

/**
 * Pays a vendor against a PO, inside the caller's (idempotent) transaction: one journal entry
 * debits the vendor's payable by the gross amount, credits the bank by the net and TDS payable by
 * what was withheld. More than the PO's unpaid balance is refused; the schedule is paid oldest
 * first; a delivered PO paid in full becomes paid.
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
  if (a.currency !== 'INR')
    throw new AppError(
      'unprocessable',
      `Paying a ${a.currency} PO through the ledger is not built yet: only INR vendor payments are booked.`,
      {
        fields: { currency: 'INR only' },
      },
    );
  const [{ paid } = { paid: 0 }] = await tx
    .select({ paid: sql<number>`coalesce(sum(${vendorPayments.amountMinor}), 0)` })
    .from(vendorPayments)
    .where(eq(vendorPayments.assignmentId, assignmentId));
  const unpaid = a.amountMinor - Number(paid);
  if (input.amountMinor > unpaid)
    throw new AppError(
      'unprocessable',
      `That is beyond the PO: ${a.poNumber} is ${inr(a.amountMinor)}, ${inr(Number(paid))} is already paid, so at most ${inr(unpaid)} can be paid now.`,
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
  const id = newId();
  const lines = [
    {
      account: VENDOR_ACCOUNTS.payable(a.vendorId),
      amountMinor: input.amountMinor,
      currency: 'INR' as const,
      amountInrMinor: input.amountMinor,
    },
    {
      account: ACCOUNTS.bank(input.mode),
      amountMinor: -(input.amountMinor - tds),
      currency: 'INR' as const,
      amountInrMinor: -(input.amountMinor - tds),
    },
  ];
  if (tds > 0)
    lines.push({ account: VENDOR_ACCOUNTS.tdsPayable(), amountMinor: -tds, currency: 'INR', amountInrMinor: -tds });
  const entryId = await postEntry(tx, {
    memo: `Paid ${vendor!.name} against ${a.poNumber}${tds ? ` (TDS ${inr(tds)})` : ''}`,
    eventId: a.eventId,
    clientId: null,
    sourceType: 'vendor_payment',
    sourceId: id,
    fx: null,
    lines,
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
    currency: 'INR',
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
  const fullyPaid = Number(paid) + input.amountMinor === a.amountMinor;
  if (fullyPaid && row!.status === 'delivered')
    await tx
      .update(vendorAssignments)
      .set({ status: 'paid', updatedAt: at.toISOString() })
      .where(eq(vendorAssignments.id, assignmentId));
  await recordChange(tx, {
    type: 'vendor_payment.recorded',
    aggregateType: 'vendor_assignment',
    aggregateId: assignmentId,
    payload: { paymentId: id, amountMinor: input.amountMinor, tdsMinor: tds, journalEntryId: entryId },
    actorId: viewer.id,
    at,
  });
  return {
    id,
    assignmentId,
    amountMinor: input.amountMinor,
    tdsMinor: tds,
    netMinor: input.amountMinor - tds,
    currency: 'INR',
    mode: input.mode,
    reference: payment.reference,
    paidOn: input.paidOn,
    journalEntryId: entryId,
  };
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
  return rows.map(({ p }) => ({
    id: p.id,
    assignmentId: p.assignmentId,
    amountMinor: p.amountMinor,
    tdsMinor: p.tdsMinor,
    netMinor: p.amountMinor - p.tdsMinor,
    currency: p.currency,
    mode: p.mode,
    reference: p.reference,
    paidOn: p.paidOn,
    journalEntryId: p.journalEntryId,
  }));
}

/** Outstanding vendor payments across events (schedule parts not fully paid), with ageing by due date. */
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
  const payables: PayableRow[] = rows.map((r) => ({
    ...r,
    outstandingMinor: Number(r.outstandingMinor),
    bucket: ageingBucket(r.dueDate, today),
  }));
  return { today, payables, ageing: ageingTotals(payables, today) };
}
