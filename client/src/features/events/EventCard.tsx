import type { EventSummary } from '@mandap/shared/events';
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconCalendar, IconMapPin, IconUser, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, formatDateRange, humanize } from '../../lib/format.ts';
import { ClientPageLink } from '../portal/ClientPageLink.tsx';
import { EventStatusBadge } from './EventStatusBadge.tsx';

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={8} wrap="nowrap" c="dimmed">
      {icon}
      <Text size="sm" c="var(--mantine-color-text)" truncate>
        {children}
      </Text>
    </Group>
  );
}

export function EventCard({ event }: { event: EventSummary }) {
  return (
    <Card withBorder padding="lg" data-testid="event-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/events/${event.id}/workspace`} fw={600} lineClamp={2} c="inherit">
              {event.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {event.code} · {humanize(event.eventType)}
            </Text>
          </Stack>
          <EventStatusBadge status={event.status} />
        </Group>
        <Line icon={<IconCalendar size={16} />}>{formatDateRange(event.startDate, event.endDate)}</Line>
        <Line icon={<IconMapPin size={16} />}>{event.venue ? `${event.venue}, ${event.city}` : event.city}</Line>
        {event.clientName && <Line icon={<IconUser size={16} />}>{event.clientName}</Line>}
        {event.guestCount != null && (
          <Line icon={<IconUsersGroup size={16} />}>{formatCount(event.guestCount)} guests</Line>
        )}
        <ClientPageLink eventId={event.id} />
      </Stack>
    </Card>
  );
}
