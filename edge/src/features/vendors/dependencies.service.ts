import { newId } from '@mandap/shared/common';
import { type Dependency, type DependencyKind, type EventVendorGraph, findCycle } from '@mandap/shared/vendors';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { vendorAssignments, vendorDependencies, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { loadVisibleEvent } from '../events/events.service.ts';
import { listAssignments, loadAssignment } from './assignments.service.ts';
import { blockedReasonsFor } from './blocked.query.ts';

const depColumns = {
  id: vendorDependencies.id,
  assignmentId: vendorDependencies.assignmentId,
  dependsOnId: vendorDependencies.dependsOnAssignmentId,
  kind: vendorDependencies.kind,
  note: vendorDependencies.note,
};

export async function eventDependencies(db: DbOrTx, eventId: string): Promise<Dependency[]> {
  return db
    .select(depColumns)
    .from(vendorDependencies)
    .where(eq(vendorDependencies.eventId, eventId))
    .orderBy(asc(vendorDependencies.id));
}

/** A cycle in words: "Noor Decor (décor) → Shree Caterers (menu) → Noor Decor (décor)". */
async function nameCycle(db: DbOrTx, ids: string[]): Promise<string> {
  const rows = await db
    .select({ id: vendorAssignments.id, name: vendors.name, scope: vendorAssignments.scope })
    .from(vendorAssignments)
    .innerJoin(vendors, eq(vendors.id, vendorAssignments.vendorId))
    .where(inArray(vendorAssignments.id, [...new Set(ids)]));
  const byId = new Map(
    rows.map((r) => [r.id, `${r.name} (${r.scope.length > 40 ? `${r.scope.slice(0, 39)}…` : r.scope})`]),
  );
  return ids.map((id) => byId.get(id) ?? id).join(' → ');
}

/**
 * "`assignmentId` waits on `dependsOnId`". Both must be on the same event; an edge that would
 * close a cycle is refused with the cycle named; the same edge twice is a 409.
 */
export async function addDependency(
  deps: Deps,
  viewer: Viewer,
  assignmentId: string,
  input: { dependsOnId: string; kind: DependencyKind; note?: string | undefined },
): Promise<Dependency> {
  const a = await loadAssignment(deps.db, viewer, assignmentId);
  const b = await loadAssignment(deps.db, viewer, input.dependsOnId).catch(() => {
    throw new AppError('validation_failed', 'Check the request body: dependsOnId: no such assignment.', {
      fields: { dependsOnId: 'not found' },
    });
  });
  if (a.eventId !== b.eventId)
    throw new AppError('unprocessable', 'A dependency links two assignments of the same event.', {
      fields: { dependsOnId: 'another event' },
    });
  const id = newId();
  const at = deps.now();
  return deps.db.transaction(async (tx) => {
    const edges = (await eventDependencies(tx, a.eventId)).map((e) => ({
      assignmentId: e.assignmentId,
      dependsOnId: e.dependsOnId,
    }));
    if (edges.some((e) => e.assignmentId === assignmentId && e.dependsOnId === input.dependsOnId))
      throw new AppError('conflict', 'That dependency is already there.', {
        fields: { dependsOnId: 'already a dependency' },
      });
    const cycle = findCycle(edges, { assignmentId, dependsOnId: input.dependsOnId });
    if (cycle)
      throw new AppError(
        'unprocessable',
        `That would make a cycle: ${await nameCycle(tx, cycle)}. Remove one of these dependencies first.`,
        {
          fields: { dependsOnId: 'makes a cycle' },
        },
      );
    const row = {
      id,
      eventId: a.eventId,
      assignmentId,
      dependsOnAssignmentId: input.dependsOnId,
      kind: input.kind,
      note: input.note ?? null,
      createdAt: at.toISOString(),
    };
    await tx.insert(vendorDependencies).values(row);
    await recordChange(tx, {
      type: 'vendor_dependency.added',
      aggregateType: 'vendor_assignment',
      aggregateId: assignmentId,
      payload: { dependsOnId: input.dependsOnId, kind: input.kind },
      actorId: viewer.id,
      at,
    });
    return { id, assignmentId, dependsOnId: input.dependsOnId, kind: input.kind, note: row.note };
  });
}

export async function removeDependency(deps: Deps, viewer: Viewer, dependencyId: string): Promise<void> {
  const [d] = await deps.db.select().from(vendorDependencies).where(eq(vendorDependencies.id, dependencyId));
  if (!d) throw notFound('That dependency');
  await loadAssignment(deps.db, viewer, d.assignmentId);
  await deps.db.transaction(async (tx) => {
    await tx.delete(vendorDependencies).where(and(eq(vendorDependencies.id, dependencyId)));
    await recordChange(tx, {
      type: 'vendor_dependency.removed',
      aggregateType: 'vendor_assignment',
      aggregateId: d.assignmentId,
      payload: { dependsOnId: d.dependsOnAssignmentId },
      actorId: viewer.id,
      at: deps.now(),
    });
  });
}

/** The event's vendor view: every assignment, the dependency edges and what is blocked, with why. */
export async function eventVendorGraph(deps: Deps, viewer: Viewer, eventId: string): Promise<EventVendorGraph> {
  await loadVisibleEvent(deps.db, viewer, eventId);
  const [assignments, dependencies, blocked] = await Promise.all([
    listAssignments(deps, viewer, { eventId }),
    eventDependencies(deps.db, eventId),
    blockedReasonsFor(deps.db, { eventId }),
  ]);
  return { assignments, dependencies, blocked };
}
