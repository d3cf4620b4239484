import { LEAD_STAGE_LABELS, type LeadSource, type LeadStage, type LeadTemperature } from '@mandap/shared/leads';
import { Badge } from '@mantine/core';
import { humanize } from '../../lib/format.ts';

export const STAGE_COLORS: Record<LeadStage, string> = {
  new: 'blue',
  contacted: 'cyan',
  brief_captured: 'indigo',
  meeting_scheduled: 'violet',
  quote_sent: 'marigold',
  negotiation: 'orange',
  won: 'green',
  lost: 'gray',
};

const SOURCE_LABELS: Partial<Record<LeadSource, string>> = {
  meta_ads: 'Meta ads',
  google_ads: 'Google ads',
  wedmegood: 'WedMeGood',
  weddingwire_india: 'WeddingWire India',
  justdial: 'Justdial',
  shaadisaga: 'ShaadiSaga',
};

export function sourceLabel(source: LeadSource): string {
  return SOURCE_LABELS[source] ?? humanize(source);
}

const TEMP_COLORS: Record<LeadTemperature, string> = { hot: 'red', warm: 'orange', cold: 'blue' };

export function StageBadge({ stage }: { stage: LeadStage }) {
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light">
      {LEAD_STAGE_LABELS[stage]}
    </Badge>
  );
}

export function SourceBadge({ source }: { source: LeadSource }) {
  return (
    <Badge color="gray" variant="outline" fw={500}>
      {sourceLabel(source)}
    </Badge>
  );
}

export function TemperatureBadge({ temperature }: { temperature: LeadTemperature }) {
  return (
    <Badge color={TEMP_COLORS[temperature]} variant="dot" fw={500}>
      {humanize(temperature)}
    </Badge>
  );
}
