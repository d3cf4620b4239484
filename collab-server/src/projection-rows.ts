import { dayofDoc, progressByChecklist, type Task, tasksDoc } from '@mandap/shared/docs';
import type * as Y from 'yjs';

/** One row of `task_projections` (without the event id and time). */
export interface TaskRow {
  taskId: string;
  title: string;
  assigneeId: string | null;
  assigneeName: string | null;
  due: string | null;
  priority: string;
  status: string;
  statusLabel: string;
  isDone: boolean;
  parentId: string | null;
}

/** One row of `checklist_projections`. */
export interface ChecklistRow {
  checklistId: string;
  title: string;
  done: number;
  total: number;
}

/** The task fields the edge reads, from a task-board document. */
export function taskRowsOf(doc: Y.Doc): TaskRow[] {
  const board = tasksDoc(doc);
  const columns = new Map(board.boardColumns().map((c) => [c.id, c]));
  return board.tasks.list().map((t: Task) => ({
    taskId: t.id,
    title: t.title,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
    due: t.due,
    priority: t.priority,
    status: t.status,
    statusLabel: columns.get(t.status)?.label ?? t.status,
    isDone: columns.get(t.status)?.isDone ?? false,
    parentId: t.parentId,
  }));
}

/** Checklist progress, from an event-day document. */
export function checklistRowsOf(doc: Y.Doc): ChecklistRow[] {
  const day = dayofDoc(doc);
  const checklists = day.checklists.list();
  const progress = progressByChecklist(checklists, day.items.list());
  return checklists.map((c) => {
    const p = progress.get(c.id) ?? { done: 0, total: 0 };
    return { checklistId: c.id, title: c.title, done: p.done, total: p.total };
  });
}

const sameTask = (a: TaskRow, b: TaskRow) => (Object.keys(a) as (keyof TaskRow)[]).every((k) => a[k] === b[k]);

/** What changed between the stored projection and the document: rows to write, ids to delete, new assignments. */
export function diffTasks(stored: readonly TaskRow[], current: readonly TaskRow[]) {
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
