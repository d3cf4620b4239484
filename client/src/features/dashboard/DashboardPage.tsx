import { type EventSummary, isScopedRole, ROLE_LABELS } from '@mandap/shared';
import { Badge, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconConfetti, IconTargetArrow, IconTrophy } from '@tabler/icons-react';
import { formatCount, formatDate, hourInKolkata, todayInKolkata } from '../../lib/format.ts';
import { useMe } from '../auth/useSession.ts';
import { useEvents } from '../events/useEvents.ts';
import { ClientPaymentsCard } from '../finance/ClientPaymentsCard.tsx';
import { useLeadCounts } from '../leads/leads.api.ts';
import { ClientQuotesCard } from '../quotes/ClientQuotesCard.tsx';
import { LeadsByStage } from './LeadsByStage.tsx';
import { StatCard } from './StatCard.tsx';
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

export function DashboardPage() {
  const me = useMe();
  const scoped = isScopedRole(me.role);
  const canLeads = me.permissions.includes('leads:read');
  const events = useEvents();
  const counts = useLeadCounts({}, canLeads);
  const next = upcoming(events.data);
  const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {greeting()}, {me.name.split(' ')[0]}
          </Title>
          <Text c="dimmed" size="sm">
            Today is {formatDate(todayInKolkata())}.{' '}
            {scoped ? 'Here are the events you are part of.' : 'Here is where things stand.'}
          </Text>
        </Stack>
        <Badge variant="light" color="marigold" size="lg">
          {ROLE_LABELS[me.role]}
        </Badge>
      </Group>

      {scoped ? (
        <>
          <UpcomingEvents title="Your events" events={next} error={events.error} />
          {me.permissions.includes('quotes:read') && <ClientQuotesCard />}
          {me.role === 'client' && me.permissions.includes('payments:read') && (
            <ClientPaymentsCard events={events.data} />
          )}
        </>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: canLeads ? 4 : 2 }}>
            <StatCard
              label="Upcoming events"
              value={next && formatCount(next.length)}
              hint="Booked and not yet done"
              icon={<IconCalendarEvent size={22} />}
            />
            <StatCard
              label="Next 30 days"
              value={next && formatCount(next.filter((e) => e.startDate <= in30).length)}
              hint="Events starting soon"
              icon={<IconConfetti size={22} />}
              color="marigold"
            />
            {canLeads && (
              <StatCard
                label="Open leads"
                value={counts.data && formatCount(counts.data.open)}
                hint="Not yet won or lost"
                icon={<IconTargetArrow size={22} />}
                color="blue"
              />
            )}
            {canLeads && (
              <StatCard
                label="Leads won"
                value={counts.data && formatCount(counts.data.won)}
                hint={counts.data ? `of ${formatCount(counts.data.total)} leads in total` : undefined}
                icon={<IconTrophy size={22} />}
                color="green"
              />
            )}
          </SimpleGrid>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: canLeads ? 7 : 12 }}>
              <UpcomingEvents events={next?.slice(0, 6)} error={events.error} />
            </Grid.Col>
            {canLeads && (
              <Grid.Col span={{ base: 12, md: 5 }}>
                <LeadsByStage counts={counts.data?.byStage} error={counts.error} />
              </Grid.Col>
            )}
          </Grid>
        </>
      )}
    </Stack>
  );
}
