import type { Dashboard } from '@mandap/shared/dashboard';
import { type Currency, formatMoney } from '@mandap/shared/money';
import { AGEING_BUCKETS, AGEING_LABELS } from '@mandap/shared/payments';
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatDate } from '../../lib/format.ts';
import { LazyBars, mantineColor } from './LazyBars.tsx';
import { Section } from './Section.tsx';

const BUCKET_COLORS = {
  current: mantineColor('teal'),
  d1_30: mantineColor('orange'),
  d31_60: mantineColor('red', 5),
  d61_90: mantineColor('red', 7),
  d90_plus: mantineColor('red', 9),
} as const;

const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency: currency as Currency });

/** Money owed on milestones, aged by days past due, per currency; the oldest overdue listed in red. */
export function ReceivablesCard({ receivables }: { receivables: NonNullable<Dashboard['receivables']> }) {
  const currencies = [...new Set(receivables.buckets.map((b) => b.currency))].sort((a, b) =>
    a === 'INR' ? -1 : b === 'INR' ? 1 : a.localeCompare(b),
  );
  return (
    <Section title="Outstanding payments" link="/finance" linkLabel="Finance" testId="dash-receivables">
      {currencies.length === 0 && (
        <Text c="dimmed" size="sm">
          Nothing outstanding.
        </Text>
      )}
      <Stack gap="md">
        {currencies.map((cur) => {
          const rows = AGEING_BUCKETS.map((bucket) => {
            const b = receivables.buckets.find((x) => x.bucket === bucket && x.currency === cur);
            return { bucket, count: b?.count ?? 0, owed: b?.outstandingMinor ?? 0 };
          });
          const total = rows.reduce((a, r) => a + r.owed, 0);
          const overdue = rows.filter((r) => r.bucket !== 'current').reduce((a, r) => a + r.owed, 0);
          return (
            <Stack key={cur} gap={4} data-testid={`receivables-${cur}`}>
              <Group justify="space-between" align="baseline">
                <Text size="sm" fw={600}>
                  {cur}: {money(total, cur)} outstanding
                </Text>
                <Text size="sm" c={overdue ? 'red.7' : 'dimmed'} fw={600} data-testid={`receivables-${cur}-overdue`}>
                  {money(overdue, cur)} overdue
                </Text>
              </Group>
              <LazyBars
                label={`Outstanding ${cur} by age`}
                data={rows.map((r) => ({
                  label: AGEING_LABELS[r.bucket],
                  value: r.owed,
                  display: `${money(r.owed, cur)} · ${formatCount(r.count)}`,
                  color: BUCKET_COLORS[r.bucket],
                }))}
              />
            </Stack>
          );
        })}
        {receivables.overdue.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table fz="sm" verticalSpacing={4} data-testid="receivables-overdue-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Oldest overdue</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th ta="right">Owed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {receivables.overdue.map((m) => (
                  <Table.Tr key={m.milestoneId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/finance/events/${m.eventId}`} size="sm">
                        {m.eventName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {m.label}
                        {m.clientName ? ` · ${m.clientName}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(m.dueDate)}</Text>
                      <Text size="xs" c="red.7" fw={600}>
                        {formatCount(m.daysOverdue)} {m.daysOverdue === 1 ? 'day' : 'days'} late
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" c="red.7" fw={600}>
                      {money(m.outstandingMinor, m.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Section>
  );
}
