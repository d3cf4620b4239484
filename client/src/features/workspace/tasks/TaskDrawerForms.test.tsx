// @vitest-environment happy-dom
import { tasksDoc as openTasksDoc, type Task } from '@mandap/shared/docs';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderForm } from '../../../ui/testing.tsx';
import { AddTaskForm, TaskCommentForm } from './TaskDrawerForms.tsx';

afterEach(cleanup);

const ME = { id: 'u-ops', name: 'Kavya Reddy', color: '#a33' };
const PARENT: Task = {
  id: 't-1',
  title: 'Confirm mogra garlands',
  status: 'todo',
  priority: 'high',
  assigneeId: null,
  assigneeName: null,
  due: null,
  parentId: null,
  order: 'a0',
  createdAt: '2026-11-30T10:00:00.000Z',
  createdBy: 'u-ops',
};

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('adding a subtask', { timeout: 60_000 }, () => {
  function renderSubtask() {
    const tasksDoc = openTasksDoc(new Y.Doc());
    tasksDoc.tasks.put(PARENT);
    const view = renderForm(
      <AddTaskForm tasksDoc={tasksDoc} parent={PARENT} siblings={[]} firstColumn="todo" me={ME} />,
    );
    return { ...view, tasksDoc, field: input('New subtask') };
  }

  it('asks for the title under its field on a blank Enter, and writes nothing', async () => {
    const { user, tasksDoc, field } = renderSubtask();
    await user.type(field, '  {Enter}');
    expect(await screen.findByText('Name the subtask')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(tasksDoc.tasks.list()).toEqual([PARENT]);
  });

  it('writes one subtask under the parent with the trimmed title, and clears the input', async () => {
    const { user, tasksDoc, field } = renderSubtask();
    await user.type(field, ' Call the florist {Enter}');
    await expect.poll(() => tasksDoc.tasks.list().length).toBe(2);
    expect(tasksDoc.tasks.list().find((t) => t.id !== PARENT.id)).toMatchObject({
      title: 'Call the florist',
      parentId: 't-1',
      status: 'todo',
      priority: 'medium',
      createdBy: 'u-ops',
    });
    // Cleared once the write is done (the form resets after it, a tick later).
    await expect.poll(() => field.value).toBe('');
  });
});

describe("adding a task on the board's New task box", { timeout: 60_000 }, () => {
  it('asks for the title on a blank Enter and writes nothing; a title goes to the end of the first column', async () => {
    const tasksDoc = openTasksDoc(new Y.Doc());
    tasksDoc.tasks.put(PARENT);
    const { user } = renderForm(<AddTaskForm tasksDoc={tasksDoc} siblings={[PARENT]} firstColumn="todo" me={ME} />);
    const field = input('New task');
    await user.type(field, '  {Enter}');
    expect(await screen.findByText('Name the task')).toBeTruthy();
    expect(tasksDoc.tasks.list()).toEqual([PARENT]);

    await user.clear(field);
    await user.type(field, ' Book the dhol players {Enter}');
    await expect.poll(() => tasksDoc.tasks.list().length).toBe(2);
    const added = tasksDoc.tasks.list().find((t) => t.id !== PARENT.id);
    expect(added).toMatchObject({ title: 'Book the dhol players', parentId: null, status: 'todo' });
    expect(added!.order > PARENT.order).toBe(true);
    // Cleared once the write is done (the form resets after it, a tick later).
    await expect.poll(() => field.value).toBe('');
  });
});

describe('commenting on a task', { timeout: 60_000 }, () => {
  function renderComment() {
    const tasksDoc = openTasksDoc(new Y.Doc());
    const view = renderForm(<TaskCommentForm tasksDoc={tasksDoc} taskId="t-1" me={ME} />);
    return { ...view, tasksDoc, field: input('Comment'), send: screen.getByRole('button', { name: 'Comment' }) };
  }

  it('asks for the comment under its field, and writes nothing', async () => {
    const { user, tasksDoc, field, send } = renderComment();
    await user.type(field, '  ');
    await user.click(send);
    expect(await screen.findByText('Write the comment')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(tasksDoc.comments.list()).toEqual([]);
  });

  it('writes one comment by the signed-in person with the trimmed body, and clears the box', async () => {
    const { user, tasksDoc, field, send } = renderComment();
    await user.type(field, ' Florist confirmed 40 strings ');
    await user.click(send);
    await expect.poll(() => tasksDoc.comments.list().length).toBe(1);
    expect(tasksDoc.comments.list()[0]).toEqual({
      id: expect.any(String),
      taskId: 't-1',
      body: 'Florist confirmed 40 strings',
      authorId: 'u-ops',
      authorName: 'Kavya Reddy',
      createdAt: expect.any(String),
    });
    // Cleared once the write is done (the form resets after it, a tick later).
    await expect.poll(() => field.value).toBe('');
  });
});
