import type * as Y from 'yjs';
import { z } from 'zod';
import { newId } from '../common/ids.ts';
import { indiaToday } from '../time/india.ts';
import { collection } from './collection.ts';
import { orderKeyAtEnd, orderKeyForMove, sortByOrder } from './ordering.ts';

/** Task priorities, lowest first. */
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** One task on an event's board. `status` is a column id; `order` a fractional-index key within its column. */
export const ZTask = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  priority: z.enum(TASK_PRIORITIES),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  parentId: z.string().nullable(),
  order: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Task = z.infer<typeof ZTask>;

/** A board column. `isDone` marks the column whose tasks count as finished (not overdue). */
export const ZTaskColumn = z.object({
  id: z.string(),
  label: z.string().trim().min(1, { error: 'name the column' }),
  order: z.string(),
  isDone: z.boolean(),
});
export type TaskColumn = z.infer<typeof ZTaskColumn>;

export const ZTaskComment = z.object({
  id: z.string(),
  taskId: z.string(),
  body: z.string().trim().min(1, { error: 'write the comment' }),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

/**
 * The default columns. Fixed ids, so two people opening a new board at once create the same
 * four columns rather than eight.
 */
export const DEFAULT_TASK_COLUMNS: readonly TaskColumn[] = [
  { id: 'todo', label: 'To do', order: 'a0', isDone: false },
  { id: 'in_progress', label: 'In progress', order: 'a1', isDone: false },
  { id: 'blocked', label: 'Blocked', order: 'a2', isDone: false },
  { id: 'done', label: 'Done', order: 'a3', isDone: true },
];

/** Typed access to an event's task board document. */
export function tasksDoc(doc: Y.Doc) {
  const columns = collection(doc, 'columns', ZTaskColumn);
  const tasks = collection(doc, 'tasks', ZTask);

  /** Columns in board order; the defaults when none are stored yet. */
  const boardColumns = (): TaskColumn[] => {
    const stored = columns.list();
    return sortByOrder(stored.length > 0 ? stored : DEFAULT_TASK_COLUMNS);
  };
  /** Stores the default columns if the board has none (idempotent, merge-safe). */
  const ensureColumns = (): void => {
    if (columns.list().length > 0) return;
    doc.transact(() => {
      for (const column of DEFAULT_TASK_COLUMNS) columns.put(column);
    });
  };
  /**
   * Why a column cannot be removed (it holds tasks, or it is the last column or the last
   * "done" column), or null when it can.
   */
  const whyKeepColumn = (id: string, onBoard: readonly Task[]): string | null => {
    const all = boardColumns();
    const column = all.find((c) => c.id === id);
    if (!column) return 'No such column.';
    const count = onBoard.filter((t) => t.status === id).length;
    if (count > 0) return `Move its ${count} task${count === 1 ? '' : 's'} to another column first.`;
    if (all.length === 1) return 'A board needs at least one column.';
    if (column.isDone && all.filter((c) => c.isDone).length === 1) return 'A board needs a column for done tasks.';
    return null;
  };

  return {
    tasks,
    columns,
    comments: collection(doc, 'comments', ZTaskComment),
    boardColumns,
    ensureColumns,
    whyKeepColumn,
    /** Adds a column at the end of the board (e.g. "Waiting on client"); returns its id. */
    addColumn(label: string): string {
      ensureColumns();
      const id = newId();
      columns.put({ id, label: label.trim(), order: orderKeyAtEnd(columns.list()), isDone: false });
      return id;
    },
    /** Renames a column (the board's defaults are stored first, so the rename sticks). */
    renameColumn(id: string, label: string): void {
      ensureColumns();
      if (label.trim()) columns.patch(id, { label: label.trim() });
    },
    /** Moves a column one place left (-1) or right (+1); only its order key changes. */
    moveColumn(id: string, delta: -1 | 1): void {
      ensureColumns();
      const ordered = boardColumns();
      const index = ordered.findIndex((c) => c.id === id);
      const target = index + delta;
      if (index < 0 || target < 0 || target >= ordered.length) return;
      columns.patch(id, { order: orderKeyForMove(ordered, id, target) });
    },
    /** Removes an empty column (see `whyKeepColumn`); false when it must stay. */
    removeColumn(id: string): boolean {
      ensureColumns();
      if (whyKeepColumn(id, tasks.list()) !== null) return false;
      columns.remove(id);
      return true;
    },
  };
}
export type TasksDoc = ReturnType<typeof tasksDoc>;

/** A task due before `today` (yyyy-mm-dd, IST) and not in a done column. */
export function isTaskOverdue(
  task: Pick<Task, 'due' | 'status'>,
  today: string,
  doneColumnIds: ReadonlySet<string>,
): boolean {
  return task.due !== null && task.due < today && !doneColumnIds.has(task.status);
}

/** A task with its subtasks, nested. */
export interface TaskNode {
  task: Task;
  children: TaskNode[];
}

/**
 * Tasks nested under their parents, each level in order. A task whose parent is gone, or whose
 * parent chain loops (two people re-parenting at once), is shown at the top level.
 */
export function buildTaskTree(tasks: readonly Task[]): TaskNode[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const reachesRoot = (task: Task): boolean => {
    const seen = new Set<string>([task.id]);
    let parentId = task.parentId;
    while (parentId !== null) {
      if (seen.has(parentId)) return false;
      seen.add(parentId);
      const parent = byId.get(parentId);
      if (!parent) return false;
      parentId = parent.parentId;
    }
    return true;
  };
  const effectiveParent = new Map(
    tasks.map((t) => [t.id, t.parentId !== null && byId.has(t.parentId) && reachesRoot(t) ? t.parentId : null]),
  );
  const build = (parentId: string | null): TaskNode[] =>
    sortByOrder(tasks.filter((t) => effectiveParent.get(t.id) === parentId)).map((task) => ({
      task,
      children: build(task.id),
    }));
  return build(null);
}

/** Today's date in Asia/Kolkata as yyyy-mm-dd (time/india.ts). */
export const todayInKolkata = indiaToday;
