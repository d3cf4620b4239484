import { type Meeting, ZMeetingOutcome, ZScheduleMeeting } from '@mandap/shared/calendar';
import { indiaInstantIso } from '@mandap/shared/time';
import { Anchor, Badge, Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { call, edge, withSignal } from '../../api/rpc.ts';
import { formatDateTime } from '../../lib/format.ts';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, optionalText, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';

const key = (leadId: string) => ['meetings', leadId];

function useMeetings(leadId: string) {
  return useQuery({
    queryKey: key(leadId),
    queryFn: ({ signal }) => call(edge.meetings.$get({ query: { leadId } }, withSignal(signal))),
    select: (d) => d.meetings,
  });
}

/** Downloads a meeting's .ics invitation (with the session's token, so not a plain link). */
async function downloadInvite(meetingId: string) {
  const res = await edge.meetings[':id']['invite.ics'].$get({ param: { id: meetingId } });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = 'invitation.ics';
  a.click();
}

/** The outcome as typed: references one per line (a line starting http(s):// is a link). */
interface OutcomeValues {
  notes: string;
  references: string;
  reactions: string;
  decisions: string;
}

const ZOutcomeForm = requestForm(ZMeetingOutcome, (v: OutcomeValues) => ({
  notes: v.notes,
  references: v.references
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (/^https?:\/\//.test(l) ? { title: l, url: l } : { title: l, url: null })),
  reactions: v.reactions,
  decisions: v.decisions,
}));

/** What happened at a meeting; `save` sends the checked outcome (the edge unless a caller gives its own). */
export function Outcome({
  meeting,
  leadId,
  save,
}: {
  meeting: Meeting;
  leadId: string;
  save?: (request: z.output<typeof ZMeetingOutcome>) => Promise<unknown>;
}) {
  const qc = useQueryClient();
  const form = useZodForm(ZOutcomeForm, {
    notes: meeting.outcome?.notes ?? '',
    references: (meeting.outcome?.references ?? []).map((r) => r.url ?? r.title).join('\n'),
    reactions: meeting.outcome?.reactions ?? '',
    decisions: meeting.outcome?.decisions ?? '',
  });
  const { errors } = form.formState;
  const { onSubmit, error, submitting } = useSubmit(form, async (json) => {
    if (save) return void (await save(json));
    await call(edge.meetings[':id'].outcome.$post({ param: { id: meeting.id }, json }));
    void qc.invalidateQueries({ queryKey: key(leadId) });
    void qc.invalidateQueries({ queryKey: ['leads'] });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Outcome of ${meeting.title}`}>
      <Stack gap={6}>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          {...form.register('notes')}
          error={fieldError(errors.notes?.message)}
        />
        <Textarea
          label="References shown (one per line, links allowed)"
          autosize
          minRows={1}
          {...form.register('references')}
          error={fieldError(errors.references?.message)}
        />
        <TextInput
          label="The client's reactions"
          {...form.register('reactions')}
          error={fieldError(errors.reactions?.message)}
        />
        <TextInput label="Decisions" {...form.register('decisions')} error={fieldError(errors.decisions?.message)} />
        <FormError message={error} />
        <Button size="xs" type="submit" loading={submitting}>
          Save to the timeline
        </Button>
      </Stack>
    </form>
  );
}

/** A meeting as typed: the picker's local (Asia/Kolkata) date-time, minutes as a number box. */
interface ScheduleValues {
  title: string;
  startsAt: string | null;
  durationMinutes: number | string;
  location: string;
}

const scheduleForm = (leadId: string, leadName: string, email: string | null) =>
  requestForm(
    ZScheduleMeeting,
    (v: ScheduleValues) => ({
      leadId,
      title: v.title,
      startsAt: v.startsAt ? indiaInstantIso(v.startsAt) : '',
      durationMinutes: typeof v.durationMinutes === 'number' ? v.durationMinutes : Number.NaN,
      location: optionalText(v.location) ?? null,
      attendees: [{ name: leadName, email }],
    }),
    { startsAt: 'pick the day and time', durationMinutes: 'enter the length in minutes' },
  );

/** Schedules a meeting with the lead; `schedule` sends the checked request (the edge unless a caller gives its own). */
export function ScheduleMeetingForm({
  leadId,
  leadName,
  email,
  schedule,
}: {
  leadId: string;
  leadName: string;
  email: string | null;
  schedule?: (request: z.output<typeof ZScheduleMeeting>) => Promise<unknown>;
}) {
  const qc = useQueryClient();
  const [schema] = useState(() => scheduleForm(leadId, leadName, email));
  const form = useZodForm(schema, {
    title: `Meeting with ${leadName}`,
    startsAt: null,
    durationMinutes: 45,
    location: '',
  });
  const { errors } = form.formState;
  const startsAt = useField(form, 'startsAt');
  const minutes = useField(form, 'durationMinutes');
  const { onSubmit, error, submitting } = useSubmit(form, async (json) => {
    if (schedule) return void (await schedule(json));
    await call(edge.meetings.$post({ json }));
    void qc.invalidateQueries({ queryKey: key(leadId) });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Schedule a meeting">
      <Stack gap={6}>
        <TextInput label="Title" {...form.register('title')} error={fieldError(errors.title?.message)} />
        <Group grow align="flex-start">
          <DateTimePicker
            label="When"
            valueFormat="DD/MM/YYYY hh:mm A"
            name={startsAt.name}
            ref={startsAt.ref}
            onBlur={startsAt.onBlur}
            value={startsAt.value}
            onChange={(v) => startsAt.onChange(v ? String(v) : null)}
            error={startsAt.error}
          />
          <NumberInput label="Minutes" min={10} max={600} {...minutes} />
        </Group>
        <TextInput
          label="Where (blank for online)"
          {...form.register('location')}
          error={fieldError(errors.location?.message)}
        />
        <Text size="xs" c="dimmed">
          Invites {leadName}
          {email ? ` (${email})` : ' (no email on the lead: send the .ics invitation yourself)'}.
        </Text>
        <FormError message={error} />
        <Button size="xs" type="submit" loading={submitting}>
          Schedule meeting
        </Button>
      </Stack>
    </form>
  );
}

/** A lead's meetings: schedule one (Google Meet when configured, else an .ics invitation), then log what happened. */
export function LeadMeetings({ leadId, leadName, email }: { leadId: string; leadName: string; email: string | null }) {
  const list = useMeetings(leadId);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" radius="md">
        <ScheduleMeetingForm leadId={leadId} leadName={leadName} email={email} />
      </Paper>
      {(list.data ?? []).map((m) => (
        <Paper key={m.id} withBorder p="sm" radius="md" data-testid="lead-meeting">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600} size="sm">
                {m.title}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(m.startsAt)}
                {m.location ? ` · ${m.location}` : ''}
              </Text>
            </div>
            <Badge variant="light">{m.status === 'held' ? 'Held' : 'Scheduled'}</Badge>
          </Group>
          <Group gap="sm" mt={4}>
            {m.meetUrl ? (
              <Anchor href={m.meetUrl} target="_blank" size="sm">
                Google Meet link
              </Anchor>
            ) : m.provider === 'google' ? (
              <Text size="sm" c="dimmed">
                Meet link pending at Google
              </Text>
            ) : null}
            <Anchor size="sm" component="button" onClick={() => void downloadInvite(m.id)}>
              .ics invitation
            </Anchor>
            <Anchor size="sm" component="button" onClick={() => setOpen(open === m.id ? null : m.id)}>
              {m.status === 'held' ? 'Edit notes' : 'After the meeting…'}
            </Anchor>
          </Group>
          {open === m.id && <Outcome meeting={m} leadId={leadId} />}
        </Paper>
      ))}
    </Stack>
  );
}
