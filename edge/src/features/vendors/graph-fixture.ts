import { newId } from '@mandap/shared/common';
import { ASSIGNMENT_STATUSES, type AssignmentStatus, type DependencyKind } from '@mandap/shared/vendors';
import type { Db } from '../../db/client.ts';
import { vendorAssignments, vendorDependencies } from '../../db/schema/index.ts';

/** A seeded pseudo-random generator, so a failing graph can be rebuilt. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Writes a generated dependency graph for tests and the bench: `n` assignments of one vendor on
 * one event, random statuses, each depending on up to `fanIn` earlier ones (so it is acyclic).
 */
export async function insertGraph(
  db: Db,
  opts: { eventId: string; vendorId: string; n: number; seed: number; fanIn?: number },
) {
  const r = rng(opts.seed);
  const at = new Date().toISOString();
  const ids = Array.from({ length: opts.n }, () => newId());
  const statuses = new Map<string, AssignmentStatus>();
  const rows = ids.map((id, i) => {
    const status = ASSIGNMENT_STATUSES[Math.floor(r() * ASSIGNMENT_STATUSES.length)]!;
    statuses.set(id, status);
    return {
      id,
      vendorId: opts.vendorId,
      eventId: opts.eventId,
      scope: `Generated work ${i}`,
      budgetCategory: 'decor',
      amountMinor: 1000_00,
      currency: 'INR',
      status,
      createdAt: at,
      updatedAt: at,
    };
  });
  const edges: {
    id: string;
    eventId: string;
    assignmentId: string;
    dependsOnAssignmentId: string;
    kind: DependencyKind;
    createdAt: string;
  }[] = [];
  for (let i = 1; i < ids.length; i++) {
    const k = Math.floor(r() * ((opts.fanIn ?? 2) + 1));
    const seen = new Set<number>();
    for (let j = 0; j < k; j++) {
      const up = Math.max(0, i - 1 - Math.floor(r() * Math.min(i, 40)));
      if (seen.has(up)) continue;
      seen.add(up);
      edges.push({
        id: newId(),
        eventId: opts.eventId,
        assignmentId: ids[i]!,
        dependsOnAssignmentId: ids[up]!,
        kind: r() < 0.8 ? 'finish_to_start' : 'start_to_start',
        createdAt: at,
      });
    }
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 200) await tx.insert(vendorAssignments).values(rows.slice(i, i + 200));
    for (let i = 0; i < edges.length; i += 200) await tx.insert(vendorDependencies).values(edges.slice(i, i + 200));
  });
  return {
    ids,
    statuses,
    edges: edges.map((e) => ({ assignmentId: e.assignmentId, dependsOnId: e.dependsOnAssignmentId, kind: e.kind })),
  };
}
