import type { Assignment, BlockReasonView, Dependency } from '@mandap/shared/vendors';
import { ASSIGNMENT_STATUS_LABELS } from '@mandap/shared/vendors';
import { ScrollArea } from '@mantine/core';

const W = 210;
const H = 64;
const GX = 70;
const GY = 22;

/**
 * The event's dependency graph, drawn left to right: each assignment sits one column after
 * the longest chain of what it waits on; arrows run from what must happen first. Blocked
 * assignments are drawn in red.
 */
export function VendorGraph({
  assignments,
  dependencies,
  blocked,
}: {
  assignments: Assignment[];
  dependencies: Dependency[];
  blocked: BlockReasonView[];
}) {
  const live = assignments.filter((a) => a.status !== 'cancelled');
  const ids = new Set(live.map((a) => a.id));
  const edges = dependencies.filter((d) => ids.has(d.assignmentId) && ids.has(d.dependsOnId));
  const depth = new Map<string, number>();
  const up = new Map<string, string[]>();
  for (const e of edges) up.set(e.assignmentId, [...(up.get(e.assignmentId) ?? []), e.dependsOnId]);
  const depthOf = (id: string, seen = new Set<string>()): number => {
    if (depth.has(id)) return depth.get(id)!;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(-1, ...(up.get(id) ?? []).map((u) => depthOf(u, seen))) + 1;
    depth.set(id, d);
    return d;
  };
  for (const a of live) depthOf(a.id);
  const columns: Assignment[][] = [];
  for (const a of live) {
    const d = depth.get(a.id)!;
    if (!columns[d]) columns[d] = [];
    columns[d].push(a);
  }
  const pos = new Map<string, { x: number; y: number }>();
  columns.forEach((col, c) => {
    col.forEach((a, r) => {
      pos.set(a.id, { x: c * (W + GX) + 10, y: r * (H + GY) + 10 });
    });
  });
  const width = Math.max(1, columns.length) * (W + GX);
  const height = Math.max(1, ...columns.map((c) => c.length)) * (H + GY) + 10;
  const isBlocked = new Set(blocked.map((b) => b.assignmentId));
  if (live.length === 0) return null;
  return (
    <ScrollArea type="auto">
      <svg width={width} height={height} role="img" aria-label="Vendor dependency graph" data-testid="vendor-graph">
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#868e96" />
          </marker>
        </defs>
        {edges.map((e) => {
          const from = pos.get(e.dependsOnId)!;
          const to = pos.get(e.assignmentId)!;
          const unmet = blocked.some(
            (b) => b.assignmentId === e.assignmentId && b.blockerId === e.dependsOnId && b.depth === 1,
          );
          return (
            <line
              key={e.id}
              x1={from.x + W}
              y1={from.y + H / 2}
              x2={to.x - 2}
              y2={to.y + H / 2}
              stroke={unmet ? '#e03131' : '#adb5bd'}
              strokeWidth={unmet ? 2 : 1.5}
              strokeDasharray={e.kind === 'start_to_start' ? '5 4' : undefined}
              markerEnd="url(#arrow)"
            />
          );
        })}
        {live.map((a) => {
          const p = pos.get(a.id)!;
          const b = isBlocked.has(a.id);
          return (
            <g key={a.id} transform={`translate(${p.x},${p.y})`} data-testid={`graph-node-${a.id}`} data-blocked={b}>
              <rect
                width={W}
                height={H}
                rx={8}
                fill={b ? '#fff5f5' : '#f8f9fa'}
                stroke={b ? '#e03131' : '#ced4da'}
                strokeWidth={b ? 2 : 1}
              />
              <text x={10} y={20} fontSize={13} fontWeight={600} fill="#212529">
                {a.vendorName.length > 26 ? `${a.vendorName.slice(0, 25)}…` : a.vendorName}
              </text>
              <text x={10} y={38} fontSize={11} fill="#495057">
                {a.scope.length > 32 ? `${a.scope.slice(0, 31)}…` : a.scope}
              </text>
              <text x={10} y={55} fontSize={11} fill={b ? '#c92a2a' : '#868e96'} fontWeight={b ? 600 : 400}>
                {b ? `Blocked · ${ASSIGNMENT_STATUS_LABELS[a.status]}` : ASSIGNMENT_STATUS_LABELS[a.status]}
              </text>
            </g>
          );
        })}
      </svg>
    </ScrollArea>
  );
}
