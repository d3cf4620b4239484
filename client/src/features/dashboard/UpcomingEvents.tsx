import type { EventSummary } from '@mandap/shared/events';
import { Anchor, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateRange, humanize } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { EventStatusBadge } from '../events/EventStatusBadge.tsx';

export function UpcomingEvents({
  events,
  error,
  title = 'Coming up',
}: {
  events: EventSummary[] | undefined;
  error: unknown;
  title?: string;
}) {
  return (
    <Paper withBorder p="lg" h="100%">
      <Group justify="space-between" mb="md">
        <Text fw={600}>{title}</Text>
        <Anchor component={Link} to="/events" size="sm">
          All events
        </Anchor>
      </Group>
      {error ? (
        <QueryError error={error} />
      ) : !events ? (
        <Skeleton h={220} />
      ) : events.length === 0 ? (
        <Text c="dimmed" size="sm">
          No upcoming events.
        </Text>
      ) : (
        <Stack gap={0}>
          {events.map((e, i) => (
            <Group
              key={e.id}
              justify="space-between"
              wrap="nowrap"
              py="sm"
              style={i ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {e.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {formatDateRange(e.startDate, e.endDate)} · {humanize(e.eventType)} · {e.venue ?? e.city}
                </Text>
              </Stack>
              <EventStatusBadge status={e.status} />
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
