import { ROLE_LABELS } from '@mandap/shared/access';
import type { DashboardQuery } from '@mandap/shared/dashboard';
import { addDays } from '@mandap/shared/time';
import { Badge, Grid, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate, formatDateTime, hourInKolkata, todayInKolkata } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { useLeadOwners } from '../leads/leadOptions.api.ts';
import { useDashboard, useDashboardLive } from './dashboard.api.ts';
import { EventDayBoard } from './EventDayBoard.tsx';
import { EventsCard } from './EventsCard.tsx';
import { NotificationsCard } from './NotificationsCard.tsx';
import { PipelineCard } from './PipelineCard.tsx';
import { ReceivablesCard } from './ReceivablesCard.tsx';
import { VendorsCard } from './VendorsCard.tsx';
import { FollowUpsCard, TasksCard } from './WorkCard.tsx';

const RANGES = [
  { value: 'all', label: 'All time' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: 'fy', label: 'This financial year' },
  { value: '365', label: 'Last 12 months' },
] as const;
type Range = (typeof RANGES)[number]['value'];

/** The range as the dates the server filters leads by (IST days; the financial year starts on 1 April). */
function rangeDates(range: Range): Pick<DashboardQuery, 'from' | 'to'> {
  const today = todayInKolkata();
  if (range === 'all') return {};
  if (range === 'fy') {
    const [y, m] = today.split('-').map(Number) as [number, number];
    return { from: `${m >= 4 ? y : y - 1}-04-01`, to: today };
  }
  return { from: addDays(today, -(Number(range) - 1)), to: today };
}

function greeting(): string {
  const h = hourInKolkata();
  if (h < 12) return 'Good morning';
  if (h < 17) return 'Good afternoon';
  return 'Good evening';
}

const LIVE_LABEL = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' } as const;

/** The staff dashboard: each role sees the sections the server sends it; every figure is counted there. */
export function OperationsDashboard() {
  const me = useMe();
  const canLeads = me.permissions.includes('leads:read');
  const [range, setRange] = useState<Range>('all');
  const [owner, setOwner] = useState<string | null>(null);
  const owners = useLeadOwners();
  const filters: DashboardQuery = { ...rangeDates(range), ...(owner ? { owner } : {}) };
  const dash = useDashboard(filters);
  const live = useDashboardLive(dash.data?.seq);
  const d = dash.data;
  const rangeLabel = RANGES.find((r) => r.value === range)!.label.toLowerCase();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {greeting()}, {me.name.split(' ')[0]}
          </Title>
          <Text c="dimmed" size="sm">
            Today is {formatDate(todayInKolkata())}. {d ? `Figures as of ${formatDateTime(d.asOf)}.` : 'Counting…'}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="dot" color={live === 'live' ? 'green' : 'gray'} data-testid="dash-live">
            {LIVE_LABEL[live]}
          </Badge>
          <Badge variant="light" color="marigold" size="lg">
            {ROLE_LABELS[me.role]}
          </Badge>
        </Group>
      </Group>

      {canLeads && (
        <Group gap="sm" align="flex-end">
          <Select
            label="Leads created"
            data={RANGES.map((r) => ({ value: r.value, label: r.label }))}
            value={range}
            onChange={(v) => v && setRange(v as Range)}
            allowDeselect={false}
            w={200}
          />
          <Select
            label="Owner of leads and events"
            placeholder="Everyone"
            data={(owners.data?.owners ?? []).map((o) => ({
              value: o.id,
              label: o.id === me.id ? `Me (${o.name})` : o.name,
            }))}
            value={owner}
            onChange={setOwner}
            clearable
            searchable
            w={240}
          />
        </Group>
      )}

      {dash.error && !d ? (
        <QueryError error={dash.error} />
      ) : !d ? (
        <Skeleton h={420} />
      ) : (
        <Grid gap="md" style={{ opacity: dash.isPlaceholderData ? 0.6 : 1 }}>
          {d.eventDay && d.eventDay.events.length > 0 && (
            <Grid.Col span={12}>
              <EventDayBoard eventDay={d.eventDay} />
            </Grid.Col>
          )}
          {d.pipeline && (
            <Grid.Col span={{ base: 12, lg: d.followUps ? 8 : 12 }}>
              <PipelineCard pipeline={d.pipeline} rangeLabel={rangeLabel} />
            </Grid.Col>
          )}
          {d.followUps && (
            <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
              <FollowUpsCard followUps={d.followUps} />
            </Grid.Col>
          )}
          {d.receivables && (
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <ReceivablesCard receivables={d.receivables} />
            </Grid.Col>
          )}
          {d.events && (
            <Grid.Col span={{ base: 12, md: 6, lg: d.receivables ? 5 : 6 }}>
              <EventsCard events={d.events} />
            </Grid.Col>
          )}
          {d.tasks && (
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TasksCard tasks={d.tasks} />
            </Grid.Col>
          )}
          {d.vendors && (
            <Grid.Col span={{ base: 12, md: 6 }}>
              <VendorsCard vendors={d.vendors} />
            </Grid.Col>
          )}
          {d.eventDay && d.eventDay.events.length === 0 && (
            <Grid.Col span={{ base: 12, md: 6 }}>
              <EventDayBoard eventDay={d.eventDay} />
            </Grid.Col>
          )}
          {d.notifications && (
            <Grid.Col span={{ base: 12, md: 6 }}>
              <NotificationsCard notifications={d.notifications} />
            </Grid.Col>
          )}
        </Grid>
      )}
    </Stack>
  );
}
