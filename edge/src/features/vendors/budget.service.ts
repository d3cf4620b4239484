import { hasPermission } from '@mandap/shared/access';
import { type BudgetReport, COMMITTED_STATUSES } from '@mandap/shared/vendors';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { eventBudgets, vendorAssignments, vendorPayments } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { recordChange } from '../../lib/journal.ts';
import { loadVisibleEvent } from '../events/events.service.ts';
import { acceptedVersionOf } from '../payments/milestones.service.ts';
import { inrValuer } from './payables.service.ts';
import { assertCategory } from './vendors.service.ts';

/** Who may see an event's margin: those who hold the money (finance, managers, admins). */
export const canSeeMargin = (viewer: Viewer) => hasPermission(viewer.role, 'payments:record');

/**
 * Budget against actual for one event, per budget category (INR). The budget is entered by hand
 * (the quote has no cost side to draw one from yet); committed is the sum of live POs (a foreign
 * one at the INR value it was booked at); paid is what vendors were paid gross, in INR at the
 * rate each payment was made at. The margin, for those allowed, is the accepted quote's pre-tax
 * amount in INR less the committed vendor cost.
 */
export async function budgetReport(deps: Deps, viewer: Viewer, eventId: string): Promise<BudgetReport> {
  await loadVisibleEvent(deps.db, viewer, eventId);
  const budgets = await deps.db.select().from(eventBudgets).where(eq(eventBudgets.eventId, eventId));
  const live = await deps.db
    .select({
      category: sql<string>`coalesce(${vendorAssignments.budgetCategory}, 'other')`,
      currency: vendorAssignments.currency,
      amountMinor: vendorAssignments.amountMinor,
      accrualEntryId: vendorAssignments.accrualEntryId,
    })
    .from(vendorAssignments)
    .where(and(eq(vendorAssignments.eventId, eventId), inArray(vendorAssignments.status, [...COMMITTED_STATUSES])));
  // Foreign-currency POs count at the INR value they were booked at (else the newest stored rate).
  const inrOf = await inrValuer(deps.db);
  const committed: { category: string; total: number }[] = [];
  const unpriced: string[] = [];
  for (const po of live) {
    const inr = await inrOf({ ...po, poMinor: po.amountMinor });
    if (inr === null) {
      unpriced.push(po.currency);
      continue;
    }
    const line = committed.find((c) => c.category === po.category);
    if (line) line.total += inr;
    else committed.push({ category: po.category, total: inr });
  }
  const paid = await deps.db
    .select({
      category: sql<string>`coalesce(${vendorAssignments.budgetCategory}, 'other')`,
      total: sql<number>`sum(coalesce(${vendorPayments.amountInrMinor}, ${vendorPayments.amountMinor}))`,
    })
    .from(vendorPayments)
    .innerJoin(vendorAssignments, eq(vendorAssignments.id, vendorPayments.assignmentId))
    .where(eq(vendorPayments.eventId, eventId))
    .groupBy(sql`1`);
  const cats = new Set([
    ...budgets.map((b) => b.category),
    ...committed.map((c) => c.category),
    ...paid.map((p) => p.category),
  ]);
  const lines = [...cats].sort().map((category) => {
    const b = budgets.find((x) => x.category === category);
    return {
      category,
      budgetMinor: b?.budgetMinor ?? 0,
      budgetSource: b ? ('manual' as const) : ('none' as const),
      committedMinor: Number(committed.find((x) => x.category === category)?.total ?? 0),
      paidMinor: Number(paid.find((x) => x.category === category)?.total ?? 0),
    };
  });
  const totals = {
    budgetMinor: lines.reduce((s, l) => s + l.budgetMinor, 0),
    committedMinor: lines.reduce((s, l) => s + l.committedMinor, 0),
    paidMinor: lines.reduce((s, l) => s + l.paidMinor, 0),
  };
  let margin: BudgetReport['margin'] = null;
  if (canSeeMargin(viewer)) {
    const v = await acceptedVersionOf(deps.db, eventId);
    if (v) {
      const preTax = v.subtotalMinor - v.discountMinor;
      const revenueMinor = v.totalMinor > 0 ? Math.round((preTax * v.totalInrMinor) / v.totalMinor) : 0;
      margin = { revenueMinor, costMinor: totals.committedMinor, marginMinor: revenueMinor - totals.committedMinor };
    }
  }
  const warnings = [...new Set(unpriced)].map(
    (c) => `POs in ${c} are left out of committed: there is no ${c}→INR rate yet (add one under FX rates).`,
  );
  return { eventId, lines, totals, margin, warnings };
}

export async function setBudget(
  deps: Deps,
  viewer: Viewer,
  eventId: string,
  items: { category: string; budgetMinor: number }[],
): Promise<BudgetReport> {
  await loadVisibleEvent(deps.db, viewer, eventId);
  for (const [i, item] of items.entries()) await assertCategory(deps.db, item.category, `items.${i}.category`);
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    for (const item of items)
      await tx
        .insert(eventBudgets)
        .values({
          eventId,
          category: item.category,
          budgetMinor: item.budgetMinor,
          updatedBy: viewer.id,
          updatedAt: at.toISOString(),
        })
        .onConflictDoUpdate({
          target: [eventBudgets.eventId, eventBudgets.category],
          set: { budgetMinor: item.budgetMinor, updatedBy: viewer.id, updatedAt: at.toISOString() },
        });
    await recordChange(tx, {
      type: 'event_budget.set',
      aggregateType: 'event',
      aggregateId: eventId,
      payload: { items },
      actorId: viewer.id,
      at,
      audit: { before: null, after: { items } },
    });
  });
  return budgetReport(deps, viewer, eventId);
}
