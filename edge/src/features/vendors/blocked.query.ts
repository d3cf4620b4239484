import {
  ASSIGNMENT_STATUS_LABELS,
  type AssignmentStatus,
  type BlockReasonView,
  DEPENDENCY_KIND_LABELS,
  DEPENDENCY_MET,
  type DependencyKind,
} from '@mandap/shared/vendors';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

const list = (statuses: readonly string[]) => sql.raw(statuses.map((s) => `'${s}'`).join(', '));

/** "this dependency is met" for edge alias d and upstream alias b, from the shared table. */
const met = sql`((d.kind = 'finish_to_start' AND b.status IN (${list(DEPENDENCY_MET.finish_to_start)}))
  OR (d.kind = 'start_to_start' AND b.status IN (${list(DEPENDENCY_MET.start_to_start)})))`;

function reasonText(r: {
  blockerVendorName: string;
  blockerScope: string;
  blockerStatus: AssignmentStatus;
  kind: DependencyKind;
  depth: number;
}) {
  const status = ASSIGNMENT_STATUS_LABELS[r.blockerStatus].toLowerCase();
  const what = `${r.blockerVendorName} (${r.blockerScope})`;
  if (r.depth === 1) return `waits on ${what}, which ${DEPENDENCY_KIND_LABELS[r.kind]} and is ${status}`;
  return `further up the chain (${r.depth} steps), ${what} is ${status}`;
}

/**
 * The blocked query: one recursive CTE. It starts from each open assignment's unmet direct
 * dependencies and climbs through the unmet ones (a met dependency ends the chain), so every
 * reason is an upstream assignment that is holding this one up, with how many steps away it is.
 * Limit it to an event, or to some assignments.
 */
export async function blockedReasonsFor(
  db: DbOrTx,
  filter: { eventId?: string; assignmentIds?: readonly string[] },
): Promise<BlockReasonView[]> {
  const scope = filter.eventId
    ? sql`AND a.event_id = ${filter.eventId}`
    : filter.assignmentIds
      ? sql`AND a.id IN (${sql.join(
          filter.assignmentIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
  if (filter.assignmentIds && filter.assignmentIds.length === 0) return [];
  const rs = await db.all<{
    assignment_id: string;
    blocker_id: string;
    kind: DependencyKind;
    depth: number;
    blocker_status: AssignmentStatus;
    blocker_scope: string;
    blocker_vendor: string;
  }>(sql`
    WITH RECURSIVE chain(assignment_id, blocker_id, kind, depth) AS (
      SELECT d.assignment_id, d.depends_on_assignment_id, d.kind, 1
      FROM vendor_dependencies d
      JOIN vendor_assignments a ON a.id = d.assignment_id
      JOIN vendor_assignments b ON b.id = d.depends_on_assignment_id
      WHERE a.status NOT IN ('delivered', 'paid', 'cancelled') ${scope} AND NOT ${met}
      UNION
      SELECT c.assignment_id, d.depends_on_assignment_id, d.kind, c.depth + 1
      FROM chain c
      JOIN vendor_dependencies d ON d.assignment_id = c.blocker_id
      JOIN vendor_assignments b ON b.id = d.depends_on_assignment_id
      WHERE c.depth < 5000 AND NOT ${met}
    )
    SELECT c.assignment_id, c.blocker_id, c.kind, min(c.depth) AS depth,
      b.status AS blocker_status, b.scope AS blocker_scope, v.name AS blocker_vendor
    FROM chain c
    JOIN vendor_assignments b ON b.id = c.blocker_id
    JOIN vendors v ON v.id = b.vendor_id
    GROUP BY c.assignment_id, c.blocker_id
    ORDER BY c.assignment_id, depth, c.blocker_id`);
  return rs.map((r) => {
    const base = {
      assignmentId: r.assignment_id,
      blockerId: r.blocker_id,
      blockerVendorName: r.blocker_vendor,
      blockerScope: r.blocker_scope,
      blockerStatus: r.blocker_status,
      kind: r.kind,
      depth: Number(r.depth),
    };
    return { ...base, reason: reasonText(base) };
  });
}
