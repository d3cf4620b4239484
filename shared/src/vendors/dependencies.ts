import type { AssignmentStatus } from './assignment-status.ts';

/** finish_to_start: the upstream must be delivered first; start_to_start: it must have started. */
export const DEPENDENCY_KINDS = ['finish_to_start', 'start_to_start'] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

export const DEPENDENCY_KIND_LABELS: Record<DependencyKind, string> = {
  finish_to_start: 'must finish first',
  start_to_start: 'must have started',
};

/** The upstream statuses that satisfy each kind; the edge's blocked query uses the same lists. */
export const DEPENDENCY_MET: Record<DependencyKind, readonly AssignmentStatus[]> = {
  finish_to_start: ['delivered', 'paid'],
  start_to_start: ['in_progress', 'delivered', 'paid'],
};

function isDependencyMet(kind: DependencyKind, upstream: AssignmentStatus): boolean {
  return DEPENDENCY_MET[kind].includes(upstream);
}

/** One edge: `assignmentId` waits on `dependsOnId`. */
export interface DependencyEdge {
  assignmentId: string;
  dependsOnId: string;
}

/**
 * The cycle that adding `edge` would close, as assignment ids from the new edge's
 * assignment back to itself (a → b → … → a), or null when the graph stays acyclic.
 * A depth-first search from the upstream end along existing depends-on edges.
 */
export function findCycle(edges: readonly DependencyEdge[], edge: DependencyEdge): string[] | null {
  if (edge.assignmentId === edge.dependsOnId) return [edge.assignmentId, edge.assignmentId];
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.assignmentId);
    if (list) list.push(e.dependsOnId);
    else out.set(e.assignmentId, [e.dependsOnId]);
  }
  const parent = new Map<string, string>();
  const seen = new Set<string>([edge.dependsOnId]);
  const stack = [edge.dependsOnId];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === edge.assignmentId) {
      const path = [node];
      let cur = node;
      while (cur !== edge.dependsOnId) {
        cur = parent.get(cur)!;
        path.push(cur);
      }
      path.push(edge.assignmentId);
      return path.reverse();
    }
    for (const next of out.get(node) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      parent.set(next, node);
      stack.push(next);
    }
  }
  return null;
}

/** A reason an assignment is blocked: an unmet upstream, `depth` steps up the chain (1 = direct). */
export interface BlockReason {
  assignmentId: string;
  blockerId: string;
  depth: number;
  kind: DependencyKind;
  blockerStatus: AssignmentStatus;
}

/**
 * The reference rule (the edge answers the same with one recursive CTE): an assignment that
 * is not yet delivered, paid or cancelled is blocked by each upstream whose dependency is not
 * met, and, through it, by whatever that upstream is itself waiting on (a met dependency ends
 * the chain: nothing behind it holds anyone up). Reasons are sorted by assignment, depth, blocker.
 */
export function blockedReasons(
  statuses: ReadonlyMap<string, AssignmentStatus>,
  edges: readonly (DependencyEdge & { kind: DependencyKind })[],
): BlockReason[] {
  const up = new Map<string, (DependencyEdge & { kind: DependencyKind })[]>();
  for (const e of edges) up.set(e.assignmentId, [...(up.get(e.assignmentId) ?? []), e]);
  const reasons: BlockReason[] = [];
  for (const [id, status] of statuses) {
    if (status === 'delivered' || status === 'paid' || status === 'cancelled') continue;
    const best = new Map<string, BlockReason>();
    let frontier = [id];
    const visited = new Set([id]);
    for (let depth = 1; frontier.length; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const e of up.get(node) ?? []) {
          const s = statuses.get(e.dependsOnId);
          if (!s) continue;
          if (isDependencyMet(e.kind, s)) continue;
          if (!best.has(e.dependsOnId))
            best.set(e.dependsOnId, {
              assignmentId: id,
              blockerId: e.dependsOnId,
              depth,
              kind: e.kind,
              blockerStatus: s,
            });
          if (!visited.has(e.dependsOnId)) {
            visited.add(e.dependsOnId);
            next.push(e.dependsOnId);
          }
        }
      }
      frontier = next;
    }
    reasons.push(...best.values());
  }
  return reasons.sort(
    (a, b) =>
      a.assignmentId.localeCompare(b.assignmentId) || a.depth - b.depth || a.blockerId.localeCompare(b.blockerId),
  );
}
