import type { LogCommunication } from '@mandap/shared/leads';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { discardQueuedCommunication, type QueuedCommunication } from './communicationQueue.ts';

function summary(body: LogCommunication): string {
  const kind = body.kind === 'whatsapp' ? 'WhatsApp' : humanize(body.kind);
  const text =
    body.kind === 'whatsapp'
      ? body.message
      : body.kind === 'email'
        ? body.subject
        : body.kind === 'note'
          ? body.body
          : (body.notes ?? '');
  return text ? `${kind}: ${text}` : kind;
}

/** A lead's calls, messages and notes logged on this device with no signal, waiting to be sent (or refused, with a Discard). */
export function QueuedCommunications({ queued }: { queued: QueuedCommunication[] }) {
  if (queued.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCloudUpload size={18} />}
      title="Queued on this device, will send when online"
    >
      <Stack gap={6}>
        {queued.map((q) => (
          <Group
            key={q.key}
            justify="space-between"
            wrap="nowrap"
            align="flex-start"
            data-testid="queued-communication"
          >
            <Stack gap={0}>
              <Text size="sm" lineClamp={2}>
                {summary(q.body.body)}
              </Text>
              <Text size="xs" c={q.error ? 'red' : 'dimmed'}>
                {q.error ? `Refused by the server: ${q.error}` : formatDateTime(q.queuedAt)}
              </Text>
            </Stack>
            {q.error && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => discardQueuedCommunication(q.key)}>
                Discard
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
