import { isScopedRole, ROLE_LABELS } from '@mandap/shared/access';
import type { EventSummary } from '@mandap/shared/events';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate, hourInKolkata, todayInKolkata } from '../../lib/format.ts';
import { useMe } from '../auth/useSession.ts';
import { useEvents } from '../events/useEvents.ts';
import { ClientPaymentsCard } from '../finance/ClientPaymentsCard.tsx';
import { ClientQuotesCard } from '../quotes/ClientQuotesCard.tsx';
import { OperationsDashboard } from './OperationsDashboard.tsx';
import { UpcomingEvents } from './UpcomingEvents.tsx';

function greeting(): string {
  const h = hourInKolkata();
  if (h < 12) return 'Good morning';
  if (h < 17) return 'Good afternoon';
  return 'Good evening';
}

function upcoming(events: EventSummary[] | undefined): EventSummary[] | undefined {
  if (!events) return undefined;
  const today = todayInKolkata();
  return events
    .filter((e) => e.endDate >= today && e.status !== 'cancelled' && e.status !== 'completed')
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** Staff get the operations dashboard; a client or vendor gets the events they are part of. */
export function DashboardPage() {
  const me = useMe();
  if (!isScopedRole(me.role)) return <OperationsDashboard />;
  return <ScopedDashboard />;
}

function ScopedDashboard() {
  const me = useMe();
  const events = useEvents();
  const next = upcoming(events.data);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {greeting()}, {me.name.split(' ')[0]}
          </Title>
          <Text c="dimmed" size="sm">
            Today is {formatDate(todayInKolkata())}. Here are the events you are part of.
          </Text>
        </Stack>
        <Badge variant="light" color="marigold" size="lg">
          {ROLE_LABELS[me.role]}
        </Badge>
      </Group>
      <UpcomingEvents title="Your events" events={next} error={events.error} />
      {me.permissions.includes('quotes:read') && <ClientQuotesCard />}
      {me.role === 'client' && me.permissions.includes('payments:read') && <ClientPaymentsCard events={events.data} />}
    </Stack>
  );
}
