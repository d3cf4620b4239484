import { formatMoney } from '@mandap/shared/money';
import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';
import { fetchClientQuoteLink, useQuotes } from './quotes.api.ts';

/** A client's quotations (of their events, sent versions only), each opening the page where they accept or decline. */
export function ClientQuotesCard() {
  const quotes = useQuotes();
  const navigate = useNavigate();
  const [opening, setOpening] = useState<string | null>(null);
  const open = async (id: string) => {
    setOpening(id);
    try {
      const { url } = await fetchClientQuoteLink(id);
      navigate(new URL(url).pathname);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not open the quote', message: (e as Error).message });
    } finally {
      setOpening(null);
    }
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="lg" mb="sm">
        Your quotations
      </Title>
      {quotes.isPending ? (
        <Skeleton h={80} />
      ) : quotes.isError ? (
        <Text c="red" size="sm">
          {quotes.error.message}
        </Text>
      ) : quotes.data.quotes.length === 0 ? (
        <Text c="dimmed" size="sm">
          No quotations have been sent to you yet.
        </Text>
      ) : (
        <Stack gap="xs">
          {quotes.data.quotes.map((q) => (
            <Group key={q.id} justify="space-between" wrap="wrap" gap="xs" data-testid="client-quote">
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {q.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {q.code} · v{q.currentVersion} · {formatMoney({ amountMinor: q.totalMinor, currency: q.currency })} ·
                  updated {formatDate(q.updatedAt)}
                </Text>
              </Stack>
              <Group gap="xs">
                <QuoteStatusBadge status={q.status} />
                <Button size="xs" loading={opening === q.id} onClick={() => open(q.id)}>
                  {q.status === 'sent' || q.status === 'viewed' ? 'Review and accept' : 'Open'}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
