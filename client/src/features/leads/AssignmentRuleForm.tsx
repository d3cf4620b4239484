import type { EventType } from '@mandap/shared/events';
import { LEAD_SOURCES, type LeadSource, ZAssignmentRuleInput } from '@mandap/shared/leads';
import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { sourceLabel } from './LeadBadges.tsx';
import { useEventTypeOptions, useLeadOwners } from './leadOptions.api.ts';

/** What the rule form holds: unset conditions are null (match anything), the city as typed. */
export interface RuleValues {
  ownerId: string | null;
  source: LeadSource | null;
  city: string;
  eventType: EventType | null;
}
export const EMPTY_RULE: RuleValues = { ownerId: null, source: null, city: '', eventType: null };
export type AssignmentRule = z.output<typeof ZAssignmentRuleInput>;

/** The rule request's own checks: an owner, and at least one condition (under Source). */
const ZRuleForm = requestForm(
  ZAssignmentRuleInput,
  (v: RuleValues) => ({
    ownerId: required(v.ownerId),
    source: v.source,
    city: v.city.trim() || null,
    eventType: v.eventType,
  }),
  { ownerId: 'Choose the sales person who gets these leads' },
);

/** Adds or edits one assignment rule; `save` sends the checked rule. */
export function AssignmentRuleForm({
  initial,
  isNew,
  save,
  onDone,
}: {
  initial: RuleValues;
  isNew: boolean;
  save: (rule: AssignmentRule) => Promise<unknown>;
  onDone: () => void;
}) {
  const owners = useLeadOwners();
  const eventTypeOptions = useEventTypeOptions();
  const sales = (owners.data?.owners ?? []).filter((o) => o.role === 'sales');
  const form = useZodForm(ZRuleForm, initial);
  const source = useField(form, 'source');
  const eventType = useField(form, 'eventType');
  const owner = useField(form, 'ownerId');
  const { onSubmit, error, submitting } = useSubmit(form, async (rule) => {
    await save(rule);
    onDone();
  });

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={onSubmit} noValidate aria-label="Assignment rule">
      <Stack gap="xs">
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label="Source"
            placeholder="Any source"
            clearable
            {...source}
            onChange={(s) => source.onChange(s as LeadSource | null)}
            data={LEAD_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))}
            miw={160}
          />
          <TextInput
            label="City"
            placeholder="Any city"
            {...form.register('city')}
            error={fieldError(form.formState.errors.city?.message)}
            miw={140}
          />
          <Select
            label="Event type"
            placeholder="Any event"
            clearable
            {...eventType}
            onChange={(s) => eventType.onChange(s as EventType | null)}
            data={eventTypeOptions}
            miw={150}
          />
          <Select
            label="Goes to"
            placeholder="Sales person"
            {...owner}
            data={sales.map((o) => ({ value: o.id, label: o.name }))}
            miw={160}
          />
        </Group>
        <FormError message={error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={submitting}>
            {isNew ? 'Add rule' : 'Save rule'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
