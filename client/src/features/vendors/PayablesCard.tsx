import { AGEING_BUCKETS, AGEING_LABELS, formatMoney, ZPayableRow } from '@mandap/shared';
import { Badge, Card, Group, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { formatDate } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';

const ZPayables = z.object({
  today: z.string(),
  payables: z.array(ZPayableRow),
  ageing: z.record(z.string(), z.number()),
});

const inr = (m: number) => formatMoney({ amountMinor: m, currency: 'INR' });

/** What the house owes vendors across events: each unpaid part of a PO's schedule, overdue ones first, with ageing. */
export function PayablesCard() {
  const q = useQuery({
    queryKey: ['vendors', 'payables'],
    queryFn: ({ signal }) => api('/api/vendor-work/payables', { schema: ZPayables, signal }),
  });
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Loader />;
  const { payables, ageing } = q.data;
  return (
    <Card withBorder mb="md" data-testid="vendor-payables">
      <Text fw={600} mb="xs">
        Vendor payables
      </Text>
      <Group gap="xs" mb="sm">
        {AGEING_BUCKETS.map((b) => (
          <Badge key={b} variant="light" color={b === 'current' ? 'gray' : 'red'}>
            {AGEING_LABELS[b]}: {inr(ageing[b] ?? 0)}
          </Badge>
        ))}
      </Group>
      {payables.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing owed to vendors.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Vendor</Table.Th>
                <Table.Th>Event and PO</Table.Th>
                <Table.Th>Part</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th ta="right">Outstanding</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payables.map((p) => (
                <Table.Tr key={p.scheduleId} bg={p.bucket !== 'current' ? 'red.0' : undefined}>
                  <Table.Td>{p.vendorName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.eventName}</Text>
                    <Text size="xs" c="dimmed">
                      {p.poNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.label}</Table.Td>
                  <Table.Td>
                    {formatDate(p.dueDate)}
                    {p.bucket !== 'current' && (
                      <Text size="xs" c="red.8">
                        Overdue · {AGEING_LABELS[p.bucket]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{inr(p.outstandingMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        Vendor payments are recorded through the API (POST /api/vendor-work/assignments/:id/payments); a payment form on
        this page is not built yet.
      </Text>
    </Card>
  );
}
