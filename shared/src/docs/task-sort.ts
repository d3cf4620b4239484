import { TASK_PRIORITIES, type Task } from './tasks.ts';

/** The task list's sortable columns. */
export type TaskSortKey = 'title' | 'due' | 'priority' | 'assignee';

/** Nulls after values whatever the direction asked for is handled by the caller; here ascending. */
const nullsLast = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);

const text = (a: string, b: string) => a.localeCompare(b, 'en-IN', { sensitivity: 'base' });

/**
 * Ascending order of two tasks by one column: due date soonest first (undated last), priority
 * most urgent first, assignee by name (unassigned last), title alphabetically. Ties fall back
 * to the title so the order is stable for everyone looking at the same board.
 */
export function compareTasks(key: TaskSortKey, a: Task, b: Task): number {
  const byKey =
    key === 'due'
      ? nullsLast(a.due, b.due, (x, y) => x.localeCompare(y))
      : key === 'priority'
        ? TASK_PRIORITIES.indexOf(b.priority) - TASK_PRIORITIES.indexOf(a.priority)
        : key === 'assignee'
          ? nullsLast(a.assigneeName, b.assigneeName, text)
          : 0;
  return byKey || text(a.title, b.title) || a.id.localeCompare(b.id);
}
