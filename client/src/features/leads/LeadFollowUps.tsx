import type { FollowUp } from '@mandap/shared/leads';
import { Badge, Button, Group, Menu, Popover, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarmSnooze, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { CompleteFollowUpForm, PlanFollowUpForm } from './FollowUpForms.tsx';
import { useCompleteFollowUp, useLeadFollowUps, useScheduleFollowUp, useSnoozeFollowUp } from './leads.api.ts';

const BUCKET_COLORS = { overdue: 'red', today: 'orange', upcoming: 'blue' } as const;
const SNOOZES = [
  { label: '1 hour', minutes: 60 },
  { label: '3 hours', minutes: 180 },
  { label: 'Tomorrow', minutes: 60 * 24 },
  { label: 'Next week', minutes: 60 * 24 * 7 },
];

/** Snooze and complete buttons for one follow-up; used on the lead card and on "My follow-ups". */
export function FollowUpActions({ followUp }: { followUp: FollowUp }) {
  const snooze = useSnoozeFollowUp();
  const complete = useCompleteFollowUp();
  const [completing, setCompleting] = useState(false);
  const fail = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) });
  return (
    <Group gap={6}>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconAlarmSnooze size={14} />}
            loading={snooze.isPending}
          >
            Snooze
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {SNOOZES.map((s) => (
            <Menu.Item
              key={s.minutes}
              onClick={() => snooze.mutate({ id: followUp.id, minutes: s.minutes }, { onError: fail })}
            >
              {s.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={completing} onChange={setCompleting} position="bottom-end" withArrow trapFocus>
        <Popover.Target>
          <Button
            size="compact-sm"
            color="teal"
            leftSection={<IconCheck size={14} />}
            onClick={() => setCompleting((open) => !open)}
          >
            Done
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <CompleteFollowUpForm
            complete={(request) => complete.mutateAsync({ id: followUp.id, ...request })}
            onCompleted={() => {
              setCompleting(false);
              notifications.show({ color: 'teal', message: 'Follow-up done; its reminder is cancelled.' });
            }}
          />
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

export function FollowUpRow({ followUp, showLead = false }: { followUp: FollowUp; showLead?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Stack gap={0}>
        {showLead && (
          <Text size="sm" fw={600}>
            {followUp.leadName}{' '}
            <Text span size="xs" c="dimmed">
              {followUp.leadCode}
            </Text>
          </Text>
        )}
        <Group gap={6}>
          <Text size="sm">{formatDateTime(followUp.dueAt)}</Text>
          {followUp.bucket && (
            <Badge size="xs" color={BUCKET_COLORS[followUp.bucket]} variant="light">
              {followUp.bucket}
            </Badge>
          )}
          {followUp.status !== 'open' && (
            <Badge size="xs" color="gray" variant="light">
              {followUp.status}
            </Badge>
          )}
        </Group>
        {followUp.note && (
          <Text size="xs" c="dimmed">
            {followUp.note}
          </Text>
        )}
      </Stack>
      {followUp.status === 'open' && <FollowUpActions followUp={followUp} />}
    </Group>
  );
}

export function LeadFollowUps({ leadId, closed }: { leadId: string; closed: boolean }) {
  const list = useLeadFollowUps(leadId);
  const schedule = useScheduleFollowUp(leadId);
  return (
    <Stack gap="sm">
      {list.data?.followUps.length === 0 && (
        <Text size="sm" c="dimmed">
          No follow-ups planned.
        </Text>
      )}
      {list.data?.followUps.map((f) => (
        <FollowUpRow key={f.id} followUp={f} />
      ))}
      {!closed && (
        <PlanFollowUpForm
          schedule={(request) => schedule.mutateAsync(request)}
          onPlanned={() => notifications.show({ color: 'teal', message: 'Follow-up planned; a reminder is queued.' })}
        />
      )}
    </Stack>
  );
}
