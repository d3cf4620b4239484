import { decideDocAccess, hasPermission, isScopedRole } from '@mandap/shared/access';
import { formatDocName } from '@mandap/shared/docs';
import { Anchor, Breadcrumbs, Group, Tabs, Text } from '@mantine/core';
import { IconChecklist, IconFileText, IconLayoutKanban } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { FullPageLoader } from '../../app/FullPageLoader.tsx';
import { formatDateRange } from '../../lib/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { EventAccessPanel } from '../event-access/EventAccessPanel.tsx';
import { EventOverview } from '../events/EventOverview.tsx';
import { useEvent } from './useEvent.ts';
import './workspace.css';

const BriefTab = lazy(() => import('./brief/BriefTab.tsx').then((m) => ({ default: m.BriefTab })));
const TasksTab = lazy(() => import('./tasks/TasksTab.tsx').then((m) => ({ default: m.TasksTab })));
const DayofTab = lazy(() => import('./dayof/DayofTab.tsx').then((m) => ({ default: m.DayofTab })));

const TABS = [
  { key: 'brief', label: 'Brief', icon: IconFileText },
  { key: 'tasks', label: 'Tasks', icon: IconLayoutKanban },
  { key: 'dayof', label: 'Event day', icon: IconChecklist },
] as const;
type TabKey = (typeof TABS)[number]['key'];

/** An event's shared workspace: brief, task board and event-day console, live and offline. */
export function WorkspacePage() {
  const { eventId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const event = useEvent(eventId);
  const visible = TABS.filter((t) => decideDocAccess(me.role, { access: 'write' }, t.key) !== 'refuse');
  const requested = params.get('tab');
  const tab: TabKey = visible.find((t) => t.key === requested)?.key ?? visible[0]?.key ?? 'brief';

  if (event.isError && !event.data) return <QueryError error={event.error} />;
  const title = event.data?.name ?? 'Event workspace';
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/events">
          Events
        </Anchor>
        <Text size="sm">{event.data?.code ?? '…'}</Text>
      </Breadcrumbs>
      <PageHeader
        title={title}
        description={
          event.data ? `${formatDateRange(event.data.startDate, event.data.endDate)} · ${event.data.city}` : undefined
        }
      />
      {event.data && !isScopedRole(me.role) && <EventOverview event={event.data} />}
      {event.data && hasPermission(me.role, 'events:write') && <EventAccessPanel eventId={event.data.id} />}
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {visible.map((t) => (
            <Tabs.Tab key={t.key} value={t.key} leftSection={<t.icon size={16} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Suspense fallback={<FullPageLoader />}>
          <Group display="block">
            {tab === 'brief' && <BriefTab docName={formatDocName(eventId, 'brief')} />}
            {tab === 'tasks' && <TasksTab eventId={eventId} />}
            {tab === 'dayof' && <DayofTab eventId={eventId} />}
          </Group>
        </Suspense>
      </Tabs>
    </>
  );
}
