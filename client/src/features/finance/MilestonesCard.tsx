import { formatMoney } from '@mandap/shared/money';
import type { Milestone, TaxDocument } from '@mandap/shared/payments';
import { Button, Card, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDate } from '../../lib/format.ts';
import { CreatePlanForm } from './CreatePlanForm.tsx';
import { createPaymentLink, issueInvoice } from './finance.api.ts';
import { MilestoneStatusBadge } from './MilestoneStatusBadge.tsx';
import { PlanEditor } from './PlanEditor.tsx';

const fail = (title: string) => (err: unknown) =>
  notifications.show({ color: 'red', title, message: err instanceof Error ? err.message : String(err) });

/** The event's milestone plan: create it from the accepted quote, invoice a milestone, send a payment link. */
export function MilestonesCard({
  eventId,
  milestones,
  documents,
  onChanged,
}: {
  eventId: string;
  milestones: Milestone[];
  documents: TaxDocument[];
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const run = async (id: string, work: () => Promise<unknown>, title: string) => {
    setBusy(id);
    try {
      await work();
      onChanged();
    } catch (err) {
      fail(title)(err);
    } finally {
      setBusy(null);
    }
  };
  const invoiceOf = new Map(documents.filter((d) => d.kind === 'invoice').map((d) => [d.milestoneId, d.number]));

  if (milestones.length === 0)
    return (
      <Card withBorder>
        <Stack>
          <Title order={3}>Milestone plan</Title>
          <Text c="dimmed" size="sm">
            No plan yet. It is made from the payment terms printed on the accepted quotation, to the paisa (the template
            below is used only for a quotation without payment terms).
          </Text>
          <CreatePlanForm eventId={eventId} onCreated={onChanged} />
        </Stack>
      </Card>
    );

  if (editing)
    return (
      <Card withBorder>
        <Title order={3} mb="sm">
          Edit the milestone plan
        </Title>
        <PlanEditor
          eventId={eventId}
          milestones={milestones}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            notifications.show({ color: 'green', title: 'Plan saved', message: 'The milestones are updated.' });
            onChanged();
          }}
        />
      </Card>
    );

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>Milestone plan</Title>
        <Button size="xs" variant="light" onClick={() => setEditing(true)}>
          Edit plan
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Milestone</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th ta="right">Paid</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {milestones.map((m) => (
              <Table.Tr key={m.id} data-testid="milestone-row">
                <Table.Td>{m.label}</Table.Td>
                <Table.Td>{formatDate(m.dueDate)}</Table.Td>
                <Table.Td ta="right">{formatMoney({ amountMinor: m.amountMinor, currency: m.currency })}</Table.Td>
                <Table.Td ta="right">{formatMoney({ amountMinor: m.paidMinor, currency: m.currency })}</Table.Td>
                <Table.Td>
                  <MilestoneStatusBadge status={m.status} />
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="compact-sm" variant="subtle" loading={busy === m.id}>
                        Actions
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        disabled={invoiceOf.has(m.id) || m.status === 'waived'}
                        onClick={() => run(m.id, () => issueInvoice(eventId, m.id), 'No invoice issued')}
                      >
                        {invoiceOf.has(m.id) ? `Invoiced (${invoiceOf.get(m.id)})` : 'Issue tax invoice'}
                      </Menu.Item>
                      <Menu.Item
                        disabled={m.status === 'paid' || m.status === 'waived'}
                        onClick={() =>
                          run(
                            m.id,
                            async () => {
                              const { link } = await createPaymentLink(m.id);
                              await navigator.clipboard?.writeText(link.url).catch(() => undefined);
                              notifications.show({ title: 'Payment link created (copied)', message: link.url });
                            },
                            'No payment link',
                          )
                        }
                      >
                        Payment link ({m.currency === 'INR' ? 'Razorpay' : 'Stripe'})
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
