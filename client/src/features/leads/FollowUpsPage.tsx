import type { FollowUp } from '@mandap/shared/leads';
import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { FollowUpRow } from './LeadFollowUps.tsx';
import { useMyFollowUps } from './leads.api.ts';

const SECTIONS = [
  { key: 'overdue', title: 'Overdue', color: 'red', empty: 'Nothing overdue. Well done.' },
  { key: 'today', title: 'Today', color: 'orange', empty: 'Nothing else due today.' },
  { key: 'upcoming', title: 'Upcoming', color: 'blue', empty: 'Nothing planned yet.' },
] as const;

function Section({ title, color, empty, items }: { title: string; color: string; empty: string; items: FollowUp[] }) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="lg">
          {title}
        </Title>
        <Badge color={color} variant="light">
          {items.length}
        </Badge>
      </Group>
      <Stack gap="md">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )}
        {items.map((f) => (
          <Stack key={f.id} gap={2}>
            <FollowUpRow followUp={f} showLead />
            <Anchor component={Link} to={`/leads?lead=${f.leadId}`} size="xs">
              Open lead{f.leadPhone ? ` · ${f.leadPhone}` : ''}
            </Anchor>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/** "My follow-ups": the signed-in person's open follow-ups by Mumbai day. */
export function FollowUpsPage() {
  const mine = useMyFollowUps();
  return (
    <Stack gap="md">
      <PageHeader
        title="My follow-ups"
        description="Calls and messages you promised, by day (Asia/Kolkata). Reminders are queued for delivery; sending them comes with notifications."
      />
      {mine.isPending ? (
        <Skeleton h={240} radius="lg" />
      ) : mine.isError ? (
        <QueryError error={mine.error} onRetry={() => mine.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {SECTIONS.map((s) => (
            <Section key={s.key} title={s.title} color={s.color} empty={s.empty} items={mine.data[s.key]} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
