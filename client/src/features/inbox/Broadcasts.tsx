import { type BuiltInEventType, EVENT_TYPES } from '@mandap/shared/events';
import { LEAD_STAGE_LABELS, LEAD_STAGES, type LeadStage } from '@mandap/shared/leads';
import { formatMoney } from '@mandap/shared/money';
import { type CreateBroadcast, templateOf, ZCreateBroadcast } from '@mandap/shared/notifications';
import { indiaInstantIso } from '@mandap/shared/time';
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { type BroadcastPreview, useBroadcasts, useCreateBroadcast, usePreviewBroadcast } from './inbox.api.ts';
import { blankVariables, TemplateVariables, templateVariablesFilled, useTemplateField } from './templateFields.tsx';

const rupees = (paise: number) => formatMoney({ amountMinor: paise, currency: 'INR' });

/** The broadcast as typed, named as the request names it. */
interface BroadcastValues {
  name: string;
  template: string | null;
  variables: Record<string, string>;
  segment: {
    eventTypes: BuiltInEventType[];
    eventDateFrom: string | null;
    eventDateTo: string | null;
    excludeStages: LeadStage[];
  };
  /** The date-time picker's wall-clock value (Asia/Kolkata); blank: start now. */
  scheduledAt: string;
}

const DEFAULT_TEMPLATE = 'broadcast_offer';
const blankBroadcast = (): BroadcastValues => ({
  name: '',
  template: DEFAULT_TEMPLATE,
  variables: blankVariables(templateOf(DEFAULT_TEMPLATE)),
  segment: { eventTypes: [], eventDateFrom: null, eventDateTo: null, excludeStages: ['lost'] },
  scheduledAt: '',
});

/** The picker gives a wall-clock time; the house works in Asia/Kolkata. One the picker cannot give is sent as typed, for the schema to refuse. */
function kolkataInstant(wallClock: string): string | undefined {
  if (!wallClock) return undefined;
  try {
    return indiaInstantIso(wallClock);
  } catch {
    return wallClock;
  }
}

const listOrNothing = <T,>(list: T[]) => (list.length ? list : undefined);

/** The request the edge checks (`ZCreateBroadcast`; the preview takes its template, variables and segment). */
const ZBroadcastForm = requestForm(
  ZCreateBroadcast.superRefine(templateVariablesFilled),
  (v: BroadcastValues): z.input<typeof ZCreateBroadcast> => ({
    name: v.name.trim() || 'Broadcast',
    template: required(v.template),
    variables: v.variables,
    scheduledAt: kolkataInstant(v.scheduledAt),
    segment: {
      eventTypes: listOrNothing(v.segment.eventTypes),
      eventDateFrom: v.segment.eventDateFrom ?? undefined,
      eventDateTo: v.segment.eventDateTo ?? undefined,
      excludeStages: listOrNothing(v.segment.excludeStages),
    },
  }),
  { template: 'pick a template' },
);

/**
 * Segment builder, template and schedule; the reach and expected cost are shown before anything
 * is queued (Enter previews; only the button queues), and any change asks for a new preview.
 */
export function NewBroadcast({
  preview: sendPreview,
  create: sendCreate,
}: {
  /** The edge's preview and queueing, unless a caller gives its own. */
  preview?: (body: CreateBroadcast) => Promise<BroadcastPreview>;
  create?: (body: CreateBroadcast) => Promise<unknown>;
}) {
  const previewer = usePreviewBroadcast();
  const creator = useCreateBroadcast();
  const form = useZodForm(ZBroadcastForm, blankBroadcast());
  const [shown, setShown] = useState<BroadcastPreview | null>(null);
  // A preview is for what was typed when it was asked for: any change hides it (and the queue button).
  useEffect(() => {
    const watching = form.watch(() => setShown(null));
    return () => watching.unsubscribe();
  }, [form]);
  const { select: template, tpl } = useTemplateField(form);
  const eventTypes = useField(form, 'segment.eventTypes');
  const excludeStages = useField(form, 'segment.excludeStages');
  const from = useField(form, 'segment.eventDateFrom');
  const to = useField(form, 'segment.eventDateTo');

  const preview = useSubmit(form, async (body) => {
    queue.setError(null);
    setShown(await (sendPreview ?? previewer.mutateAsync)(body));
  });
  const queue = useSubmit(form, async (body) => {
    preview.setError(null);
    await (sendCreate ?? creator.mutateAsync)(body);
    form.reset(blankBroadcast());
  });

  return (
    <Paper withBorder radius="lg" p="md">
      <form onSubmit={preview.onSubmit} noValidate aria-label="New broadcast">
        <Stack gap="sm">
          <Title order={3} fz="lg">
            New broadcast
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              {...form.register('name')}
              error={fieldError(form.formState.errors.name?.message)}
            />
            <Select label="Template" {...template} />
            <MultiSelect
              label="Event type"
              placeholder="Any"
              data={EVENT_TYPES.map((e) => ({ value: e, label: humanize(e) }))}
              {...eventTypes}
              onChange={(v) => eventTypes.onChange(v as BuiltInEventType[])}
            />
            <MultiSelect
              label="Leave out stages"
              data={LEAD_STAGES.map((s) => ({ value: s, label: LEAD_STAGE_LABELS[s] }))}
              {...excludeStages}
              onChange={(v) => excludeStages.onChange(v as LeadStage[])}
            />
            <DateField label="Event date from" clearable {...from} />
            <DateField label="Event date to" clearable {...to} />
            <TextInput
              type="datetime-local"
              label="Send at (Asia/Kolkata)"
              description="Empty: start now. Messages go out throttled to the provider's rate."
              {...form.register('scheduledAt')}
              error={fieldError(form.formState.errors.scheduledAt?.message)}
            />
            <TemplateVariables form={form} tpl={tpl} />
          </SimpleGrid>
          <FormError message={preview.error ?? queue.error} />
          {shown && (
            <Alert variant="light" color="blue" role="status" title={`${shown.recipients} will receive it`}>
              {shown.matched} leads match; {shown.heldBack} held back by consent ({shown.category} messages). Expected
              cost {rupees(shown.expectedCostMinor)} at {rupees(shown.pricePerMessageMinor)} each.
              <Text size="sm" mt={4} c="dimmed">
                “{shown.sample}”
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={preview.submitting}>
              Preview reach and cost
            </Button>
            <Button onClick={queue.onSubmit} loading={queue.submitting} disabled={!shown}>
              Queue broadcast
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function Broadcasts() {
  const list = useBroadcasts();
  return (
    <Stack gap="md">
      <NewBroadcast />
      {list.error && <QueryError error={list.error} />}
      {list.data?.broadcasts.map((b) => {
        const done = b.sent + b.failed;
        return (
          <Paper key={b.id} withBorder radius="lg" p="md" data-testid="broadcast">
            <Group justify="space-between">
              <Text fw={600}>{b.name}</Text>
              <Text size="xs" c="dimmed">
                {b.template} · from {formatDateTime(b.scheduledAt)}
              </Text>
            </Group>
            <Progress value={b.recipients ? (done * 100) / b.recipients : 0} mt="xs" aria-label="Progress" />
            <Text size="sm" mt={4}>
              {done} of {b.recipients} processed · {b.delivered} delivered · {b.read} read · {b.failed} failed ·{' '}
              {b.skipped} held back by consent · cost {rupees(b.costMinor)} of {rupees(b.expectedCostMinor)} expected
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
