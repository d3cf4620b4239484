import { type PreparationMilestone, ZCreatePreparationMilestone } from '@mandap/shared/live';
import { Button, Checkbox, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { z } from 'zod';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, todayInKolkata } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { asCheckbox, fieldError, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useAddStep, usePreparation, useUpdateStep } from './portal.api.ts';

type NewStep = z.output<typeof ZCreatePreparationMilestone>;

/** A step as typed, named as the add-step request names it; its rules are the request's. */
interface StepValues {
  title: string;
  dueDate: string | null;
  clientVisible: boolean;
}
const ZStepForm = requestForm(ZCreatePreparationMilestone, (v: StepValues) => v);

/** Staff add preparation steps and tick them off; the ones the client sees show on the client page, live. */
export function PreparationStepsCard({
  eventId,
  add: send,
}: {
  eventId: string;
  /** Sends the checked step; the edge unless a caller gives its own. */
  add?: (step: NewStep) => Promise<{ step: PreparationMilestone }>;
}) {
  const steps = usePreparation(eventId);
  const add = useAddStep(eventId);
  const update = useUpdateStep(eventId);
  const today = todayInKolkata();
  const form = useZodForm(ZStepForm, { title: '', dueDate: null, clientVisible: true });
  const dueDate = useField(form, 'dueDate');
  const visible = useField(form, 'clientVisible');
  const { onSubmit, error, submitting } = useSubmit(form, async (step) => {
    await (send ?? add.mutateAsync)(step);
    // The next step often shares the date and who sees it: only the name is cleared.
    form.reset({ title: '', dueDate: step.dueDate, clientVisible: step.clientVisible });
  });

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="lg" mb={4}>
        Preparation steps
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Steps marked “client sees it” appear on the client's page, live. The others stay with the team.
      </Text>
      <form onSubmit={onSubmit} noValidate aria-label="New preparation step">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Step"
            placeholder="Floral arrangements confirmed"
            {...form.register('title')}
            error={fieldError(form.formState.errors.title?.message)}
            w={300}
          />
          <DateField label="By" {...dueDate} w={150} />
          <Switch label="Client sees it" {...asCheckbox(visible)} mt={32} />
          <Button type="submit" loading={submitting} mt={25}>
            Add step
          </Button>
        </Group>
      </form>
      <FormError message={error} />
      <FormError message={update.error ? `Not changed: ${errorMessage(update.error)}` : null} />
      {steps.isError ? (
        <QueryError error={steps.error} />
      ) : (
        <Stack gap={6} mt="md">
          {(steps.data ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              No steps yet.
            </Text>
          )}
          {(steps.data ?? []).map((s) => (
            <Group key={s.id} justify="space-between" wrap="nowrap" data-testid="prep-step">
              <Checkbox
                checked={s.doneAt !== null}
                onChange={(e) => update.mutate({ id: s.id, done: e.currentTarget.checked })}
                label={
                  <Text size="sm" td={s.doneAt ? 'line-through' : undefined}>
                    {s.title}
                    {s.dueDate && (
                      <Text span size="xs" c={!s.doneAt && s.dueDate < today ? 'red' : 'dimmed'}>
                        {' '}
                        · by {formatDate(s.dueDate)}
                      </Text>
                    )}
                  </Text>
                }
              />
              <Switch
                size="sm"
                label="Client sees it"
                checked={s.clientVisible}
                onChange={(e) => update.mutate({ id: s.id, clientVisible: e.currentTarget.checked })}
              />
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
