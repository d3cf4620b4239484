import { type Currency, formatMoney } from '@mandap/shared/money';
import { Anchor, Badge, Card, Group, Loader, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { EmptyNote } from '../../ui/EmptyNote.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { CreditActions, CreditSources, ResolveSuspenseForm, WriteOffAction } from './MoneyDeskForms.tsx';
import { useCancelledHoldings, useCredits, useReconciliation, useSuspense } from './moneyDesk.api.ts';

const money = (amountMinor: number, currency: string = 'INR') =>
  formatMoney({ amountMinor, currency: currency as Currency });

function SuspenseTable() {
  const q = useSuspense();
  if (q.isPending) return <Loader />;
  if (q.isError) return <QueryError error={q.error} />;
  if (q.data.length === 0)
    return (
      <EmptyNote icon={<IconCircleCheck />} title="Nothing in suspense">
        Gateway payments that no payment link matches are held here until you book them to an event.
      </EmptyNote>
    );
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received</Table.Th>
            <Table.Th>Gateway payment</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Why it is here</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{formatDate(h.receivedOn)}</Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {h.provider} {h.providerPaymentId}
              </Table.Td>
              <Table.Td ta="right">
                {money(h.amountMinor, h.currency)}
                {h.refundedMinor > 0 ? (
                  <Text fz="xs" c="dimmed">
                    refunded {money(h.refundedMinor, h.currency)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td fz="sm">{h.reason}</Table.Td>
              <Table.Td>
                {h.status === 'open' ? (
                  <ResolveSuspenseForm item={h} />
                ) : (
                  <Badge color={h.status === 'resolved' ? 'green' : 'gray'}>{h.status}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CreditsTable() {
  const q = useCredits();
  if (q.isPending) return <Loader />;
  if (q.isError) return <QueryError error={q.error} />;
  if (q.data.length === 0)
    return (
      <EmptyNote icon={<IconCircleCheck />} title="No credit on account">
        When a client pays more than its milestones owe, the rest is held here for you to apply or refund.
      </EmptyNote>
    );
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Credit collected by Razorpay or Stripe is refunded in the gateway, not here: its refund report is booked when it
        arrives and takes the money off the credit. A refund here pays back only money received otherwise.
      </Text>
      <Table.ScrollContainer minWidth={860}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th ta="right">Credit on account</Table.Th>
              <Table.Th>Allocate or refund</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((c) => (
              <Table.Tr key={c.eventId}>
                <Table.Td>
                  <Anchor component={Link} to={`/finance/events/${c.eventId}`}>
                    {c.eventCode}
                  </Anchor>{' '}
                  {c.eventName}
                </Table.Td>
                <Table.Td>{c.clientName ?? '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text span c={c.creditMinor < 0 ? 'red' : undefined} inherit>
                    {money(c.creditMinor, c.currency)}
                  </Text>
                  {c.creditMinor > 0 ? <CreditSources row={c} /> : null}
                </Table.Td>
                <Table.Td>{c.creditMinor > 0 ? <CreditActions row={c} /> : <WriteOffAction row={c} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Cancelled bookings still holding the client's money: each opens the event, where its payments are refunded. */
function CancelledTable() {
  const q = useCancelledHoldings();
  if (q.isPending) return <Loader />;
  if (q.isError) return <QueryError error={q.error} />;
  if (q.data.length === 0)
    return (
      <EmptyNote icon={<IconCircleCheck />} title="No money on cancelled bookings">
        When a cancelled booking still holds money its client paid, it is listed here until you refund it.
      </EmptyNote>
    );
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th ta="right">Held</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.map((b) => (
            <Table.Tr key={`${b.eventId}|${b.currency}`}>
              <Table.Td>
                <Anchor component={Link} to={`/finance/events/${b.eventId}`}>
                  {b.eventCode}
                </Anchor>{' '}
                {b.eventName}
                <Text fz="xs" c="dimmed">
                  {b.clientName ?? 'No client'} · last received {formatDate(b.lastReceivedOn)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(b.heldMinor, b.currency)}
                <Text fz="xs" c="dimmed">
                  {b.payments === 1 ? '1 payment' : `${b.payments} payments`}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReconciliationView() {
  const q = useReconciliation();
  if (q.isPending) return <Loader />;
  if (q.isError) return <QueryError error={q.error} />;
  const { rows, totals, inbox } = q.data;
  return (
    <Stack>
      <Group gap="sm">
        {totals.length === 0 ? <Text c="dimmed">No gateway money yet.</Text> : null}
        {totals.map((t) => (
          <Badge
            key={`${t.provider}|${t.currency}`}
            size="lg"
            variant="light"
            color={t.differenceMinor === 0 ? 'green' : 'red'}
          >
            {t.provider} {t.currency}: gateway {money(t.gatewayNetMinor, t.currency)} · bank{' '}
            {money(t.bankMinor, t.currency)}
            {t.differenceMinor === 0 ? ' · matches' : ` · difference ${money(t.differenceMinor, t.currency)}`}
          </Badge>
        ))}
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Gateway payment</Table.Th>
              <Table.Th ta="right">Captured</Table.Th>
              <Table.Th ta="right">Refunded</Table.Th>
              <Table.Th>Booked as</Table.Th>
              <Table.Th ta="right">Booked</Table.Th>
              <Table.Th ta="right">Difference</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.provider}|${r.providerPaymentId}`}>
                <Table.Td ff="monospace" fz="sm">
                  {r.provider} {r.providerPaymentId}
                </Table.Td>
                <Table.Td ta="right">{money(r.capturedMinor, r.currency)}</Table.Td>
                <Table.Td ta="right">{r.refundedMinor ? money(r.refundedMinor, r.currency) : ''}</Table.Td>
                <Table.Td>{r.inSuspense ? <Badge color="orange">suspense</Badge> : r.bookedAs}</Table.Td>
                <Table.Td ta="right">{money(r.bookedMinor, r.currency)}</Table.Td>
                <Table.Td ta="right" c={r.differenceMinor ? 'red' : 'green'}>
                  {r.differenceMinor ? money(r.differenceMinor, r.currency) : 'none'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fw={600}>Webhook deliveries (newest 200)</Text>
      <Table.ScrollContainer minWidth={800}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Received</Table.Th>
              <Table.Th>Gateway</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inbox.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDateTime(d.receivedAt)}</Table.Td>
                <Table.Td>{d.provider}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={d.status === 'processed' ? 'green' : d.status === 'duplicate' ? 'gray' : 'red'}
                  >
                    {d.status}
                  </Badge>
                </Table.Td>
                <Table.Td fz="sm">{d.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Finance's money desk: gateway money in suspense, credit on account, and the gateway reconciliation. */
export function MoneyDeskPage() {
  return (
    <Stack>
      <PageHeader
        title="Money desk"
        description="Gateway money no link matched, money held beyond what is owed or on cancelled bookings, and the gateways against the books."
        actions={
          <Anchor component={Link} to="/finance">
            Back to finance
          </Anchor>
        }
      />
      <Card withBorder>
        <Tabs defaultValue="suspense" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="suspense">Suspense</Tabs.Tab>
            <Tabs.Tab value="credit">Credit on account</Tabs.Tab>
            <Tabs.Tab value="cancelled">Cancelled bookings</Tabs.Tab>
            <Tabs.Tab value="reconciliation">Reconciliation</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="suspense">
            <SuspenseTable />
          </Tabs.Panel>
          <Tabs.Panel value="credit">
            <CreditsTable />
          </Tabs.Panel>
          <Tabs.Panel value="cancelled">
            <CancelledTable />
          </Tabs.Panel>
          <Tabs.Panel value="reconciliation">
            <ReconciliationView />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </Stack>
  );
}
