import { Badge, Grid, Group, Paper, SegmentedControl, Stack, Tabs, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Broadcasts } from './Broadcasts.tsx';
import { ConversationThread } from './ConversationThread.tsx';
import { type Conversation, useConversations } from './inbox.api.ts';
import { useInboxLive, useInboxLiveState } from './inbox-live.ts';
import { MomentSettings } from './MomentSettings.tsx';
import { NotificationLog } from './NotificationLog.tsx';

function ConversationRow({ c, active, onOpen }: { c: Conversation; active: boolean; onOpen: () => void }) {
  return (
    <UnstyledButton onClick={onOpen} data-testid="conversation" aria-current={active || undefined}>
      <Paper p="xs" radius="md" withBorder bg={active ? 'var(--mantine-color-gray-1)' : undefined}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={c.unread > 0 ? 700 : 500} size="sm" truncate>
            {c.name ?? c.phone}
          </Text>
          {c.unread > 0 && (
            <Badge size="sm" circle aria-label={`${c.unread} unread`}>
              {c.unread}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate>
          {c.lastPreview}
        </Text>
        <Group gap={6} mt={2}>
          {c.leadCode && (
            <Badge size="xs" variant="light">
              {c.leadCode}
            </Badge>
          )}
          {c.eventCode && (
            <Badge size="xs" variant="light" color="grape">
              {c.eventCode}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {c.assigneeName ?? 'Unassigned'} · {formatDateTime(c.lastMessageAt)}
          </Text>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

function LiveBadge() {
  const live = useInboxLiveState();
  if (live === 'live')
    return (
      <Badge size="sm" variant="dot" color="teal" data-testid="inbox-live">
        Live
      </Badge>
    );
  return (
    <Badge size="sm" variant="dot" color="gray" data-testid="inbox-live" title="Refreshing every 20 seconds meanwhile">
      {live === 'connecting' ? 'Connecting…' : 'Reconnecting… (refreshing every 20 s)'}
    </Badge>
  );
}

function Conversations() {
  const [filter, setFilter] = useState<'all' | 'mine' | 'unassigned'>('all');
  const [open, setOpen] = useState<string | null>(null);
  useInboxLive();
  const list = useConversations(filter);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <SegmentedControl
              size="xs"
              value={filter}
              onChange={(v) => setFilter(v as typeof filter)}
              data={[
                { value: 'all', label: 'All' },
                { value: 'mine', label: 'Mine' },
                { value: 'unassigned', label: 'Unassigned' },
              ]}
            />
            <LiveBadge />
          </Group>
          {list.error && <QueryError error={list.error} />}
          {list.data?.conversations.length === 0 && (
            <Text size="sm" c="dimmed">
              No WhatsApp conversations yet. Messages clients send to the business number appear here.
            </Text>
          )}
          {list.data?.conversations.map((c) => (
            <ConversationRow key={c.phone} c={c} active={c.phone === open} onOpen={() => setOpen(c.phone)} />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder radius="lg" p="md" mih={300}>
          {open ? <ConversationThread key={open} phone={open} /> : <Text c="dimmed">Pick a conversation.</Text>}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

export function InboxPage() {
  return (
    <>
      <PageHeader
        title="Inbox"
        description="The team’s shared WhatsApp inbox, linked to leads and events by phone, and the log of every message sent."
      />
      <Tabs defaultValue="conversations" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="conversations">Conversations</Tabs.Tab>
          <Tabs.Tab value="log">Notification log</Tabs.Tab>
          <Tabs.Tab value="broadcasts">Broadcasts</Tabs.Tab>
          <Tabs.Tab value="moments">Moments and prices</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="conversations">
          <Conversations />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <NotificationLog />
        </Tabs.Panel>
        <Tabs.Panel value="broadcasts">
          <Broadcasts />
        </Tabs.Panel>
        <Tabs.Panel value="moments">
          <MomentSettings />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
