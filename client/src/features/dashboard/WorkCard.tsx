import type { Dashboard } from '@mandap/shared/dashboard';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatDate, formatDateTime } from '../../lib/format.ts';
import { Figure, Section } from './Section.tsx';

const row = (i: number) => (i ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined);

/** The viewer's own follow-ups (overdue first). */
export function FollowUpsCard({ followUps }: { followUps: NonNullable<Dashboard['followUps']> }) {
  const f = followUps;
  return (
    <Section title="My follow-ups" link="/follow-ups" linkLabel="All follow-ups" testId="dash-follow-ups">
      <SimpleGrid cols={3} mb="sm">
        <Figure
          label="Overdue"
          value={formatCount(f.overdue)}
          color={f.overdue ? 'red.7' : undefined}
          testId="followups-overdue"
        />
        <Figure label="Later today" value={formatCount(f.dueToday)} testId="followups-today" />
        <Figure label="Next 7 days" value={formatCount(f.next7Days)} testId="followups-week" />
      </SimpleGrid>
      {f.next.length === 0 ? (
        <Text c="dimmed" size="sm">
          No open follow-ups.
        </Text>
      ) : (
        <Stack gap={0}>
          {f.next.map((x, i) => (
            <Group key={x.id} justify="space-between" wrap="nowrap" py={6} style={row(i)}>
              <Anchor component={Link} to={`/leads?lead=${x.leadId}`} size="sm" truncate style={{ minWidth: 0 }}>
                {x.leadName}
              </Anchor>
              <Text
                size="xs"
                c={x.isOverdue ? 'red.7' : 'dimmed'}
                fw={x.isOverdue ? 600 : undefined}
                style={{ flexShrink: 0 }}
              >
                {formatDateTime(x.dueAt)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The viewer's open tasks from the event boards, and the house's overdue count. */
export function TasksCard({ tasks }: { tasks: NonNullable<Dashboard['tasks']> }) {
  const t = tasks;
  return (
    <Section title="My tasks" link="/my-tasks" linkLabel="All my tasks" testId="dash-tasks">
      <SimpleGrid cols={3} mb="sm">
        <Figure label="Open" value={formatCount(t.mineOpen)} testId="tasks-open" />
        <Figure
          label="Overdue"
          value={formatCount(t.mineOverdue)}
          color={t.mineOverdue ? 'red.7' : undefined}
          testId="tasks-overdue"
        />
        <Figure label="Due today" value={formatCount(t.mineDueToday)} testId="tasks-today" />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mb="xs">
        Overdue on every event board:{' '}
        <Text span fw={600} c={t.overdueAll ? 'red.7' : undefined} data-testid="tasks-overdue-all">
          {formatCount(t.overdueAll)}
        </Text>
      </Text>
      {t.next.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing assigned to you.
        </Text>
      ) : (
        <Stack gap={0}>
          {t.next.map((x, i) => (
            <Group key={`${x.eventId}:${x.taskId}`} justify="space-between" wrap="nowrap" py={6} style={row(i)}>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor
                  component={Link}
                  to={`/events/${x.eventId}/workspace?tab=tasks`}
                  size="sm"
                  truncate
                  c="inherit"
                  fw={500}
                >
                  {x.title}
                </Anchor>
                <Text size="xs" c="dimmed" truncate>
                  {x.eventName}
                </Text>
              </Stack>
              <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                <Badge size="xs" variant="light" color="gray">
                  {x.statusLabel}
                </Badge>
                <Text size="xs" c={x.isOverdue ? 'red.7' : 'dimmed'} fw={x.isOverdue ? 600 : undefined}>
                  {x.due ? formatDate(x.due) : 'No date'}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
