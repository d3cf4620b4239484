import type { ChecklistProjectionRow, TaskProjectionRow } from '@mandap/shared/collab';
import { dayofDoc, progressByChecklist, type Task, tasksDoc } from '@mandap/shared/docs';
import type * as Y from 'yjs';

/** Rows as the edge's internal endpoint takes them (shared/src/collab). */
export type TaskRow = TaskProjectionRow;
export type ChecklistRow = ChecklistProjectionRow;

/** The task fields the edge reads, from a task-board document. */
export function taskRowsOf(doc: Y.Doc): TaskRow[] {
  const board = tasksDoc(doc);
  const columns = new Map(board.boardColumns().map((c) => [c.id, c]));
  // Clamped to the shared schema's limits, so one odd task cannot get a whole board refused.
  return board.tasks
    .list()
    .slice(0, 5000)
    .map((t: Task) => ({
      taskId: clamp(t.id, 200) || '?',
      title: clamp(t.title, 2000),
      assigneeId: t.assigneeId === null ? null : clamp(t.assigneeId, 200),
      assigneeName: t.assigneeName === null ? null : clamp(t.assigneeName, 400),
      due: t.due === null ? null : clamp(t.due, 40),
      priority: clamp(t.priority, 40),
      status: clamp(t.status, 80),
      statusLabel: clamp(columns.get(t.status)?.label ?? t.status, 200),
      isDone: columns.get(t.status)?.isDone ?? false,
      parentId: t.parentId === null ? null : clamp(t.parentId, 200),
    }));
}

/** Checklist progress, from an event-day document. */
export function checklistRowsOf(doc: Y.Doc): ChecklistRow[] {
  const day = dayofDoc(doc);
  const checklists = day.checklists.list();
  const progress = progressByChecklist(checklists, day.items.list());
  return checklists.slice(0, 2000).map((c) => {
    const p = progress.get(c.id) ?? { done: 0, total: 0 };
    return { checklistId: clamp(c.id, 200) || '?', title: clamp(c.title, 2000), done: p.done, total: p.total };
  });
}

const clamp = (value: unknown, max: number): string => String(value ?? '').slice(0, max);
