import { LEAD_STAGE_LABELS, LEAD_STAGES, type LeadSummary } from '@mandap/shared';
import { Anchor, Group, Paper, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { QueryError } from '../../ui/QueryError.tsx';
import { STAGE_COLORS } from '../leads/LeadBadges.tsx';

export function LeadsByStage({ leads, error }: { leads: LeadSummary[] | undefined; error: unknown }) {
  const counts = new Map(LEAD_STAGES.map((s) => [s, 0]));
  for (const l of leads ?? []) counts.set(l.stage, (counts.get(l.stage) ?? 0) + 1);
  const max = Math.max(1, ...counts.values());
  return (
    <Paper withBorder p="lg" h="100%">
      <Group justify="space-between" mb="md">
        <Text fw={600}>Leads by stage</Text>
        <Anchor component={Link} to="/leads" size="sm">
          All leads
        </Anchor>
      </Group>
      {error ? (
        <QueryError error={error} />
      ) : !leads ? (
        <Skeleton h={220} />
      ) : (
        <Stack gap={10} data-testid="leads-by-stage">
          {LEAD_STAGES.map((s) => (
            <div key={s}>
              <Group justify="space-between" mb={4}>
                <Text size="sm">{LEAD_STAGE_LABELS[s]}</Text>
                <Text size="sm" fw={600}>
                  {counts.get(s)}
                </Text>
              </Group>
              <Progress
                value={((counts.get(s) ?? 0) / max) * 100}
                color={STAGE_COLORS[s]}
                size="sm"
                aria-label={`${LEAD_STAGE_LABELS[s]}: ${counts.get(s)}`}
              />
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
