import { Anchor, Badge, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { Composer } from './Composer.tsx';
import { type InboxMessage, useAssign, useMarkRead, useThread } from './inbox.api.ts';

const STATUS_COLOR: Record<string, string> = {
  read: 'teal',
  delivered: 'blue',
  sent: 'gray',
  pending: 'yellow',
  sending: 'yellow',
  failed: 'red',
  dead: 'red',
  not_sent: 'red',
};

function Bubble({ m }: { m: InboxMessage }) {
  const mine = m.direction === 'out';
  return (
    <Group justify={mine ? 'flex-end' : 'flex-start'}>
      <Paper
        p="xs"
        radius="md"
        maw="75%"
        bg={mine ? 'var(--mantine-color-green-0)' : 'var(--mantine-color-gray-0)'}
        withBorder
        data-testid={mine ? 'message-out' : 'message-in'}
      >
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.text}
        </Text>
        <Group gap={6} mt={4} justify="flex-end">
          <Text size="xs" c="dimmed">
            {formatDateTime(m.at)}
            {m.by ? ` · ${m.by}` : ''}
          </Text>
          {mine && m.status && (
            <Badge size="xs" variant="light" color={STATUS_COLOR[m.status] ?? 'gray'} title={m.error ?? undefined}>
              {m.status.replace('_', ' ')}
            </Badge>
          )}
        </Group>
        {mine && m.error && (
          <Text size="xs" c="red">
            {m.error}
          </Text>
        )}
      </Paper>
    </Group>
  );
}

export function ConversationThread({ phone }: { phone: string }) {
  const thread = useThread(phone);
  const markRead = useMarkRead();
  const assign = useAssign();
  const me = useMe().id;
  const unread = thread.data?.contact.unread ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: mark read when new messages arrive
  useEffect(() => {
    if (unread > 0) markRead.mutate(phone);
  }, [phone, unread]);

  if (thread.error) return <QueryError error={thread.error} />;
  if (!thread.data) return <Text c="dimmed">Loading…</Text>;
  const c = thread.data.contact;
  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Title order={3} fz="lg">
            {c.name ?? c.phone}
          </Title>
          <Text size="xs" c="dimmed">
            {c.phone}
            {c.leadId && (
              <>
                {' · '}
                <Anchor component={Link} to={`/leads?lead=${c.leadId}`} size="xs">
                  Open lead
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge
            variant="light"
            color={c.consent === 'opted_out' ? 'red' : c.consent === 'opted_in' ? 'teal' : 'gray'}
            title={c.consentSource ? `${c.consentSource} · ${formatDateTime(c.consentAt)}` : undefined}
          >
            {c.consent === 'opted_out' ? 'Opted out' : c.consent === 'opted_in' ? 'Opted in' : 'Consent unknown'}
          </Badge>
          {c.assigneeId !== me && (
            <Button size="xs" variant="light" onClick={() => assign.mutate({ phone, assigneeId: me })}>
              Assign to me
            </Button>
          )}
        </Group>
      </Group>
      <ScrollArea h={420} type="auto">
        <Stack gap="xs" pr="sm">
          {thread.data.messages.map((m) => (
            <Bubble key={m.id} m={m} />
          ))}
        </Stack>
      </ScrollArea>
      <Composer phone={phone} windowOpen={c.windowOpen} windowReason={c.windowReason} />
    </Stack>
  );
}
