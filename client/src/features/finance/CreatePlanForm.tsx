import {
  MILESTONE_TEMPLATE_KEYS,
  MILESTONE_TEMPLATES,
  type MilestoneTemplateKey,
  ZCreateMilestonePlan,
} from '@mandap/shared/payments';
import { Button, Group, Select, Stack } from '@mantine/core';
import type { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { createPlan } from './finance.api.ts';

type PlanBody = z.output<typeof ZCreateMilestonePlan>;

const ZPlanForm = requestForm(
  ZCreateMilestonePlan,
  (v: { eventId: string; template: MilestoneTemplateKey | null }) => ({
    eventId: v.eventId,
    template: required(v.template),
  }),
  { template: 'choose a template' },
);

const TEMPLATES = MILESTONE_TEMPLATE_KEYS.map((value) => ({ value, label: MILESTONE_TEMPLATES[value].label }));

/** Makes the event's milestone plan (from the accepted quotation's payment terms, or the chosen template). */
export function CreatePlanForm({
  eventId,
  onCreated,
  send,
}: {
  eventId: string;
  onCreated: () => void;
  send?: (body: PlanBody) => Promise<unknown>;
}) {
  const form = useZodForm(ZPlanForm, { eventId, template: 'standard' });
  const template = useField(form, 'template');
  const { onSubmit, error, submitting } = useSubmit(form, async (body) => {
    await (send ? send(body) : createPlan(body.eventId, body.template));
    onCreated();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create the milestone plan">
      <Stack gap="xs">
        <Group align="flex-end">
          <Select label="Template" data={TEMPLATES} allowDeselect={false} w={{ base: '100%', sm: 420 }} {...template} />
          <Button type="submit" loading={submitting}>
            Create plan
          </Button>
        </Group>
        <FormError message={error} />
      </Stack>
    </form>
  );
}
