import { formatMoney } from '@mandap/shared/money';
import { isGatewayMode, PAYMENT_MODE_LABELS, type Payment } from '@mandap/shared/payments';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../api/paths.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { downloadDocument } from './downloadDocument.ts';
import { financeKeys, useEventFinance } from './finance.api.ts';
import { MilestonesCard } from './MilestonesCard.tsx';
import { discardQueued, usePaymentQueue } from './paymentQueue.ts';
import { RecordPaymentForm } from './RecordPaymentForm.tsx';
import { RefundPaymentModal, refundableOf } from './RefundPaymentModal.tsx';

/** One event's money: plan, payments (record, even offline), receipts, invoices and its ledger. */
export function EventFinancePage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useEventFinance(id);
  const refresh = useCallback(() => void qc.invalidateQueries({ queryKey: financeKeys.all }), [qc]);
  const queued = usePaymentQueue(refresh).filter((p) => p.body.eventId === id);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  if (q.isPending) return <Loader />;
  if (q.isError) return <QueryError error={q.error} />;
  const { event, milestones, payments, documents, lines } = q.data;
  // A new payment or an edited plan changes what the form suggests, so it starts afresh.
  const formKey = [payments.length, ...milestones.map((m) => `${m.id}:${m.amountMinor}:${m.paidMinor}`)].join('|');
  const heldMinor = payments.reduce((s, p) => s + p.amountMinor, 0);
  const heldCurrency = payments[0]?.currency ?? 'INR';

  return (
    <Stack gap="lg">
      <PageHeader
        title={`${event.code} · ${event.name}`}
        description={`${event.clientName ?? 'No client'} · ${formatDate(event.startDate)} · ${event.city}`}
        actions={
          <Anchor component={Link} to="/finance">
            ← All outstanding
          </Anchor>
        }
      />
      {event.status === 'cancelled' && heldMinor > 0 && (
        <Alert color="orange" title="Cancelled, still holding the client's money" data-testid="cancelled-holding">
          This booking was cancelled and holds {formatMoney({ amountMinor: heldMinor, currency: heldCurrency })}{' '}
          received from the client. Refund it below (Refund on each payment), or keep it and note why.
        </Alert>
      )}
      <MilestonesCard eventId={id} milestones={milestones} documents={documents} onChanged={refresh} />
      {milestones.length > 0 && (
        <Card withBorder>
          <Title order={3} mb="sm">
            Record a payment
          </Title>
          <RecordPaymentForm key={formKey} eventId={id} milestones={milestones} onDone={refresh} />
        </Card>
      )}
      {queued.length > 0 && (
        <Alert color="yellow" title="Queued on this device, will send when online">
          <Stack gap={4}>
            {queued.map((p) => (
              <Group key={p.key} justify="space-between" data-testid="queued-payment">
                <Text size="sm">
                  {formatMoney({ amountMinor: p.body.amountMinor, currency: p.body.currency })} ·{' '}
                  {PAYMENT_MODE_LABELS[p.body.mode]} · {formatDate(p.body.receivedOn)}
                  {p.error ? ` · refused: ${p.error}` : ''}
                </Text>
                {p.error && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => discardQueued(p.key)}>
                    Discard
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      <Card withBorder>
        <Title order={3} mb="sm">
          Payments and receipts
        </Title>
        {payments.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nothing received yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Receipt</Table.Th>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Mode</Table.Th>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.code}</Table.Td>
                    <Table.Td>{formatDate(p.receivedOn)}</Table.Td>
                    <Table.Td>{PAYMENT_MODE_LABELS[p.mode]}</Table.Td>
                    <Table.Td>{p.reference ?? '—'}</Table.Td>
                    <Table.Td ta="right" c={p.amountMinor < 0 ? 'red' : undefined}>
                      {formatMoney({ amountMinor: p.amountMinor, currency: p.currency })}
                      {p.unallocatedMinor > 0 ? (
                        <Text size="xs" c="dimmed">
                          {formatMoney({ amountMinor: p.unallocatedMinor, currency: p.currency })} held as credit on
                          account when received
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {p.amountMinor > 0 && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() =>
                              downloadDocument(
                                paths.invoices.receipts[':id'].pdf.$path({ param: { id: p.id } }),
                                p.code,
                              )
                            }
                          >
                            Receipt PDF
                          </Button>
                          <RefundAction payment={p} all={payments} onRefund={() => setRefunding(p)} />
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {refunding && (
        <RefundPaymentModal
          eventId={id}
          payment={refunding}
          refundableMinor={refundableOf(refunding, payments)}
          untouched={!payments.some((r) => r.reversesPaymentId === refunding.id)}
          onClose={() => setRefunding(null)}
        />
      )}
      <Card withBorder>
        <Title order={3} mb="sm">
          Tax invoices and credit notes
        </Title>
        {documents.length === 0 ? (
          <Text c="dimmed" size="sm">
            None issued. Issue a tax invoice from a milestone's Actions.
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {documents.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Badge variant="light" color={d.kind === 'invoice' ? 'grape' : 'orange'}>
                      {d.kind === 'invoice' ? 'Invoice' : 'Credit note'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.number}</Table.Td>
                  <Table.Td>{formatDate(d.issuedOn)}</Table.Td>
                  <Table.Td ta="right">{formatMoney({ amountMinor: d.totalMinor, currency: d.currency })}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() =>
                        downloadDocument(paths.invoices[':id'].pdf.$path({ param: { id: d.id } }), d.number)
                      }
                    >
                      PDF
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} mb="sm">
          Ledger
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Entry</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th ta="right">Debit</Table.Th>
                <Table.Th ta="right">Credit</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={`${l.entryId}-${l.account}-${l.currency}-${l.amountMinor}`}>
                  <Table.Td>{formatDateTime(l.occurredAt)}</Table.Td>
                  <Table.Td>{l.memo}</Table.Td>
                  <Table.Td ff="monospace">{l.account}</Table.Td>
                  <Table.Td ta="right">
                    {l.amountMinor > 0 ? formatMoney({ amountMinor: l.amountMinor, currency: l.currency }) : ''}
                  </Table.Td>
                  <Table.Td ta="right">
                    {l.amountMinor < 0 ? formatMoney({ amountMinor: -l.amountMinor, currency: l.currency }) : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}

/** Refund on a payment with something left to pay back; a gateway payment is refunded at the gateway. */
function RefundAction({ payment, all, onRefund }: { payment: Payment; all: Payment[]; onRefund: () => void }) {
  const left = refundableOf(payment, all);
  if (left <= 0)
    return (
      <Text size="xs" c="dimmed">
        Refunded
      </Text>
    );
  if (isGatewayMode(payment.mode))
    return (
      <Text size="xs" c="dimmed" maw={180}>
        Refund it in {PAYMENT_MODE_LABELS[payment.mode]}; it is booked here when the gateway reports it.
      </Text>
    );
  return (
    <Button size="compact-sm" variant="subtle" color="orange" onClick={onRefund}>
      Refund
    </Button>
  );
}
