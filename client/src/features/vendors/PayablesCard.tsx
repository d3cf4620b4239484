import { type Currency, formatMoney } from '@mandap/shared/money';
import { AGEING_BUCKETS, AGEING_LABELS } from '@mandap/shared/payments';
import { Anchor, Badge, Button, Card, Group, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, edge, withSignal } from '../../api/rpc.ts';
import { formatDate } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { AssignmentDrawer } from './AssignmentDrawer.tsx';

const inr = (m: number) => formatMoney({ amountMinor: m, currency: 'INR' });

/**
 * What the house owes vendors across events: each unpaid part of a PO's schedule by due date,
 * with ageing in INR; "Pay" opens the PO to record a payment (finance's weekly run).
 */
export function PayablesCard() {
  const [openId, setOpenId] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['vendors', 'payables'] as const,
    queryFn: ({ signal }) => call(edge['vendor-work'].payables.$get(undefined, withSignal(signal))),
  });
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Loader />;
  const { payables, ageing } = q.data;
  const totalInr = Object.values(ageing).reduce((s, v) => s + v, 0);
  return (
    <Card withBorder mb="md" data-testid="vendor-payables">
      <AssignmentDrawer id={openId} onClose={() => setOpenId(null)} />
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Vendor payables</Text>
        <Text fw={600} data-testid="payables-total">
          {inr(totalInr)} outstanding
        </Text>
      </Group>
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
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payables.map((p) => (
                <Table.Tr key={p.scheduleId} bg={p.bucket !== 'current' ? 'red.0' : undefined}>
                  <Table.Td>{p.vendorName}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/vendors/events/${p.eventId}`} size="sm">
                      {p.eventName}
                    </Anchor>
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
                  <Table.Td ta="right">
                    {formatMoney({ amountMinor: p.outstandingMinor, currency: p.currency as Currency })}
                    {p.currency !== 'INR' && (
                      <Text size="xs" c="dimmed">
                        {p.outstandingInrMinor === null ? 'no INR rate yet' : `≈ ${inr(p.outstandingInrMinor)}`}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="light" onClick={() => setOpenId(p.assignmentId)}>
                      Pay
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        Only POs with a payment schedule appear here. Ageing is in INR; a foreign-currency PO at the rate it was booked
        at.
      </Text>
    </Card>
  );
}
