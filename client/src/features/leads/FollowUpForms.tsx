import '@mantine/dates/styles.css';
import { ZCompleteFollowUp, ZScheduleFollowUp } from '@mandap/shared/leads';
import { indiaInstantIso } from '@mandap/shared/time';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, optionalText, requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';

export type ScheduleFollowUp = z.output<typeof ZScheduleFollowUp>;
export type CompleteFollowUp = z.output<typeof ZCompleteFollowUp>;

/** The picker's "YYYY-MM-DD HH:mm:ss" is India wall time whatever the device's zone: sent as that instant. */
const ZPlanForm = requestForm(
  ZScheduleFollowUp,
  (v: { dueAt: string | null; note: string }) => ({
    dueAt: v.dueAt ? indiaInstantIso(v.dueAt) : required<string>(null),
    note: optionalText(v.note),
  }),
  { dueAt: 'Pick the day and time of the follow-up' },
);

/** Plans the next follow-up on a lead: when (IST) and what for; `schedule` sends the checked request. */
export function PlanFollowUpForm({
  schedule,
  onPlanned,
}: {
  schedule: (request: ScheduleFollowUp) => Promise<unknown>;
  onPlanned: () => void;
}) {
  const form = useZodForm(ZPlanForm, { dueAt: null, note: '' });
  const dueAt = useField(form, 'dueAt');
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    await schedule(request);
    form.reset();
    onPlanned();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Plan a follow-up">
      <Stack gap="xs">
        <FormError message={error} />
        <Group align="flex-end" gap="xs">
          <DateTimePicker
            label="Next follow-up (IST)"
            placeholder="dd/mm/yyyy hh:mm"
            valueFormat="DD/MM/YYYY hh:mm A"
            timePickerProps={{ format: '12h' }}
            clearable
            miw={210}
            {...dueAt}
          />
          <TextInput
            label="What for"
            placeholder="Send décor references"
            style={{ flex: 1 }}
            {...form.register('note')}
            error={fieldError(form.formState.errors.note?.message)}
          />
          <Button type="submit" loading={submitting}>
            Plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const ZCompleteForm = requestForm(ZCompleteFollowUp, (v: { outcome: string }) => ({
  outcome: optionalText(v.outcome),
}));

/** Marks a follow-up done, with what came of it if the user says; `complete` sends the checked request. */
export function CompleteFollowUpForm({
  complete,
  onCompleted,
}: {
  complete: (request: CompleteFollowUp) => Promise<unknown>;
  onCompleted: () => void;
}) {
  const form = useZodForm(ZCompleteForm, { outcome: '' });
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    await complete(request);
    onCompleted();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Complete the follow-up">
      <Stack gap="xs">
        <TextInput
          label="Outcome (optional)"
          placeholder="Sent the décor references"
          data-autofocus
          {...form.register('outcome')}
          error={fieldError(form.formState.errors.outcome?.message)}
        />
        <FormError message={error} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" color="teal" loading={submitting}>
            Mark done
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
