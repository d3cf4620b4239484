import type { EventSummary } from '@mandap/shared/events';
import { formatMoney } from '@mandap/shared/money';
import type { Milestone } from '@mandap/shared/payments';
import { Button, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { paths } from '../../api/paths.ts';
import { formatDate } from '../../lib/format.ts';
import { downloadDocument } from './downloadDocument.ts';
import { useEventPayments } from './finance.api.ts';
import { MilestoneStatusBadge } from './MilestoneStatusBadge.tsx';

const money = (m: { amountMinor: number; currency: Milestone['currency'] }) => formatMoney(m);

function DownloadButton({ path, number, kind }: { path: string; number: string; kind: string }) {
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconDownload size={14} />}
      onClick={() => downloadDocument(path, number)}
    >
      {kind} {number}
    </Button>
  );
}

/**
 * What to say when there is no milestone plan yet, agreeing with the booking's stage: money
 * already received (a confirmed booking) is acknowledged, never answered with "accept a quote".
 */
function noScheduleText(
  event: EventSummary,
  receipts: readonly { amountMinor: number; currency: Milestone['currency'] }[],
) {
  const received = receipts.reduce((a, p) => a + p.amountMinor, 0);
  if (received > 0)
    return `We have received ${money({ amountMinor: received, currency: receipts[0]!.currency })}. Your payment schedule is being prepared from the accepted quotation.`;
  if (event.status === 'proposal_sent' || event.status === 'discussion' || event.status === 'enquiry')
    return 'No payment schedule yet: it is set once you accept a quotation.';
  return 'Your payment schedule is being prepared from the accepted quotation.';
}

/** One event's schedule for its client: milestones with status and due date, then receipts and invoices to download. */
function EventPayments({ event }: { event: EventSummary }) {
  const q = useEventPayments(event.id);
  if (q.isPending) return <Skeleton h={60} />;
  if (q.isError)
    return (
      <Text c="red" size="sm">
        {event.name}: {q.error.message}
      </Text>
    );
  const { milestones, payments, documents } = q.data;
  const currency = milestones[0]?.currency ?? 'INR';
  const payable = milestones.filter((m) => m.status !== 'waived');
  const dueMinor = payable.reduce((a, m) => a + m.amountMinor, 0);
  const paidMinor = payable.reduce((a, m) => a + m.paidMinor, 0);
  const receipts = payments.filter((p) => p.amountMinor > 0);

  return (
    <Stack gap="xs" data-testid="client-event-payments">
      <Group justify="space-between" gap="xs">
        <Text fw={600}>
          {event.name}{' '}
          <Text span c="dimmed" size="sm">
            {event.code}
          </Text>
        </Text>
        {milestones.length > 0 && (
          <Text size="sm" c="dimmed">
            Paid {money({ amountMinor: paidMinor, currency })} of {money({ amountMinor: dueMinor, currency })}
          </Text>
        )}
      </Group>
      {milestones.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="client-no-schedule">
          {noScheduleText(event, receipts)}
        </Text>
      ) : (
        milestones.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="client-milestone">
            <Stack gap={0}>
              <Text size="sm">{m.label}</Text>
              <Text size="xs" c="dimmed">
                Due {formatDate(m.dueDate)} · {money(m)}
                {m.paidMinor > 0 && m.paidMinor < m.amountMinor
                  ? ` · ${money({ amountMinor: m.paidMinor, currency: m.currency })} paid`
                  : ''}
              </Text>
            </Stack>
            <MilestoneStatusBadge status={m.status} />
          </Group>
        ))
      )}
      {(receipts.length > 0 || documents.length > 0) && (
        <Group gap="xs" mt={4}>
          {receipts.map((p) => (
            <DownloadButton
              key={p.id}
              path={paths.invoices.receipts[':id'].pdf.$path({ param: { id: p.id } })}
              number={p.code}
              kind="Receipt"
            />
          ))}
          {documents.map((d) => (
            <DownloadButton
              key={d.id}
              path={paths.invoices[':id'].pdf.$path({ param: { id: d.id } })}
              number={d.number}
              kind={d.kind === 'invoice' ? 'Invoice' : 'Credit note'}
            />
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** The client's payments across their events: what is due when, what is paid, receipts and tax invoices. */
export function ClientPaymentsCard({ events }: { events: EventSummary[] | undefined }) {
  const shown = events?.filter((e) => e.status !== 'cancelled');
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="lg" mb="sm">
        Payments
      </Title>
      {!shown ? (
        <Skeleton h={80} />
      ) : shown.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing to pay yet.
        </Text>
      ) : (
        <Stack gap="md">
          {shown.map((e, i) => (
            <Stack key={e.id} gap="md">
              {i > 0 && <Divider />}
              <EventPayments event={e} />
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
