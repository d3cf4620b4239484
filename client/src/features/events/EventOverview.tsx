import { canOpenScreen, hasPermission } from '@mandap/shared/access';
import { BOOKING_STATE_LABELS, type BookingState, bookingTargets, type EventSummary } from '@mandap/shared/events';
import { formatMoney } from '@mandap/shared/money';
import { Anchor, Button, Card, Group, Menu, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors.ts';
import { call, edge } from '../../api/rpc.ts';
import { useMe } from '../auth/useSession.ts';
import { QuoteStatusBadge } from '../quotes/QuoteStatusBadge.tsx';
import { useQuotes } from '../quotes/quotes.api.ts';
import { EventStatusBadge } from './EventStatusBadge.tsx';

function useMoveBooking(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (to: BookingState) =>
      call(edge.payments.events[':id'].booking.$post({ param: { id: eventId }, json: { to } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}

/**
 * What the event is, at a glance, for staff: its client and lead, the booking's stage (and the
 * moves a person may make), its quotes, and a way to its finance.
 */
export function EventOverview({ event }: { event: EventSummary }) {
  const me = useMe();
  const quotes = useQuotes({ eventId: event.id });
  const move = useMoveBooking(event.id);
  const canMove = hasPermission(me.role, 'events:write');
  const targets = bookingTargets(event.status);
  return (
    <Card withBorder mb="md" data-testid="event-overview">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase">
            Client
          </Text>
          <Text fw={600}>{event.clientName ?? 'No client yet'}</Text>
          {event.leadId && hasPermission(me.role, 'leads:read') && (
            <Anchor component={Link} to={`/leads?lead=${event.leadId}`} size="sm">
              Open the lead
            </Anchor>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase">
            Booking
          </Text>
          <Group gap="xs">
            <EventStatusBadge status={event.status} />
            {canMove && targets.length > 0 && (
              <Menu position="bottom-start">
                <Menu.Target>
                  <Button size="compact-sm" variant="light" loading={move.isPending}>
                    Move booking
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {targets.map((to) => (
                    <Menu.Item
                      key={to}
                      onClick={() =>
                        move.mutate(to, {
                          onSuccess: () =>
                            notifications.show({
                              color: 'teal',
                              message: `Booking moved to ${BOOKING_STATE_LABELS[to]}.`,
                            }),
                          onError: (err) =>
                            notifications.show({ color: 'red', title: 'Not moved', message: errorMessage(err) }),
                        })
                      }
                    >
                      {BOOKING_STATE_LABELS[to]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
          {hasPermission(me.role, 'payments:read') && (
            <Anchor component={Link} to={`/finance/events/${event.id}`} size="sm">
              Finance: plan and payments
            </Anchor>
          )}
          {canOpenScreen(me.role, 'vendors:read', true) && (
            <Anchor component={Link} to={`/vendors/events/${event.id}`} size="sm">
              Vendors: POs, payments and budget
            </Anchor>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase">
            Quotes
          </Text>
          {quotes.isPending && <Text size="sm">Loading…</Text>}
          {quotes.data?.quotes.length === 0 && (
            <Text size="sm" c="dimmed">
              No quote yet
            </Text>
          )}
          {quotes.data?.quotes.map((q) => (
            <Group key={q.id} gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/quotes/${q.id}`} size="sm">
                {q.code} v{q.currentVersion}
              </Anchor>
              <QuoteStatusBadge status={q.status} />
              <Text size="sm">{formatMoney({ amountMinor: q.totalMinor, currency: q.currency })}</Text>
            </Group>
          ))}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
