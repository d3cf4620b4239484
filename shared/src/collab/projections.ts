import type { TaskProjectionRow } from './internal.ts';

const sameTask = (a: TaskProjectionRow, b: TaskProjectionRow) =>
  (Object.keys(a) as (keyof TaskProjectionRow)[]).every((k) => a[k] === b[k]);

/** What changed between the stored projection and the document: rows to write, ids to delete, new assignments. */
export function diffTasks(stored: readonly TaskProjectionRow[], current: readonly TaskProjectionRow[]) {
  const before = new Map(stored.map((r) => [r.taskId, r]));
  const upserts = current.filter((r) => {
    const old = before.get(r.taskId);
    return !old || !sameTask(old, r);
  });
  const currentIds = new Set(current.map((r) => r.taskId));
  const deletes = stored.filter((r) => !currentIds.has(r.taskId)).map((r) => r.taskId);
  const assigned = current.filter(
    (r) => r.assigneeId !== null && r.assigneeId !== (before.get(r.taskId)?.assigneeId ?? null),
  );
  return { upserts, deletes, assigned };
}
