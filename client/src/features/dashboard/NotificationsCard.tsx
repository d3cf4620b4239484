import type { Dashboard } from '@mandap/shared/dashboard';
import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatCount, formatDateTime, humanize } from '../../lib/format.ts';
import { Figure, Section } from './Section.tsx';

/** The last seven days of the notification log: what went, what is waiting, what failed. */
export function NotificationsCard({ notifications }: { notifications: NonNullable<Dashboard['notifications']> }) {
  const n = notifications;
  const s = n.byStatus;
  const failed = s.failed + s.dead;
  return (
    <Section title="Messages · last 7 days" link="/inbox" linkLabel="Notification log" testId="dash-notifications">
      <SimpleGrid cols={{ base: 2, xs: 4 }} mb="sm">
        <Figure label="Sent" value={formatCount(s.sent)} testId="notif-sent" />
        <Figure label="Delivered" value={formatCount(n.delivered)} testId="notif-delivered" />
        <Figure label="Waiting" value={formatCount(s.pending + s.sending)} testId="notif-waiting" />
        <Figure label="Failed" value={formatCount(failed)} color={failed ? 'red.7' : undefined} testId="notif-failed" />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mb="xs">
        Read {formatCount(n.read)} · not sent (no provider, opted out) {formatCount(s.not_sent)} · cancelled{' '}
        {formatCount(s.cancelled)}
      </Text>
      {n.problems.length > 0 && (
        <Stack gap={4}>
          {n.problems.map((p) => (
            <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="xs" truncate style={{ minWidth: 0 }}>
                {humanize(p.template)} · {p.channel}
                {p.lastError ? ` · ${p.lastError}` : ''}
              </Text>
              <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                <Badge size="xs" color="red" variant="light">
                  {p.status === 'sent' ? 'failed at provider' : p.status}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDateTime(p.createdAt)}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
