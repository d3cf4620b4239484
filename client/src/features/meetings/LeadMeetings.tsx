import { type Meeting, ZMeeting } from '@mandap/shared';
import { indiaInstantIso } from '@mandap/shared/time';
import { Anchor, Badge, Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { FormError } from '../../ui/FormError.tsx';

const key = (leadId: string) => ['meetings', leadId];

function useMeetings(leadId: string) {
  return useQuery({
    queryKey: key(leadId),
    queryFn: ({ signal }) =>
      api(`/api/meetings?leadId=${leadId}`, { schema: z.object({ meetings: z.array(ZMeeting) }), signal }),
    select: (d) => d.meetings,
  });
}

function Outcome({ meeting, leadId }: { meeting: Meeting; leadId: string }) {
  const qc = useQueryClient();
  const [notes, setNotes] = useState(meeting.outcome?.notes ?? '');
  const [refs, setRefs] = useState((meeting.outcome?.references ?? []).map((r) => r.url ?? r.title).join('\n'));
  const [reactions, setReactions] = useState(meeting.outcome?.reactions ?? '');
  const [decisions, setDecisions] = useState(meeting.outcome?.decisions ?? '');
  const save = useMutation({
    mutationFn: () =>
      api(`/api/meetings/${meeting.id}/outcome`, {
        method: 'POST',
        schema: z.object({ meeting: ZMeeting }),
        body: {
          notes,
          references: refs
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .map((l) => (/^https?:\/\//.test(l) ? { title: l, url: l } : { title: l, url: null })),
          reactions,
          decisions,
        },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(leadId) });
      void qc.invalidateQueries({ queryKey: ['leads'] });
    },
  });
  return (
    <Stack gap={6}>
      <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      <Textarea
        label="References shown (one per line, links allowed)"
        autosize
        minRows={1}
        value={refs}
        onChange={(e) => setRefs(e.currentTarget.value)}
      />
      <TextInput
        label="The client's reactions"
        value={reactions}
        onChange={(e) => setReactions(e.currentTarget.value)}
      />
      <TextInput label="Decisions" value={decisions} onChange={(e) => setDecisions(e.currentTarget.value)} />
      <FormError message={save.error?.message} />
      <Button size="xs" onClick={() => save.mutate()} loading={save.isPending} disabled={notes.trim() === ''}>
        Save to the timeline
      </Button>
    </Stack>
  );
}

/** A lead's meetings: schedule one (Google Meet when configured, else an .ics invitation), then log what happened. */
export function LeadMeetings({ leadId, leadName, email }: { leadId: string; leadName: string; email: string | null }) {
  const qc = useQueryClient();
  const list = useMeetings(leadId);
  const [title, setTitle] = useState(`Meeting with ${leadName}`);
  const [when, setWhen] = useState<string | null>(null);
  const [minutes, setMinutes] = useState(45);
  const [location, setLocation] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const schedule = useMutation({
    mutationFn: () =>
      api('/api/meetings', {
        method: 'POST',
        schema: z.object({ meeting: ZMeeting }),
        body: {
          leadId,
          title,
          // The picker gives a local (Asia/Kolkata) date-time.
          startsAt: indiaInstantIso(String(when)),
          durationMinutes: minutes,
          location: location || null,
          attendees: [{ name: leadName, email }],
        },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(leadId) }),
  });
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" radius="md">
        <Stack gap={6}>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Group grow>
            <DateTimePicker
              label="When"
              valueFormat="DD/MM/YYYY hh:mm A"
              value={when}
              onChange={(v) => setWhen(v ? String(v) : null)}
            />
            <NumberInput
              label="Minutes"
              min={10}
              max={600}
              value={minutes}
              onChange={(v) => setMinutes(Number(v) || 45)}
            />
          </Group>
          <TextInput
            label="Where (blank for online)"
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
          />
          <Text size="xs" c="dimmed">
            Invites {leadName}
            {email ? ` (${email})` : ' (no email on the lead: send the .ics invitation yourself)'}.
          </Text>
          <FormError message={schedule.error?.message} />
          <Button
            size="xs"
            disabled={!when || !title.trim()}
            loading={schedule.isPending}
            onClick={() => schedule.mutate()}
          >
            Schedule meeting
          </Button>
        </Stack>
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
            <Anchor
              size="sm"
              component="button"
              onClick={async () => {
                const { accessToken } = await import('../../api/session.ts');
                const res = await fetch(m.inviteUrl, { headers: { authorization: `Bearer ${accessToken()}` } });
                const a = document.createElement('a');
                a.href = URL.createObjectURL(await res.blob());
                a.download = 'invitation.ics';
                a.click();
              }}
            >
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
