import { formatMoney } from '@mandap/shared/money';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, edge, withSignal } from '../../api/rpc.ts';
import { EventStatusBadge } from '../events/EventStatusBadge.tsx';
import { NewQuoteModal } from './NewQuoteModal.tsx';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';
import { useQuotes } from './quotes.api.ts';

/** On the lead card: the lead's quotes (before and after conversion) and the event it became. */
export function LeadQuotes({
  lead,
  canWrite,
}: {
  lead: { id: string; code: string; name: string; clientId: string | null };
  canWrite: boolean;
}) {
  const quotes = useQuotes({ leadId: lead.id });
  // Keyed on the client id, so the event shows as soon as the lead is converted.
  const events = useQuery({
    queryKey: ['events', 'of-lead', lead.id, lead.clientId],
    queryFn: ({ signal }) => call(edge.events.$get(undefined, withSignal(signal))),
    enabled: Boolean(lead.clientId),
    select: (d) => d.events.find((e) => e.leadId === lead.id),
  });
  const [creating, setCreating] = useState(false);
  const event = events.data;
  const list = quotes.data?.quotes ?? [];
  return (
    <Stack gap={6} data-testid="lead-quotes">
      <Group justify="space-between">
        <Text fw={600}>Quotes and event</Text>
        {canWrite && (
          <Button size="compact-sm" variant="subtle" onClick={() => setCreating(true)}>
            New quote
          </Button>
        )}
      </Group>
      {event && (
        <Group gap="xs">
          <Text size="sm">Event:</Text>
          <Anchor component={Link} to={`/events/${event.id}/workspace`} size="sm">
            {event.code} · {event.name}
          </Anchor>
          <EventStatusBadge status={event.status} />
        </Group>
      )}
      {quotes.isSuccess && list.length === 0 && (
        <Text size="sm" c="dimmed">
          No quote yet.
        </Text>
      )}
      {list.map((q) => (
        <Group key={q.id} gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/quotes/${q.id}`} size="sm">
            {q.code} v{q.currentVersion}
          </Anchor>
          <QuoteStatusBadge status={q.status} />
          <Text size="sm">{formatMoney({ amountMinor: q.totalMinor, currency: q.currency })}</Text>
        </Group>
      ))}
      {creating && (
        <NewQuoteModal
          opened
          onClose={() => setCreating(false)}
          preset={{ leadId: lead.id, label: `${lead.code} · ${lead.name}`, title: `${lead.name}: event quotation` }}
        />
      )}
    </Stack>
  );
}
