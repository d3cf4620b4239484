import { isScopedRole } from '@mandap/shared/access';
import { BOOKING_STATE_LABELS, BOOKING_STATES, type BookingState } from '@mandap/shared/events';
import { Group, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { todayInKolkata } from '../../lib/format.ts';
import { EmptyNote } from '../../ui/EmptyNote.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { EventCard } from './EventCard.tsx';
import { useEvents } from './useEvents.ts';

type When = 'upcoming' | 'past' | 'all';

export function EventsPage() {
  const me = useMe();
  const events = useEvents();
  const [when, setWhen] = useState<When>('upcoming');
  const [status, setStatus] = useState<BookingState | null>(null);

  const shown = useMemo(() => {
    const today = todayInKolkata();
    return (events.data ?? [])
      .filter((e) => (when === 'upcoming' ? e.endDate >= today : when === 'past' ? e.endDate < today : true))
      .filter((e) => !status || e.status === status)
      .sort((a, b) =>
        when === 'past' ? b.startDate.localeCompare(a.startDate) : a.startDate.localeCompare(b.startDate),
      );
  }, [events.data, when, status]);

  return (
    <Stack gap={0}>
      <PageHeader
        title={isScopedRole(me.role) ? 'Your events' : 'Events'}
        description={
          isScopedRole(me.role)
            ? 'Events you are linked to at Gulmohar Events.'
            : 'Every booking, from enquiry to the last payment.'
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          value={when}
          onChange={(v) => setWhen(v as When)}
          data={[
            { value: 'upcoming', label: 'Upcoming' },
            { value: 'past', label: 'Past' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Select
          aria-label="Filter by status"
          placeholder="Any status"
          clearable
          w={200}
          value={status}
          onChange={(v) => setStatus(v as BookingState | null)}
          data={BOOKING_STATES.map((s) => ({ value: s, label: BOOKING_STATE_LABELS[s] }))}
        />
        {events.data && (
          <Text size="sm" c="dimmed">
            {shown.length} of {events.data.length}
          </Text>
        )}
      </Group>
      {events.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {[1, 2, 3].map((k) => (
            <Skeleton key={k} h={180} radius="lg" />
          ))}
        </SimpleGrid>
      ) : events.isError ? (
        <QueryError error={events.error} onRetry={() => events.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyNote icon={<IconCalendarOff size={24} />} title="No events here">
          {events.data.length === 0
            ? 'There are no events yet.'
            : 'Nothing matches these filters. Try "All" or clear the status.'}
        </EmptyNote>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {shown.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
