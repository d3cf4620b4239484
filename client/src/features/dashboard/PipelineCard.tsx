import type { Dashboard } from '@mandap/shared/dashboard';
import { LEAD_STAGE_LABELS } from '@mandap/shared/leads';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { formatCount } from '../../lib/format.ts';
import { STAGE_COLORS, sourceLabel } from '../leads/LeadBadges.tsx';
import { LazyBars, mantineColor } from './LazyBars.tsx';
import { Figure, Section } from './Section.tsx';

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

/** Leads by stage as a funnel (at or past each stage), and by source with how many were won. */
export function PipelineCard({
  pipeline,
  rangeLabel,
}: {
  pipeline: NonNullable<Dashboard['pipeline']>;
  rangeLabel: string;
}) {
  const p = pipeline;
  const top = p.funnel[0]?.reached ?? 0;
  const funnel = p.funnel.map((f) => ({
    label: LEAD_STAGE_LABELS[f.stage],
    value: f.reached,
    display: `${formatCount(f.reached)} · ${pct(f.reached, top)}`,
    color: mantineColor(STAGE_COLORS[f.stage]),
  }));
  const sources = p.bySource.slice(0, 8).map((s) => ({
    label: sourceLabel(s.source),
    value: s.total,
    display: `${formatCount(s.total)} (${formatCount(s.won)} won)`,
    color: mantineColor('maroon', 5),
  }));
  return (
    <Section title={`Pipeline · ${rangeLabel}`} link="/leads" linkLabel="All leads" testId="dash-pipeline">
      <SimpleGrid cols={{ base: 2, xs: 4 }} mb="md">
        <Figure label="Leads" value={formatCount(p.total)} testId="pipeline-total" />
        <Figure label="Open" value={formatCount(p.open)} testId="pipeline-open" />
        <Figure label="Won" value={formatCount(p.won)} color="green.8" testId="pipeline-won" />
        <Figure label="Lost" value={formatCount(p.lost)} color="dimmed" testId="pipeline-lost" />
      </SimpleGrid>
      {p.total === 0 ? (
        <Text c="dimmed" size="sm">
          No leads in this range.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Conversion funnel
            </Text>
            <Text size="xs" c="dimmed">
              Leads at or past each stage now; lost leads are counted apart. Won is {pct(p.won, p.total)} of all leads,{' '}
              {pct(p.won, p.won + p.lost)} of those decided.
            </Text>
            <LazyBars data={funnel} label="Leads at or past each stage" />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              By source
            </Text>
            <Text size="xs" c="dimmed">
              Leads from each source, and how many of them were won.
            </Text>
            <LazyBars data={sources} label="Leads by source" />
          </Stack>
        </SimpleGrid>
      )}
    </Section>
  );
}
