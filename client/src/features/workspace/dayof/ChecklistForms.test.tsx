// @vitest-environment happy-dom
import { dayofDoc, sortByOrder } from '@mandap/shared/docs';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderForm } from '../../../ui/testing.tsx';
import { AddChecklistItemForm } from './AddChecklistItemForm.tsx';
import { AddFromTemplateForm } from './AddFromTemplateForm.tsx';

afterEach(cleanup);

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('adding checklists from a template', { timeout: 60_000 }, () => {
  it("writes the template's checklists for the trimmed function, in one change, and clears the function", async () => {
    const doc = new Y.Doc();
    const day = dayofDoc(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const { user } = renderForm(<AddFromTemplateForm day={day} afterOrder={null} />);
    await user.click(screen.getByRole('combobox', { name: 'Template' }));
    await user.click(await screen.findByRole('option', { name: 'Corporate event' }, { timeout: 10_000 }));
    await user.type(input('Function'), '  Product launch ');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await expect.poll(() => day.checklists.list().length).toBe(4);
    expect(sortByOrder(day.checklists.list()).map((c) => c.title)).toEqual([
      'Product launch — Registration',
      'Product launch — Stage & AV',
      'Product launch — Hall',
      'Product launch — Food & beverage',
    ]);
    expect(day.items.list()).toHaveLength(13);
    expect(updates).toHaveLength(1);
    expect(input('Function').value).toBe('');
  });
});

describe('adding a line to a checklist', { timeout: 60_000 }, () => {
  const CHECKLIST = { id: 'cl-1', title: 'Sangeet — stage', functionName: 'Sangeet', area: 'stage', order: 'a0' };

  function renderItemForm() {
    const day = dayofDoc(new Y.Doc());
    const view = renderForm(<AddChecklistItemForm day={day} checklist={CHECKLIST} items={[]} />);
    return { ...view, day, field: input('Add an item to Sangeet — stage') };
  }

  it('asks for the item under its field on a blank Enter, and writes nothing', async () => {
    const { user, day, field } = renderItemForm();
    await user.type(field, '   {Enter}');
    expect(await screen.findByText('Write the item')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(day.items.list()).toEqual([]);
  });

  it('writes one unticked line with the trimmed label on Enter, and clears the input', async () => {
    const { user, day, field } = renderItemForm();
    await user.type(field, ' Dhol players briefed {Enter}');
    await expect.poll(() => day.items.list().length).toBe(1);
    expect(day.items.list()[0]).toEqual({
      id: expect.any(String),
      checklistId: 'cl-1',
      label: 'Dhol players briefed',
      order: expect.any(String),
      doneAt: null,
      doneById: null,
      doneByName: null,
    });
    expect(field.value).toBe('');
  });
});
