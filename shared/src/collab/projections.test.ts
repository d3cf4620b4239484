import { describe, expect, it } from 'vitest';
import type { TaskProjectionRow } from './internal.ts';
import { diffTasks } from './projections.ts';

const row = (over: Partial<TaskProjectionRow>): TaskProjectionRow => ({
  taskId: 't1',
  title: 'Book the dhol',
  assigneeId: null,
  assigneeName: null,
  due: null,
  priority: 'medium',
  status: 'todo',
  statusLabel: 'To do',
  isDone: false,
  parentId: null,
  ...over,
});

describe('diffTasks', () => {
  it('writes only changed rows, deletes gone ones, and reports new assignees only', () => {
    const stored = [row({ taskId: 'a', assigneeId: 'u1' }), row({ taskId: 'b' }), row({ taskId: 'gone' })];
    const current = [
      row({ taskId: 'a', assigneeId: 'u1' }),
      row({ taskId: 'b', assigneeId: 'u2' }),
      row({ taskId: 'new' }),
    ];
    const d = diffTasks(stored, current);
    expect(d.upserts.map((r) => r.taskId)).toEqual(['b', 'new']);
    expect(d.deletes).toEqual(['gone']);
    expect(d.assigned.map((r) => r.taskId)).toEqual(['b']);
  });
});
