import { LEAD_STAGE_LABELS, LEAD_STAGES, type LeadCounts } from '@mandap/shared';
import { Anchor, Group, Paper, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { STAGE_COLORS } from '../leads/LeadBadges.tsx';

/** Leads per stage, as counted by the server over every lead. */
export function LeadsByStage({ counts, error }: { counts: LeadCounts['byStage'] | undefined; error: unknown }) {
  const max = Math.max(1, ...Object.values(counts ?? {}));
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
      ) : !counts ? (
        <Skeleton h={220} />
      ) : (
        <Stack gap={10} data-testid="leads-by-stage">
          {LEAD_STAGES.map((s) => (
            <div key={s}>
              <Group justify="space-between" mb={4}>
                <Text size="sm">{LEAD_STAGE_LABELS[s]}</Text>
                <Text size="sm" fw={600}>
                  {formatCount(counts[s])}
                </Text>
              </Group>
              <Progress
                value={(counts[s] / max) * 100}
                color={STAGE_COLORS[s]}
                size="sm"
                aria-label={`${LEAD_STAGE_LABELS[s]}: ${formatCount(counts[s])}`}
              />
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
