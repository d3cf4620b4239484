import { hasPermission } from '@mandap/shared/access';
import { type Currency, formatMoney } from '@mandap/shared/money';
import { PAYMENT_MODE_LABELS, type PaymentMode } from '@mandap/shared/payments';
import { ASSIGNMENT_STATUS_LABELS } from '@mandap/shared/vendors';
import { Anchor, Badge, Divider, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/format.ts';
import { Figure } from '../../ui/Figure.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { PoLinksCard } from './PoLinksCard.tsx';
import { RateVendorForm } from './RateVendorForm.tsx';
import { ScheduleCard } from './ScheduleCard.tsx';
import { VendorPaymentForm } from './VendorPaymentForm.tsx';
import { downloadPo, useAssignment, useVendorPayments } from './vendors.api.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Divider />
      <Title order={4} fz="md">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * One PO in full, where its money is handled: lines and totals, payable and paid, the payment
 * schedule, payments (finance records one here), the vendor's share link, and the rating.
 */
export function AssignmentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position={phone ? 'bottom' : 'right'}
      size={phone ? '92%' : 'lg'}
      title="Purchase order"
    >
      {id && <AssignmentDetails id={id} />}
    </Drawer>
  );
}

function AssignmentDetails({ id }: { id: string }) {
  const me = useMe();
  const q = useAssignment(id);
  const payments = useVendorPayments(id);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Loader />;
  const a = q.data;
  const currency = a.currency as Currency;
  const money = (m: number) => formatMoney({ amountMinor: m, currency });
  const canPay = hasPermission(me.role, 'payments:record');
  const canWrite = hasPermission(me.role, 'vendors:write');

  return (
    <Stack gap="md" data-testid="assignment-drawer">
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg">
            {a.vendorName}
          </Text>
          <Badge variant="light">{ASSIGNMENT_STATUS_LABELS[a.status]}</Badge>
        </Group>
        <Text size="sm">{a.scope}</Text>
        <Text size="sm" c="dimmed">
          {a.eventName} · {formatDate(a.eventStartDate)}
        </Text>
        {a.poNumber && (
          <Anchor size="sm" component="button" onClick={() => downloadPo(a.id, a.poNumber!)}>
            {a.poNumber} (PDF){a.poDate ? ` · ${formatDate(a.poDate)}` : ''}
          </Anchor>
        )}
      </Stack>

      <Group grow data-testid="po-money">
        <Figure label="PO">{money(a.amountMinor)}</Figure>
        <Figure label="Paid" testId="po-paid">
          {money(a.paidMinor)}
        </Figure>
        <Figure label="Payable" testId="po-payable" c={a.amountMinor - a.paidMinor > 0 ? 'orange.8' : undefined}>
          {money(a.amountMinor - a.paidMinor)}
        </Figure>
      </Group>

      <Table.ScrollContainer minWidth={320}>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th ta="right">Qty</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: PO lines are fixed and ordered
              <Table.Tr key={i}>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td ta="right">{l.quantity}</Table.Td>
                <Table.Td ta="right">{money(l.quantity * l.unitMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {a.terms && (
        <Text size="xs" c="dimmed">
          Terms: {a.terms}
        </Text>
      )}

      <Section title="Payment schedule">
        <ScheduleCard assignment={a} canEdit={canPay} />
      </Section>

      <Section title="Payments">
        {payments.error ? (
          <QueryError error={payments.error} />
        ) : !payments.data ? (
          <Loader size="xs" />
        ) : payments.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing paid yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table fz="sm" data-testid="po-payments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Paid on</Table.Th>
                  <Table.Th>Mode</Table.Th>
                  <Table.Th ta="right">Gross</Table.Th>
                  <Table.Th ta="right">TDS</Table.Th>
                  {currency !== 'INR' && <Table.Th ta="right">In INR</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.data.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      {formatDate(p.paidOn)}
                      {p.reference && (
                        <Text size="xs" c="dimmed">
                          {p.reference}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{PAYMENT_MODE_LABELS[p.mode as PaymentMode] ?? p.mode}</Table.Td>
                    <Table.Td ta="right">{money(p.amountMinor)}</Table.Td>
                    <Table.Td ta="right">{money(p.tdsMinor)}</Table.Td>
                    {currency !== 'INR' && (
                      <Table.Td ta="right">
                        {formatMoney({ amountMinor: p.amountInrMinor, currency: 'INR' })}
                        {p.fxRate && (
                          <Text size="xs" c="dimmed">
                            at {p.fxRate}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canPay ? (
          <VendorPaymentForm assignment={a} />
        ) : (
          <Text size="xs" c="dimmed">
            Finance records vendor payments.
          </Text>
        )}
      </Section>

      <Section title="Vendor's link to this PO">
        <PoLinksCard assignment={a} canWrite={canWrite} />
      </Section>

      {canWrite && (
        <Section title={`Rate ${a.vendorName} for this event`}>
          <RateVendorForm assignment={a} />
        </Section>
      )}
    </Stack>
  );
}
