import { newId } from '@mandap/shared/common';
import { type Checklist, type ChecklistItem, type DayofDoc, orderKeyAtEnd, ZChecklistItem } from '@mandap/shared/docs';
import { TextInput } from '@mantine/core';
import { fieldError, useSubmit, useZodForm } from '../../../ui/form.ts';

/** A line as typed: the checklist item's own label rule. */
const ZItemForm = ZChecklistItem.pick({ label: true });

/** Adds a line at the end of one checklist: type it and press Enter. */
export function AddChecklistItemForm({
  day,
  checklist,
  items,
}: {
  day: DayofDoc;
  checklist: Checklist;
  /** The checklist's lines, in order. */
  items: ChecklistItem[];
}) {
  const form = useZodForm(ZItemForm, { label: '' });
  const { onSubmit } = useSubmit(form, ({ label }) => {
    day.items.put({
      id: newId(),
      checklistId: checklist.id,
      label,
      order: orderKeyAtEnd(items),
      doneAt: null,
      doneById: null,
      doneByName: null,
    });
    form.reset({ label: '' });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`New item for ${checklist.title}`}>
      <TextInput
        mt="xs"
        aria-label={`Add an item to ${checklist.title}`}
        placeholder="Add an item and press Enter"
        {...form.register('label')}
        error={fieldError(form.formState.errors.label?.message)}
      />
    </form>
  );
}
