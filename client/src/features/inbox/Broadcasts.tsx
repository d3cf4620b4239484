import { EVENT_TYPES } from '@mandap/shared/events';
import { LEAD_STAGE_LABELS, LEAD_STAGES } from '@mandap/shared/leads';
import type { CreateBroadcast } from '@mandap/shared/notifications';
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
import { useState } from 'react';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useBroadcasts, useCreateBroadcast, usePreviewBroadcast, useTemplates } from './inbox.api.ts';

export const rupees = (paise: number) =>
  new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2 }).format(paise / 100);

/** Segment builder, template and schedule; the reach and expected cost are shown before anything is queued. */
function NewBroadcast() {
  const templates = useTemplates();
  const preview = usePreviewBroadcast();
  const create = useCreateBroadcast();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<string | null>('broadcast_offer');
  const [vars, setVars] = useState<Record<string, string>>({});
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [exclude, setExclude] = useState<string[]>(['lost']);
  const [sendAt, setSendAt] = useState('');
  const tpl = templates.data?.templates.find((t) => t.key === template);
  const body = (): CreateBroadcast => ({
    name: name.trim() || 'Broadcast',
    template: template ?? '',
    variables: vars,
    // The picker gives a wall-clock time; the house works in Asia/Kolkata.
    ...(sendAt ? { scheduledAt: indiaInstantIso(sendAt) } : {}),
    segment: {
      ...(eventTypes.length ? { eventTypes: eventTypes as CreateBroadcast['segment']['eventTypes'] } : {}),
      ...(from ? { eventDateFrom: from } : {}),
      ...(to ? { eventDateTo: to } : {}),
      ...(exclude.length ? { excludeStages: exclude as CreateBroadcast['segment']['excludeStages'] } : {}),
    },
  });
  return (
    <Paper withBorder radius="lg" p="md">
      <Stack gap="sm">
        <Title order={3} fz="lg">
          New broadcast
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label="Template"
            data={(templates.data?.templates ?? []).map((t) => ({ value: t.key, label: `${t.label} (${t.category})` }))}
            value={template}
            onChange={(v) => {
              setTemplate(v);
              setVars({});
              preview.reset();
            }}
          />
          <MultiSelect
            label="Event type"
            placeholder="Any"
            data={EVENT_TYPES.map((e) => ({ value: e, label: humanize(e) }))}
            value={eventTypes}
            onChange={setEventTypes}
          />
          <MultiSelect
            label="Leave out stages"
            data={LEAD_STAGES.map((s) => ({ value: s, label: LEAD_STAGE_LABELS[s] }))}
            value={exclude}
            onChange={setExclude}
          />
          <DateField label="Event date from" value={from} onChange={setFrom} clearable />
          <DateField label="Event date to" value={to} onChange={setTo} clearable />
          <TextInput
            type="datetime-local"
            label="Send at (Asia/Kolkata)"
            description="Empty: start now. Messages go out throttled to the provider's rate."
            value={sendAt}
            onChange={(e) => setSendAt(e.currentTarget.value)}
          />
          {tpl?.variables
            .filter((v) => v !== 'name')
            .map((v) => (
              <TextInput
                key={v}
                label={v}
                placeholder={tpl.sample[v]}
                value={vars[v] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setVars((o) => ({ ...o, [v]: value }));
                }}
              />
            ))}
        </SimpleGrid>
        <FormError message={(preview.error ?? create.error)?.message} />
        {preview.data && (
          <Alert variant="light" color="blue" title={`${preview.data.recipients} will receive it`}>
            {preview.data.matched} leads match; {preview.data.heldBack} held back by consent ({preview.data.category}{' '}
            messages). Expected cost {rupees(preview.data.expectedCostMinor)} at{' '}
            {rupees(preview.data.pricePerMessageMinor)} each.
            <Text size="sm" mt={4} c="dimmed">
              “{preview.data.sample}”
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="light"
            onClick={() => preview.mutate(body())}
            loading={preview.isPending}
            disabled={!template}
          >
            Preview reach and cost
          </Button>
          <Button
            onClick={() => create.mutate(body(), { onSuccess: () => preview.reset() })}
            loading={create.isPending}
            disabled={!preview.data}
          >
            Queue broadcast
          </Button>
        </Group>
      </Stack>
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
