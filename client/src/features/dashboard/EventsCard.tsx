import type { Dashboard } from '@mandap/shared/dashboard';
import type { BookingState } from '@mandap/shared/events';
import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatDateRange, humanize } from '../../lib/format.ts';
import { EventStatusBadge } from '../events/EventStatusBadge.tsx';
import { Figure, Section } from './Section.tsx';

/** Booked events on any day of the next 7 and 30 days (multi-day events counted once). */
export function EventsCard({ events }: { events: NonNullable<Dashboard['events']> }) {
  return (
    <Section title="Upcoming events" link="/calendar" linkLabel="Calendar" testId="dash-events">
      <SimpleGrid cols={2} mb="sm">
        <Figure label="Next 7 days" value={formatCount(events.next7Days)} testId="events-week" />
        <Figure label="Next 30 days" value={formatCount(events.next30Days)} testId="events-month" />
      </SimpleGrid>
      {events.list.length === 0 ? (
        <Text c="dimmed" size="sm">
          No booked events in the next 30 days.
        </Text>
      ) : (
        <Stack gap={0}>
          {events.list.map((e, i) => (
            <Group
              key={e.id}
              justify="space-between"
              wrap="nowrap"
              py={6}
              style={i ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/events/${e.id}/workspace`} size="sm" fw={600} c="inherit" truncate>
                  {e.name}
                </Anchor>
                <Text size="xs" c="dimmed" truncate>
                  {formatDateRange(e.startDate, e.endDate)} · {humanize(e.eventType)} · {e.venue ?? e.city}
                  {e.managerName ? ` · ${e.managerName}` : ''}
                </Text>
              </Stack>
              <EventStatusBadge status={e.status as BookingState} />
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
