import { type Currency, formatMoney } from '@mandap/shared/money';
import { AGEING_BUCKETS, AGEING_LABELS, type AgeingBucket, type OutstandingRow } from '@mandap/shared/payments';
import { Anchor, Badge, Card, Group, Loader, Paper, SegmentedControl, Stack, Table, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconReceiptRupee } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { EmptyNote } from '../../ui/EmptyNote.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { EventsNeedingPlan } from '../events/EventsNeedingPlan.tsx';
import { useOutstanding, useOverdue, useTrialBalance } from './finance.api.ts';

const money = (amountMinor: number, currency: Currency | string = 'INR') =>
  formatMoney({ amountMinor, currency: currency as Currency });

/** Colour of an amount by how late it is: amber within a month, orange to two, red beyond. */
export function ageColor(days: number): string {
  if (days <= 0) return 'gray';
  if (days <= 30) return 'yellow';
  if (days <= 60) return 'orange';
  return 'red';
}
const BUCKET_COLORS: Record<AgeingBucket, string> = {
  current: 'gray',
  d1_30: 'yellow',
  d31_60: 'orange',
  d61_90: 'red',
  d90_plus: 'red',
};

/** Phones get stacked rows instead of a wide table: every figure stays on screen. */
const usePhone = () => useMediaQuery('(max-width: 36em)') ?? false;

function PhoneRow({ title, children }: { title: React.ReactNode; children: React.ReactNode }) {
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="phone-row">
      <Stack gap={4}>
        <div>{title}</div>
        {children}
      </Stack>
    </Paper>
  );
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right">
        {children}
      </Text>
    </Group>
  );
}

/** Rows of one client: the events summed, per currency. */
function byClient(rows: OutstandingRow[]): OutstandingRow[] {
  const out = new Map<string, OutstandingRow>();
  for (const r of rows) {
    const key = `${r.clientId ?? r.eventId}|${r.currency}`;
    const c = out.get(key);
    if (!c) {
      out.set(key, { ...r, eventCode: '', eventName: '', buckets: { ...r.buckets } });
      continue;
    }
    c.dueMinor += r.dueMinor;
    c.paidMinor += r.paidMinor;
    c.outstandingMinor += r.outstandingMinor;
    for (const b of AGEING_BUCKETS) c.buckets[b] = (c.buckets[b] ?? 0) + (r.buckets[b] ?? 0);
  }
  return [...out.values()].sort((a, b) => b.outstandingMinor - a.outstandingMinor);
}

function OutstandingTable() {
  const q = useOutstanding();
  const phone = usePhone();
  const [view, setView] = useState<'event' | 'client'>('event');
  if (q.isPending) return <Loader />;
  if (q.isError) return <QueryError error={q.error} />;
  const rows = view === 'event' ? q.data : byClient(q.data);
  if (rows.length === 0)
    return (
      <EmptyNote icon={<IconReceiptRupee />} title="Nothing outstanding">
        Events appear here once they have a milestone plan with money still owed.
      </EmptyNote>
    );
  return (
    <Stack>
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(v) => setView(v as 'event' | 'client')}
        data={[
          { value: 'event', label: 'By event' },
          { value: 'client', label: 'By client' },
        ]}
      />
      {phone ? (
        <Stack gap="xs">
          {rows.map((r) => (
            <PhoneRow
              key={`${view}-${r.eventId}-${r.currency}`}
              title={
                view === 'event' ? (
                  <>
                    <Anchor component={Link} to={`/finance/events/${r.eventId}`} fw={600}>
                      {r.eventCode} · {r.eventName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.clientName ?? 'No client'}
                    </Text>
                  </>
                ) : (
                  <Text fw={600}>{r.clientName ?? 'No client'}</Text>
                )
              }
            >
              <Figure label="Outstanding">
                <b>{money(r.outstandingMinor, r.currency)}</b>
              </Figure>
              {AGEING_BUCKETS.filter((b) => r.buckets[b]).map((b) => (
                <Figure key={b} label={AGEING_LABELS[b]}>
                  <Badge variant="light" color={BUCKET_COLORS[b]}>
                    {money(r.buckets[b] ?? 0, r.currency)}
                  </Badge>
                </Figure>
              ))}
            </PhoneRow>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{view === 'event' ? 'Event' : 'Client'}</Table.Th>
                <Table.Th ta="right">Outstanding</Table.Th>
                {AGEING_BUCKETS.map((b) => (
                  <Table.Th key={b} ta="right">
                    {AGEING_LABELS[b]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${view}-${r.eventId}-${r.currency}`}>
                  <Table.Td>
                    {view === 'event' ? (
                      <>
                        <Anchor component={Link} to={`/finance/events/${r.eventId}`} fw={600}>
                          {r.eventCode} · {r.eventName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {r.clientName ?? 'No client'}
                        </Text>
                      </>
                    ) : (
                      <Text fw={600}>{r.clientName ?? 'No client'}</Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {money(r.outstandingMinor, r.currency)}
                  </Table.Td>
                  {AGEING_BUCKETS.map((b) => (
                    <Table.Td key={b} ta="right">
                      {r.buckets[b] ? (
                        <Badge variant="light" color={BUCKET_COLORS[b]}>
                          {money(r.buckets[b], r.currency)}
                        </Badge>
                      ) : (
                        <Text c="dimmed">—</Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function OverdueTable() {
  const q = useOverdue();
  const phone = usePhone();
  if (q.isPending) return <Loader />;
  if (q.isError) return <QueryError error={q.error} />;
  if (q.data.length === 0)
    return (
      <EmptyNote icon={<IconReceiptRupee />} title="Nothing overdue">
        Every milestone due so far is paid.
      </EmptyNote>
    );
  if (phone)
    return (
      <Stack gap="xs">
        {q.data.map((m) => (
          <PhoneRow
            key={m.id}
            title={
              <>
                <Anchor component={Link} to={`/finance/events/${m.eventId}`}>
                  {m.eventCode} · {m.eventName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {m.clientName ?? 'No client'} · {m.label}
                </Text>
              </>
            }
          >
            <Figure label={`Due ${formatDate(m.dueDate)}`}>
              <Badge color={ageColor(m.daysOverdue)} variant="filled">
                {m.daysOverdue} {m.daysOverdue === 1 ? 'day' : 'days'} late
              </Badge>
            </Figure>
            <Figure label="Owed">
              <b>{money(m.outstandingMinor, m.currency)}</b>
            </Figure>
          </PhoneRow>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Late by</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Milestone</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th ta="right">Owed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Badge color={ageColor(m.daysOverdue)} variant="filled">
                  {m.daysOverdue} {m.daysOverdue === 1 ? 'day' : 'days'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/finance/events/${m.eventId}`}>
                  {m.eventCode} · {m.eventName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {m.clientName ?? 'No client'}
                </Text>
              </Table.Td>
              <Table.Td>{m.label}</Table.Td>
              <Table.Td>{formatDate(m.dueDate)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {money(m.outstandingMinor, m.currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrialBalanceTable() {
  const q = useTrialBalance();
  const phone = usePhone();
  if (q.isPending) return <Loader />;
  if (q.isError) return <QueryError error={q.error} />;
  const tb = q.data;
  return (
    <Stack>
      <Text fw={600} c={tb.isBalanced ? 'teal' : 'red'}>
        {tb.isBalanced ? 'Balanced' : 'Does not balance'} · debits {money(tb.totalDebitInrMinor)} · credits{' '}
        {money(tb.totalCreditInrMinor)}
      </Text>
      {phone ? (
        <Stack gap="xs">
          {tb.accounts.map((a) => (
            <PhoneRow
              key={`${a.account}|${a.currency}`}
              title={
                <Text size="sm" fw={600}>
                  {a.label}
                  {a.currency !== 'INR' ? ` (${a.currency})` : ''}
                </Text>
              }
            >
              <Figure label={a.amountInrMinor >= 0 ? 'Debit (INR)' : 'Credit (INR)'}>
                {money(Math.abs(a.amountInrMinor))}
              </Figure>
            </PhoneRow>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th ta="right">Debit (INR)</Table.Th>
                <Table.Th ta="right">Credit (INR)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tb.accounts.map((a) => (
                <Table.Tr key={`${a.account}|${a.currency}`}>
                  <Table.Td fz="sm">
                    {a.label}
                    {a.currency !== 'INR' ? ` (${a.currency})` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{a.amountInrMinor > 0 ? money(a.amountInrMinor) : ''}</Table.Td>
                  <Table.Td ta="right">{a.amountInrMinor < 0 ? money(-a.amountInrMinor) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Finance home: what is owed (ageing), what is late, and the books. */
export function FinancePage() {
  return (
    <Stack>
      <PageHeader
        title="Finance"
        description="Outstanding by event and client, overdue milestones and the books."
        actions={
          <Anchor component={Link} to="/finance/money-desk">
            Money desk: suspense, credit on account, reconciliation
          </Anchor>
        }
      />
      <EventsNeedingPlan />
      <Card withBorder>
        <Tabs defaultValue="outstanding" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="outstanding">Outstanding</Tabs.Tab>
            <Tabs.Tab value="overdue">Overdue</Tabs.Tab>
            <Tabs.Tab value="trial">Trial balance</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="outstanding">
            <OutstandingTable />
          </Tabs.Panel>
          <Tabs.Panel value="overdue">
            <OverdueTable />
          </Tabs.Panel>
          <Tabs.Panel value="trial">
            <TrialBalanceTable />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </Stack>
  );
}
