import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, edge, withSignal } from '../../api/rpc.ts';
import { formatDateRange } from '../../lib/format.ts';
import { EventStatusBadge } from './EventStatusBadge.tsx';

/** Finance's to-do: accepted bookings with no milestone plan yet, each a click away from planning. */
export function EventsNeedingPlan() {
  const q = useQuery({
    queryKey: ['events', 'needing-plan'],
    queryFn: ({ signal }) => call(edge.events['needing-plan'].$get(undefined, withSignal(signal))),
    select: (d) => d.events,
  });
  if (!q.data || q.data.length === 0) return null;
  return (
    <Card withBorder data-testid="needs-plan">
      <Title order={3}>Accepted, no payment plan yet</Title>
      <Text size="sm" c="dimmed" mb="xs">
        The client accepted a quote; make the plan from the terms they signed.
      </Text>
      <Stack gap={6}>
        {q.data.map((e) => (
          <Group key={e.id} gap="sm" wrap="wrap">
            <Anchor component={Link} to={`/finance/events/${e.id}`}>
              {e.code} · {e.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {e.clientName ?? 'No client'} · {formatDateRange(e.startDate, e.endDate)}
            </Text>
            <EventStatusBadge status={e.status} />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
