import { newId } from '@mandap/shared/common';
import {
  CHECKLIST_TEMPLATES,
  type DayofDoc,
  instantiateTemplate,
  ZChecklist,
  ZChecklistTemplateKey,
} from '@mandap/shared/docs';
import { Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { fieldError, useField, useSubmit, useZodForm } from '../../../ui/form.ts';

/** A template and the function its checklists are for (the checklist's own `functionName` rule). */
const ZTemplateForm = ZChecklist.pick({ functionName: true }).extend({ template: ZChecklistTemplateKey });

const BLANK = { template: 'wedding' as const, functionName: '' };

/** Adds a template's checklists for one function ("Sangeet") after the event's last checklist. */
export function AddFromTemplateForm({ day, afterOrder }: { day: DayofDoc; afterOrder: string | null }) {
  const form = useZodForm(ZTemplateForm, BLANK);
  const template = useField(form, 'template');
  const { onSubmit } = useSubmit(form, ({ template: key, functionName }) => {
    const chosen = CHECKLIST_TEMPLATES.find((t) => t.key === key);
    if (!chosen) throw new Error('Pick a template.');
    const { checklists, items } = instantiateTemplate(chosen, functionName, afterOrder, newId);
    day.checklists.root.doc?.transact(() => {
      for (const c of checklists) day.checklists.put(c);
      for (const i of items) day.items.put(i);
    });
    form.reset(BLANK);
  });
  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={onSubmit} noValidate aria-label="Add checklists from a template">
        <Text fw={600} size="sm" mb={6}>
          Add checklists from a template
        </Text>
        <Group gap="xs" align="flex-start">
          <Select
            aria-label="Template"
            data={CHECKLIST_TEMPLATES.map((t) => ({ value: t.key, label: t.label }))}
            allowDeselect={false}
            w={180}
            {...template}
            onChange={(v) => template.onChange(v as typeof BLANK.template)}
          />
          <TextInput
            aria-label="Function"
            placeholder="Function, e.g. Sangeet"
            {...form.register('functionName')}
            error={fieldError(form.formState.errors.functionName?.message)}
            style={{ flex: 1, minWidth: 160 }}
          />
          <Button type="submit">Add</Button>
        </Group>
      </form>
    </Paper>
  );
}
