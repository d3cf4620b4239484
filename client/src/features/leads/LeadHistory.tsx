import { isDomainEvent } from '@mandap/shared/journal';
import { Skeleton, Stack, Text } from '@mantine/core';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { useLeadHistory } from './leads.api.ts';

/** One line of the journal in words; the names come from the domain-event catalogue. */
function describe(line: { type: string; payload: Record<string, unknown> }): string {
  if (isDomainEvent(line, 'lead.stage_changed'))
    return `Stage: ${humanize(line.payload.from)} → ${humanize(line.payload.to)}`;
  if (isDomainEvent(line, 'lead.updated') && Array.isArray(line.payload.fields))
    return `Edited ${line.payload.fields.join(', ')}`;
  if (isDomainEvent(line, 'communication.logged')) return `Logged a ${line.payload.kind}`;
  return humanize(line.type.replace(/^lead\./, '').replaceAll('.', ' '));
}

/** Who changed what, from the event log and audit trail. */
export function LeadHistory({ leadId }: { leadId: string }) {
  const history = useLeadHistory(leadId);
  if (history.isPending) return <Skeleton h={80} />;
  return (
    <Stack gap={6}>
      {history.data?.entries
        .slice()
        .reverse()
        .map((e) => (
          <Text key={`${e.at}-${e.type}`} size="sm">
            {describe(e)}{' '}
            <Text span size="xs" c="dimmed">
              · {e.actorName ?? 'System'} · {formatDateTime(e.at)}
            </Text>
          </Text>
        ))}
    </Stack>
  );
}
