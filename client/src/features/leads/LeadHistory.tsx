import { Skeleton, Stack, Text } from '@mantine/core';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { useLeadHistory } from './leads.api.ts';

function describe(type: string, payload: Record<string, unknown>): string {
  if (type === 'lead.stage_changed')
    return `Stage: ${humanize(String(payload.from))} → ${humanize(String(payload.to))}`;
  if (type === 'lead.updated' && Array.isArray(payload.fields)) return `Edited ${payload.fields.join(', ')}`;
  if (type === 'communication.logged') return `Logged a ${String(payload.kind)}`;
  return humanize(type.replace(/^lead\./, '').replaceAll('.', ' '));
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
            {describe(e.type, e.payload)}{' '}
            <Text span size="xs" c="dimmed">
              · {e.actorName ?? 'System'} · {formatDateTime(e.at)}
            </Text>
          </Text>
        ))}
    </Stack>
  );
}
