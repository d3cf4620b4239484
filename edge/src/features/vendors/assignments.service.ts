import { hasPermission } from '@mandap/shared/access';
import { newId } from '@mandap/shared/common';
import { type Currency, formatMoney } from '@mandap/shared/money';
import {
  type Assignment,
  type AssignmentActor,
  type AssignmentCreate,
  type AssignmentStatus,
  checkAssignmentTransition,
} from '@mandap/shared/vendors';
import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { events, vendorAssignments, vendorPayments, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVisibleUnderEvent, visibleEventCondition } from '../../lib/event-scope.ts';
import { nextCode, type Origin, recordChange } from '../../lib/journal.ts';
import { linkForAssignment, unlinkAfterAssignments } from '../event-access/event-access.service.ts';
import { loadVisibleEvent } from '../events/events.service.ts';
import { blockedReasonsFor } from './blocked.query.ts';
import { accruePo, reversePoAccrual } from './po-ledger.ts';
import { assertCategory, loadVendor } from './vendors.service.ts';

export type AssignmentRow = typeof vendorAssignments.$inferSelect;

const paidSum = sql<number>`coalesce((SELECT sum(${vendorPayments.amountMinor}) FROM ${vendorPayments} WHERE ${vendorPayments.assignmentId} = ${vendorAssignments.id}), 0)`;

const columns = {
  a: vendorAssignments,
  vendorName: vendors.name,
  vendorCategory: vendors.category,
  eventName: events.name,
  eventStartDate: events.startDate,
  paidMinor: paidSum,
};

type Joined = {
  a: AssignmentRow;
  vendorName: string;
  vendorCategory: string;
  eventName: string;
  eventStartDate: string;
  paidMinor: number;
};

export function toAssignmentView(r: Joined): Assignment {
  return {
    id: r.a.id,
    vendorId: r.a.vendorId,
    vendorName: r.vendorName,
    vendorCategory: r.vendorCategory,
    eventId: r.a.eventId,
    eventName: r.eventName,
    eventStartDate: r.eventStartDate,
    scope: r.a.scope,
    budgetCategory: r.a.budgetCategory,
    poNumber: r.a.poNumber,
    poDate: r.a.poDate,
    lines: r.a.lines ?? [],
    amountMinor: r.a.amountMinor,
    currency: r.a.currency,
    terms: r.a.terms,
    milestones: r.a.milestones ?? [],
    status: r.a.status,
    arrivalExpectedAt: r.a.arrivalExpectedAt,
    checkedInAt: r.a.checkedInAt,
    paidMinor: Number(r.paidMinor),
    poAcceptedAt: r.a.poAcceptedAt,
    poAcceptedName: r.a.poAcceptedName,
  };
}

function joined(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(vendorAssignments)
    .innerJoin(vendors, eq(vendors.id, vendorAssignments.vendorId))
    .innerJoin(events, eq(events.id, vendorAssignments.eventId))
    .where(where);
}

/** The vendor record a vendor user acts as (null for staff or a vendor login with no vendor record). */
export async function vendorOfUser(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: vendors.id }).from(vendors).where(eq(vendors.userId, userId)).limit(1);
  return row?.id ?? null;
}

/**
 * What a viewer may see of assignments: staff with vendors:read see all; a vendor user only
 * their own vendor's, on events they are linked to (the one scoping rule); anyone else nothing.
 */
export async function assignmentScope(db: DbOrTx, viewer: Viewer): Promise<SQL | undefined> {
  if (viewer.role !== 'vendor') return hasPermission(viewer.role, 'vendors:read') ? undefined : sql`0`;
  const vendorId = await vendorOfUser(db, viewer.id);
  if (!vendorId) return sql`0`;
  return and(
    eq(vendorAssignments.vendorId, vendorId),
    visibleEventCondition(db, viewer, vendorAssignments.eventId, 'vendor_assignment'),
  );
}

/** One assignment the viewer may see, or 404 (another vendor's, or a foreign event's, reads as missing). */
export async function loadAssignment(db: DbOrTx, viewer: Viewer, id: string): Promise<Assignment> {
  const [r] = await joined(db, and(eq(vendorAssignments.id, id), await assignmentScope(db, viewer))).limit(1);
  if (!r) throw notFound('That assignment');
  await assertVisibleUnderEvent(db, viewer, r.a.eventId, 'vendor_assignment', 'That assignment');
  return toAssignmentView(r);
}

/**
 * One assignment by id with no viewer: only for a caller that has already checked a signed,
 * unrevoked PO link naming it (po-links.service). Missing → 404.
 */
export async function loadAssignmentForLink(db: DbOrTx, id: string): Promise<Assignment> {
  const [r] = await joined(db, eq(vendorAssignments.id, id)).limit(1);
  if (!r) throw notFound('That PO');
  return toAssignmentView(r);
}

export async function listAssignments(
  deps: Deps,
  viewer: Viewer,
  filter: { eventId?: string | undefined; vendorId?: string | undefined },
): Promise<Assignment[]> {
  if (filter.eventId) await loadVisibleEvent(deps.db, viewer, filter.eventId);
  const rows = await joined(
    deps.db,
    and(
      await assignmentScope(deps.db, viewer),
      filter.eventId ? eq(vendorAssignments.eventId, filter.eventId) : undefined,
      filter.vendorId ? eq(vendorAssignments.vendorId, filter.vendorId) : undefined,
    ),
  ).orderBy(asc(events.startDate), asc(vendors.name), asc(vendorAssignments.id));
  return rows.map(toAssignmentView);
}

export async function createAssignment(deps: Deps, viewer: Viewer, input: AssignmentCreate): Promise<Assignment> {
  const vendor = await loadVendor(deps.db, input.vendorId);
  if (!vendor.active)
    throw new AppError('unprocessable', `${vendor.name} is inactive: reactivate the vendor before assigning them.`, {
      fields: { vendorId: 'inactive vendor' },
    });
  await loadVisibleEvent(deps.db, viewer, input.eventId);
  await assertCategory(deps.db, input.budgetCategory, 'budgetCategory');
  const amountMinor = input.lines.reduce((s, l) => s + l.quantity * l.unitMinor, 0);
  if (!Number.isSafeInteger(amountMinor))
    throw new AppError('validation_failed', 'Check the lines: the PO total is too large.', {
      fields: { lines: 'too large' },
    });
  const at = deps.now();
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const poNumber = await nextCode(tx, 'po', at);
    await tx.insert(vendorAssignments).values({
      id,
      vendorId: vendor.id,
      eventId: input.eventId,
      scope: input.scope,
      budgetCategory: input.budgetCategory,
      poNumber,
      poDate: at.toISOString().slice(0, 10),
      lines: input.lines,
      amountMinor,
      currency: input.currency ?? vendor.currency,
      terms: input.terms ?? null,
      milestones: input.milestones,
      status: 'requested',
      arrivalExpectedAt: input.arrivalExpectedAt ?? null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    // The vendor's login (if any) is linked to the event, so their pages and the event show it
    // (journalled like any grant; a link they already have is left as it is).
    if (vendor.userId)
      await linkForAssignment(tx, { eventId: input.eventId, userId: vendor.userId, actorId: viewer.id, at });
    await recordChange(tx, {
      type: 'vendor_assignment.created',
      aggregateType: 'vendor_assignment',
      aggregateId: id,
      payload: { poNumber, vendorId: vendor.id, eventId: input.eventId, amountMinor },
      actorId: viewer.id,
      at,
      audit: { before: null, after: { poNumber, scope: input.scope, amountMinor, lines: input.lines } },
    });
  });
  return loadAssignment(deps.db, viewer, id);
}

/** Which column of the transition table the viewer acts in for this move. */
function actorFor(viewer: Viewer, to: AssignmentStatus): AssignmentActor {
  if (viewer.role === 'vendor') return 'vendor';
  if (to === 'paid' && hasPermission(viewer.role, 'payments:record')) return 'finance';
  if (hasPermission(viewer.role, 'vendors:write')) return 'staff';
  return hasPermission(viewer.role, 'payments:record') ? 'finance' : 'vendor';
}

/**
 * Moves an assignment through the transition table. Starting or delivering while an upstream
 * is unmet is refused with the blockers named. Confirming a PO books it as payable in the
 * ledger (a foreign-currency PO at the day's stored rate); cancelling reverses that booking
 * (only while nothing has been paid).
 */
export async function changeStatus(
  deps: Deps,
  viewer: Viewer,
  id: string,
  to: AssignmentStatus,
  note?: string,
): Promise<Assignment> {
  const current = await loadAssignment(deps.db, viewer, id);
  await applyStatusChange(deps, current, to, { actor: actorFor(viewer, to), actorId: viewer.id, note });
  return loadAssignment(deps.db, viewer, id);
}

export interface StatusChangeBy {
  actor: AssignmentActor;
  actorId: string | null;
  note?: string | undefined;
  /** More writes in the same transaction (the PO link's acceptance). */
  alsoInTx?: (tx: DbOrTx, at: Date) => Promise<void>;
  /** Request origin for the audit row (a public link has no user). */
  origin?: Origin;
}

/** The transition itself, for an assignment already loaded under the caller's scope. */
export async function applyStatusChange(
  deps: Deps,
  current: Assignment,
  to: AssignmentStatus,
  by: StatusChangeBy,
): Promise<void> {
  const check = checkAssignmentTransition(current.status, to, by.actor);
  if (!check.ok)
    throw new AppError('unprocessable', `Cannot move ${current.poNumber}: ${check.reason}.`, {
      fields: { status: check.reason },
    });
  if (to === 'in_progress' || to === 'delivered') {
    const blocked = (await blockedReasonsFor(deps.db, { assignmentIds: [current.id] })).filter((r) => r.depth === 1);
    if (blocked.length)
      throw new AppError('unprocessable', `Blocked: ${blocked.map((b) => b.reason).join('; ')}.`, {
        fields: { status: 'blocked by an unmet dependency' },
      });
  }
  if (to === 'paid' && current.paidMinor < current.amountMinor)
    throw new AppError(
      'unprocessable',
      `Cannot mark ${current.poNumber} paid: ${formatMoney({ amountMinor: current.paidMinor, currency: current.currency as Currency })} of ${formatMoney({ amountMinor: current.amountMinor, currency: current.currency as Currency })} has been paid.`,
      { fields: { status: 'not fully paid' } },
    );
  if (to === 'cancelled' && current.paidMinor > 0)
    throw new AppError('unprocessable', `Cannot cancel ${current.poNumber}: money has been paid against it.`, {
      fields: { status: 'has payments' },
    });
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(vendorAssignments).where(eq(vendorAssignments.id, current.id));
    if (row!.status !== current.status)
      throw new AppError('conflict', 'The assignment changed while you were looking: reload and try again.');
    if (to === 'confirmed') await accruePo(tx, row!, current.vendorName, by.actorId, at);
    if (to === 'cancelled' && row!.accrualEntryId)
      await reversePoAccrual(tx, row!, row!.accrualEntryId, by.actorId, at);
    await tx
      .update(vendorAssignments)
      .set({ status: to, updatedAt: at.toISOString() })
      .where(eq(vendorAssignments.id, current.id));
    await by.alsoInTx?.(tx, at);
    if (to === 'cancelled') await unlinkIfLastLive(tx, row!, by, at);
    await recordChange(tx, {
      type: 'vendor_assignment.status_changed',
      aggregateType: 'vendor_assignment',
      aggregateId: current.id,
      payload: { from: current.status, to, note: by.note ?? null },
      actorId: by.actorId,
      at,
      audit: {
        before: { status: current.status },
        after: { status: to },
        ip: by.origin?.ip ?? null,
        requestId: by.origin?.requestId ?? null,
      },
    });
  });
}

/**
 * After a cancellation, in its transaction: when the vendor has no live (uncancelled) assignment
 * left on the event, their user's link made by assigning them is removed (journalled
 * `event_access.revoked`, which closes their open documents of the event). A link added by hand stays.
 */
async function unlinkIfLastLive(tx: DbOrTx, row: AssignmentRow, by: StatusChangeBy, at: Date): Promise<void> {
  const [vendor] = await tx.select({ userId: vendors.userId }).from(vendors).where(eq(vendors.id, row.vendorId));
  if (!vendor?.userId) return;
  const [live] = await tx
    .select({ id: vendorAssignments.id })
    .from(vendorAssignments)
    .where(
      and(
        eq(vendorAssignments.vendorId, row.vendorId),
        eq(vendorAssignments.eventId, row.eventId),
        ne(vendorAssignments.status, 'cancelled'),
      ),
    )
    .limit(1);
  if (live) return;
  await unlinkAfterAssignments(tx, {
    eventId: row.eventId,
    userId: vendor.userId,
    actorId: by.actorId,
    at,
    origin: by.origin,
  });
}

/** The vendor (or ops) marks the vendor arrived on site. */
export async function checkIn(deps: Deps, viewer: Viewer, id: string): Promise<Assignment> {
  const a = await loadAssignment(deps.db, viewer, id);
  if (a.status === 'cancelled') throw new AppError('unprocessable', 'This assignment is cancelled.');
  if (a.checkedInAt) return a;
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(vendorAssignments)
      .set({ checkedInAt: at.toISOString(), updatedAt: at.toISOString() })
      .where(eq(vendorAssignments.id, id));
    await recordChange(tx, {
      type: 'vendor_assignment.checked_in',
      aggregateType: 'vendor_assignment',
      aggregateId: id,
      payload: { eventId: a.eventId },
      actorId: viewer.id,
      at,
    });
  });
  return loadAssignment(deps.db, viewer, id);
}
