import type { Dashboard } from '@mandap/shared/dashboard';
import { Anchor, Group, Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount } from '../../lib/format.ts';
import { Section } from './Section.tsx';

/**
 * Today's events: checklist progress and overdue tasks (from the collab projections) and
 * vendor arrivals (from the assignments' check-ins). The issue log lives in each event-day
 * document and is not projected to the server, so the board links to it instead of counting.
 */
export function EventDayBoard({ eventDay }: { eventDay: NonNullable<Dashboard['eventDay']> }) {
  return (
    <Section title="Event day · today" testId="dash-event-day">
      {eventDay.events.length === 0 ? (
        <Text c="dimmed" size="sm">
          No events today.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {eventDay.events.map((e) => {
            const pct = e.checklistTotal ? Math.round((e.checklistDone / e.checklistTotal) * 100) : 0;
            return (
              <Paper key={e.id} withBorder p="sm" data-testid={`event-day-${e.code}`}>
                <Anchor component={Link} to={`/events/${e.id}/workspace?tab=dayof`} fw={600} size="sm" c="inherit">
                  {e.name}
                </Anchor>
                <Text size="xs" c="dimmed" mb={6}>
                  {e.venue ?? e.city}
                </Text>
                <Group justify="space-between" mb={2}>
                  <Text size="xs">Checklists</Text>
                  <Text size="xs" fw={600} data-testid="checklist">
                    {e.checklistTotal
                      ? `${formatCount(e.checklistDone)} of ${formatCount(e.checklistTotal)} (${pct}%)`
                      : 'None yet'}
                  </Text>
                </Group>
                <Progress
                  value={pct}
                  size="sm"
                  color={pct === 100 ? 'green' : 'maroon'}
                  mb={6}
                  aria-label={`Checklists ${pct}% done`}
                />
                <Group justify="space-between">
                  <Text size="xs">Vendors arrived</Text>
                  <Text size="xs" fw={600} data-testid="arrivals">
                    {formatCount(e.vendorsArrived)} of {formatCount(e.vendorsBooked)}
                  </Text>
                </Group>
                {e.vendorsLate > 0 && (
                  <Text size="xs" c="red.7" fw={600} data-testid="late">
                    {formatCount(e.vendorsLate)} expected and not checked in
                  </Text>
                )}
                {e.overdueTasks > 0 && (
                  <Text size="xs" c="red.7" fw={600}>
                    {formatCount(e.overdueTasks)} overdue {e.overdueTasks === 1 ? 'task' : 'tasks'}
                  </Text>
                )}
                <Anchor component={Link} to={`/events/${e.id}/workspace?tab=dayof`} size="xs">
                  Issues and run of show in the event-day console
                </Anchor>
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </Section>
  );
}
