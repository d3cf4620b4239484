import { newId } from '@mandap/shared/common';
import {
  type CreateMilestonePlan,
  checkPlanEdit,
  type EditMilestonePlan,
  type Milestone,
  milestoneStatus,
  planMilestones,
  ZCreateMilestonePlan,
} from '@mandap/shared/payments';
import { adjustForChangeOrder, type PaymentTerm, planFromTerms } from '@mandap/shared/quotes';
import { indiaDate as istDate } from '@mandap/shared/time';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { events, milestones, payments, quotes, quoteVersionDetails, quoteVersions } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { loadVisibleEvent } from './event-scope.ts';

export type MilestoneRow = typeof milestones.$inferSelect;

export function toMilestone(r: MilestoneRow): Milestone {
  return {
    id: r.id,
    eventId: r.eventId,
    seq: r.seq,
    label: r.label,
    dueDate: r.dueDate,
    amountMinor: r.amountMinor,
    currency: r.currency as Milestone['currency'],
    paidMinor: r.paidMinor,
    status: r.status,
  };
}

export async function loadMilestones(db: DbOrTx, eventId: string): Promise<MilestoneRow[]> {
  return db.select().from(milestones).where(eq(milestones.eventId, eventId)).orderBy(asc(milestones.seq));
}

/** The event's latest accepted quote version: the contract a milestone plan splits. */
export async function acceptedVersionOf(db: DbOrTx, eventId: string) {
  const [row] = await db
    .select({ v: quoteVersions })
    .from(quoteVersions)
    .innerJoin(quotes, eq(quotes.id, quoteVersions.quoteId))
    .where(and(eq(quotes.eventId, eventId), eq(quoteVersions.status, 'accepted'), isNotNull(quoteVersions.acceptedAt)))
    .orderBy(desc(quoteVersions.acceptedAt))
    .limit(1);
  return row?.v ?? null;
}

/** Recomputes each milestone's status from what is paid and today's date; writes only what changed. */
export async function refreshStatuses(tx: DbOrTx, rows: readonly MilestoneRow[], at: Date): Promise<MilestoneRow[]> {
  const today = istDate(at);
  const out: MilestoneRow[] = [];
  for (const r of rows) {
    const status = milestoneStatus({ ...r, isWaived: r.status === 'waived' }, today);
    if (status !== r.status)
      await tx.update(milestones).set({ status, updatedAt: at.toISOString() }).where(eq(milestones.id, r.id));
    out.push({ ...r, status });
  }
  return out;
}

/**
 * Adds `deltas` (signed) to the paid amounts of `plan` (the event's milestones as this
 * transaction read them) and refreshes their statuses: one UPDATE per milestone that changed.
 */
export async function applyToMilestones(
  tx: DbOrTx,
  plan: readonly MilestoneRow[],
  deltas: readonly { milestoneId: string; amountMinor: number }[],
  at: Date,
): Promise<MilestoneRow[]> {
  const paid = new Map<string, number>();
  for (const d of deltas) {
    if (!plan.some((m) => m.id === d.milestoneId))
      throw new AppError('unprocessable', 'A milestone of this payment is no longer in the plan.');
    paid.set(d.milestoneId, (paid.get(d.milestoneId) ?? 0) + d.amountMinor);
  }
  const today = istDate(at);
  const out: MilestoneRow[] = [];
  for (const r of plan) {
    const paidMinor = r.paidMinor + (paid.get(r.id) ?? 0);
    const status = milestoneStatus({ ...r, paidMinor, isWaived: r.status === 'waived' }, today);
    if (paidMinor !== r.paidMinor || status !== r.status)
      await tx
        .update(milestones)
        .set({ paidMinor, status, updatedAt: at.toISOString() })
        .where(eq(milestones.id, r.id));
    out.push({ ...r, paidMinor, status });
  }
  return out;
}

/** A plan from the accepted quote version and a template; refused when the event already has one. */
export async function createPlan(deps: Deps, viewer: Viewer, raw: CreateMilestonePlan): Promise<Milestone[]> {
  const input = ZCreateMilestonePlan.parse(raw);
  const at = deps.now();
  return deps.db.transaction(async (tx) => {
    const event = await loadVisibleEvent(tx, viewer, input.eventId);
    if ((await loadMilestones(tx, event.id)).length > 0)
      throw new AppError('conflict', `${event.code} already has a milestone plan: edit it instead.`);
    const version = await acceptedVersionOf(tx, event.id);
    if (!version)
      throw new AppError('unprocessable', `${event.code} has no accepted quote yet: a plan splits the accepted total.`);
    // The plan is what the client signed: the version's payment terms when it carries them.
    const terms = await signedTermsOf(tx, version.id);
    const dates = { acceptedOn: istDate(new Date(version.acceptedAt!)), eventStart: event.startDate };
    const plan = terms
      ? planFromTerms(terms, version.totalMinor, { ...dates, eventEnd: event.endDate })
      : planMilestones(input.template, version.totalMinor, dates);
    const rows = plan.map((p) => ({
      id: newId(),
      eventId: event.id,
      quoteVersionId: version.id,
      ...p,
      currency: version.currency,
      paidMinor: 0,
      status: 'pending' as const,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    }));
    await tx.insert(milestones).values(rows);
    await recordChange(tx, {
      type: 'milestones.planned',
      aggregateType: 'event',
      aggregateId: event.id,
      payload: {
        ...(terms ? { from: 'signed_terms', terms } : { template: input.template }),
        quoteVersionId: version.id,
        totalMinor: version.totalMinor,
      },
      actorId: viewer.id,
      at,
      audit: { before: null, after: { milestones: plan } },
    });
    return (await refreshStatuses(tx, rows, at)).map(toMilestone);
  });
}

/** Replaces the plan as edited. Amounts must still add up to the accepted total; paid amounts stay covered. */
export async function editPlan(deps: Deps, viewer: Viewer, eventId: string, input: EditMilestonePlan) {
  const at = deps.now();
  return deps.db.transaction(async (tx) => {
    const event = await loadVisibleEvent(tx, viewer, eventId);
    const before = await loadMilestones(tx, event.id);
    const version = await acceptedVersionOf(tx, event.id);
    if (!version || before.length === 0)
      throw new AppError(
        'unprocessable',
        `${event.code} has no milestone plan yet: create one from the accepted quote.`,
      );
    const byId = new Map(before.map((m) => [m.id, m]));
    const rows = input.milestones.map((m, i) => {
      if (m.id && !byId.has(m.id))
        throw new AppError('validation_failed', 'That milestone is not in this plan.', {
          fields: { [`milestones.${i}.id`]: 'unknown milestone' },
        });
      return { ...m, seq: i + 1, paidMinor: m.id ? byId.get(m.id)!.paidMinor : 0 };
    });
    const counted = rows.filter((r) => !r.waived);
    const problems = checkPlanEdit(rows, version.totalMinor);
    if (counted.length === 0) problems.milestones = 'at least one milestone must be payable';
    if (Object.keys(problems).length > 0)
      throw new AppError('validation_failed', `Check the plan: ${Object.values(problems).join('; ')}.`, {
        fields: problems,
      });
    const kept = new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
    const dropped = before.filter((m) => !kept.has(m.id));
    if (dropped.length > 0) await refuseDroppingAllocated(tx, event.id, dropped);
    if (dropped.length > 0)
      await tx.delete(milestones).where(
        inArray(
          milestones.id,
          dropped.map((d) => d.id),
        ),
      );
    for (const r of rows) {
      const values = {
        seq: r.seq,
        label: r.label,
        dueDate: r.dueDate,
        amountMinor: r.amountMinor,
        status: r.waived ? ('waived' as const) : ('pending' as const),
        updatedAt: at.toISOString(),
      };
      if (r.id) await tx.update(milestones).set(values).where(eq(milestones.id, r.id));
      else
        await tx.insert(milestones).values({
          id: newId(),
          eventId: event.id,
          quoteVersionId: version.id,
          currency: version.currency,
          paidMinor: 0,
          createdAt: at.toISOString(),
          ...values,
        });
    }
    const after = await refreshStatuses(tx, await loadMilestones(tx, event.id), at);
    await recordChange(tx, {
      type: 'milestones.edited',
      aggregateType: 'event',
      aggregateId: event.id,
      actorId: viewer.id,
      at,
      audit: { before: { milestones: before.map(toMilestone) }, after: { milestones: after.map(toMilestone) } },
    });
    return after.map(toMilestone);
  });
}

async function refuseDroppingAllocated(tx: DbOrTx, eventId: string, dropped: readonly MilestoneRow[]) {
  const rows = await tx
    .select({ allocations: payments.allocations })
    .from(payments)
    .where(eq(payments.eventId, eventId));
  const used = new Set(rows.flatMap((r) => (r.allocations ?? []).map((a) => a.milestoneId)));
  const blocked = dropped.find((d) => used.has(d.id));
  if (blocked)
    throw new AppError(
      'unprocessable',
      `"${blocked.label}" has payments against it: waive it or keep it instead of removing it.`,
    );
}

export async function listMilestones(deps: Deps, viewer: Viewer, eventId: string): Promise<Milestone[]> {
  const event = await loadVisibleEvent(deps.db, viewer, eventId);
  return (await loadMilestones(deps.db, event.id)).map(toMilestone);
}

/** The payment terms printed on (and signed with) a quote version, or null for a version without them. */
export async function signedTermsOf(db: DbOrTx, versionId: string): Promise<PaymentTerm[] | null> {
  const [row] = await db
    .select({ draft: quoteVersionDetails.draft })
    .from(quoteVersionDetails)
    .where(eq(quoteVersionDetails.versionId, versionId))
    .limit(1);
  const terms = row?.draft.paymentTerms;
  return terms && terms.length > 0 ? terms : null;
}

/**
 * A change order was accepted for an event that already has a plan: paid and waived milestones
 * keep their amounts, open ones are re-sized so the plan adds up to the new contract total
 * (never below what is paid against them), and they now point at the change order's version.
 * An increase with no open milestone left becomes a new "Change order balance" milestone due
 * at the event's start. A new total below what is already paid leaves the plan at what is paid
 * (the surplus is the payments feature's credit on account). No plan yet: nothing to adjust.
 */
export async function adjustPlanForChangeOrder(
  tx: DbOrTx,
  eventId: string,
  version: { id: string; totalMinor: number; currency: string },
  actorId: string | null,
  at: Date,
): Promise<void> {
  const before = await loadMilestones(tx, eventId);
  if (before.length === 0) return;
  const { amounts, extraMinor } = adjustForChangeOrder(before, version.totalMinor);
  for (const m of before) {
    const amountMinor = amounts.get(m.id);
    if (amountMinor === undefined) continue;
    await tx
      .update(milestones)
      .set({ amountMinor, quoteVersionId: version.id, updatedAt: at.toISOString() })
      .where(eq(milestones.id, m.id));
  }
  if (extraMinor > 0) {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).limit(1);
    await tx.insert(milestones).values({
      id: newId(),
      eventId,
      quoteVersionId: version.id,
      seq: before.length + 1,
      label: 'Change order balance',
      dueDate: event && event.startDate > istDate(at) ? event.startDate : istDate(at),
      amountMinor: extraMinor,
      currency: version.currency,
      paidMinor: 0,
      status: 'pending',
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
  }
  const after = await refreshStatuses(tx, await loadMilestones(tx, eventId), at);
  await recordChange(tx, {
    type: 'milestones.change_order_applied',
    aggregateType: 'event',
    aggregateId: eventId,
    payload: { quoteVersionId: version.id, totalMinor: version.totalMinor, surplusMinor: Math.min(0, extraMinor) },
    actorId,
    at,
    audit: { before: { milestones: before.map(toMilestone) }, after: { milestones: after.map(toMilestone) } },
  });
}
