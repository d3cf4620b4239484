import {
  DEFAULT_TASK_COLUMNS,
  isTaskOverdue,
  sortByOrder,
  type Task,
  type TaskColumn,
  type TasksDoc,
  todayInKolkata,
} from '@mandap/shared/docs';
import { useEffect, useMemo } from 'react';
import { useCollection } from '../collab/useCollection.ts';

/** What the board and list views read from the task document, derived once per change. */
export interface BoardModel {
  columns: TaskColumn[];
  tasks: Task[];
  /** Tasks with no (live) parent: the cards on the board. */
  topLevel: Task[];
  doneIds: ReadonlySet<string>;
  today: string;
  subtasksOf(id: string): Task[];
  subtaskProgress(id: string): { done: number; total: number };
  commentCount(id: string): number;
  isOverdue(task: Task): boolean;
}

export function useBoard(tasksDoc: TasksDoc, readOnly: boolean): BoardModel {
  const tasks = useCollection(tasksDoc.tasks);
  const storedColumns = useCollection(tasksDoc.columns);
  const comments = useCollection(tasksDoc.comments);

  useEffect(() => {
    if (!readOnly) tasksDoc.ensureColumns();
  }, [tasksDoc, readOnly]);

  return useMemo(() => {
    const columns = sortByOrder(storedColumns.length > 0 ? storedColumns : DEFAULT_TASK_COLUMNS);
    const doneIds = new Set(columns.filter((c) => c.isDone).map((c) => c.id));
    const ids = new Set(tasks.map((t) => t.id));
    const today = todayInKolkata();
    const subtasksOf = (id: string) => tasks.filter((t) => t.parentId === id);
    return {
      columns,
      tasks,
      topLevel: tasks.filter((t) => t.parentId === null || !ids.has(t.parentId)),
      doneIds,
      today,
      subtasksOf,
      subtaskProgress: (id) => {
        const subs = subtasksOf(id);
        return { done: subs.filter((s) => doneIds.has(s.status)).length, total: subs.length };
      },
      commentCount: (id) => comments.filter((c) => c.taskId === id).length,
      isOverdue: (task) => isTaskOverdue(task, today, doneIds),
    };
  }, [tasks, storedColumns, comments]);
}
