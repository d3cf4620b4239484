import { formatMoney } from '@mandap/shared/money';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useNotificationLog, useRetry } from './inbox.api.ts';

const rupees = (paise: number) => formatMoney({ amountMinor: paise, currency: 'INR' });

const COLOR: Record<string, string> = {
  sent: 'teal',
  dead: 'red',
  not_sent: 'orange',
  failed: 'yellow',
  pending: 'gray',
  cancelled: 'gray',
};

/** What was sent, to whom, when, through which channel, its status and cost; dead letters can be retried. */
export function NotificationLog() {
  const [status, setStatus] = useState('all');
  const log = useNotificationLog(status === 'all' ? null : status);
  const retry = useRetry();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={status}
          onChange={setStatus}
          data={['all', 'sent', 'failed', 'dead', 'not_sent', 'pending', 'cancelled'].map((s) => ({
            value: s,
            label: s.replace('_', ' '),
          }))}
        />
        {log.data && (
          <Text size="sm" c="dimmed">
            Cost of what is shown: {rupees(log.data.costMinor)}
          </Text>
        )}
      </Group>
      {log.error && <QueryError error={log.error} />}
      <Table.ScrollContainer minWidth={800}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Template</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Cost</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data?.messages.map((m) => (
              <Table.Tr key={m.id} data-testid="log-row">
                <Table.Td>{formatDateTime(m.sentAt ?? m.createdAt)}</Table.Td>
                <Table.Td>{m.recipient}</Table.Td>
                <Table.Td>{m.channel.replace('_', '-')}</Table.Td>
                <Table.Td>{m.template}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={COLOR[m.status] ?? 'gray'}>
                    {m.status === 'sent' && m.providerStatus ? m.providerStatus : m.status.replace('_', ' ')}
                  </Badge>
                  {m.lastError && (
                    <Text size="xs" c="dimmed">
                      {m.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{m.costMinor === null ? '—' : rupees(m.costMinor)}</Table.Td>
                <Table.Td>
                  {['dead', 'not_sent', 'failed'].includes(m.status) && (
                    <Button
                      size="xs"
                      variant="light"
                      loading={retry.isPending && retry.variables === m.id}
                      onClick={() => retry.mutate(m.id)}
                    >
                      Retry
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
