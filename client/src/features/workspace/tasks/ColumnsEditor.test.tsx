// @vitest-environment happy-dom
import { tasksDoc as openTasksDoc, sortByOrder, type TasksDoc } from '@mandap/shared/docs';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderForm } from '../../../ui/testing.tsx';
import { ColumnsEditor } from './ColumnsEditor.tsx';
import { useBoard } from './useBoard.ts';

afterEach(cleanup);

function Columns({ tasksDoc }: { tasksDoc: TasksDoc }) {
  return <ColumnsEditor tasksDoc={tasksDoc} board={useBoard(tasksDoc, false)} />;
}

async function openColumns() {
  const tasksDoc = openTasksDoc(new Y.Doc());
  const view = renderForm(<Columns tasksDoc={tasksDoc} />);
  await view.user.click(screen.getByRole('button', { name: 'Columns' }));
  const field = (await screen.findByLabelText('New column')) as HTMLInputElement;
  return { ...view, tasksDoc, field, add: screen.getByRole('button', { name: 'Add' }) };
}

const labels = (tasksDoc: TasksDoc) => sortByOrder(tasksDoc.columns.list()).map((c) => c.label);

describe('adding a board column', { timeout: 60_000 }, () => {
  it('asks for the name under its field, and adds no column', async () => {
    const { user, tasksDoc, field, add } = await openColumns();
    await user.type(field, '   ');
    await user.click(add);
    expect(await screen.findByText('Name the column')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(labels(tasksDoc)).toEqual(['To do', 'In progress', 'Blocked', 'Done']);
  });

  it('adds one column with the trimmed name at the end, on Enter, and clears the input', async () => {
    const { user, tasksDoc, field } = await openColumns();
    await user.type(field, ' Waiting on client {Enter}');
    await expect.poll(() => labels(tasksDoc)).toEqual(['To do', 'In progress', 'Blocked', 'Done', 'Waiting on client']);
    await expect.poll(() => field.value).toBe('');
    expect(await screen.findByDisplayValue('Waiting on client')).toBeTruthy();
  });
});
