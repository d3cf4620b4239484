import { formatMoney } from '@mandap/shared/money';
import { Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconFileInvoice, IconList, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { EmptyNote } from '../../ui/EmptyNote.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { NewQuoteModal } from './NewQuoteModal.tsx';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';
import { useQuotes } from './quotes.api.ts';

export function QuotesPage() {
  const quotes = useQuotes();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title="Quotes"
        description="Quotations with GST, versions, PDF and client e-acceptance."
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconList size={16} />} component={Link} to="/quotes/catalogue">
              Catalogue
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New quote
            </Button>
          </Group>
        }
      />
      {quotes.isPending ? (
        <Skeleton h={280} radius="lg" />
      ) : quotes.isError ? (
        <QueryError error={quotes.error} onRetry={() => quotes.refetch()} />
      ) : quotes.data.quotes.length === 0 ? (
        <EmptyNote icon={<IconFileInvoice size={24} />} title="No quotes yet">
          Create one for a lead or an event.
        </EmptyNote>
      ) : (
        <Paper withBorder p={0} radius="md" style={{ overflow: 'auto' }}>
          <Table highlightOnHover verticalSpacing="sm" miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quotes.data.quotes.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/quotes/${q.id}`} fw={600}>
                      {q.code}
                    </Anchor>
                    <Text span size="xs" c="dimmed">
                      {' '}
                      v{q.currentVersion}
                    </Text>
                  </Table.Td>
                  <Table.Td>{q.title}</Table.Td>
                  <Table.Td>{q.clientName ?? '—'}</Table.Td>
                  <Table.Td>
                    <QuoteStatusBadge status={q.status} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatMoney({ amountMinor: q.totalMinor, currency: q.currency })}
                    {q.currency !== 'INR' && (
                      <Text size="xs" c="dimmed">
                        ≈ {formatMoney({ amountMinor: q.totalInrMinor, currency: 'INR' })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(q.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <NewQuoteModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
