import type { Communication } from '@mandap/shared/leads';
import { Anchor, Badge, Group, Skeleton, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandWhatsapp, IconMail, IconNote, IconPaperclip, IconPhone, IconUsers } from '@tabler/icons-react';
import { errorMessage } from '../../api/errors.ts';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { downloadAttachment } from './attachments.api.ts';
import { useQueuedCommunications } from './communicationQueue.ts';
import { useCommunications } from './leads.api.ts';
import { QueuedCommunications } from './QueuedCommunications.tsx';

const ICONS = {
  call: IconPhone,
  whatsapp: IconBrandWhatsapp,
  meeting: IconUsers,
  email: IconMail,
  note: IconNote,
} as const;

const sizeText = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function Attachments({ leadId, c }: { leadId: string; c: Communication }) {
  if (c.attachments.length === 0) return null;
  return (
    <Stack gap={2} aria-label="Attachments">
      {c.attachments.map((a) => (
        <Group key={a.id} gap={4} wrap="nowrap">
          <IconPaperclip size={14} />
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() =>
              downloadAttachment(leadId, a.id, a.fileName).catch((err) =>
                notifications.show({ color: 'red', message: errorMessage(err) }),
              )
            }
          >
            {a.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {sizeText(a.sizeBytes)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function detailLines(c: Communication): string[] {
  const d = (c.details ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  if (typeof d.subject === 'string') lines.push(`Subject: ${d.subject}`);
  if (Array.isArray(d.attendees) && d.attendees.length) lines.push(`Attendees: ${d.attendees.join(', ')}`);
  if (typeof d.meetLink === 'string') lines.push(d.meetLink);
  if (typeof d.clientReactions === 'string') lines.push(`Reactions: ${d.clientReactions}`);
  if (typeof d.decisions === 'string') lines.push(`Decided: ${d.decisions}`);
  return lines;
}

/** What was logged with the lead: anything still queued on this device first, then the server's timeline. */
export function LeadTimeline({ leadId }: { leadId: string }) {
  const queued = useQueuedCommunications(leadId);
  return (
    <Stack gap="md">
      <QueuedCommunications queued={queued} />
      <LoggedCommunications leadId={leadId} anyQueued={queued.length > 0} />
    </Stack>
  );
}

function LoggedCommunications({ leadId, anyQueued }: { leadId: string; anyQueued: boolean }) {
  const comms = useCommunications(leadId);
  if (comms.isPending) return <Skeleton h={120} />;
  if (comms.isError) return <QueryError error={comms.error} onRetry={() => comms.refetch()} />;
  if (comms.data.communications.length === 0)
    return anyQueued ? null : (
      <Text size="sm" c="dimmed">
        No calls, messages or meetings logged yet.
      </Text>
    );
  return (
    <Timeline bulletSize={26} lineWidth={2} aria-label="Communication timeline">
      {comms.data.communications.map((c) => {
        const Icon = ICONS[c.kind];
        return (
          <Timeline.Item
            key={c.id}
            bullet={
              <ThemeIcon size={26} radius="xl" variant="light">
                <Icon size={14} />
              </ThemeIcon>
            }
            title={
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {humanize(c.kind === 'whatsapp' ? 'WhatsApp' : c.kind)}
                </Text>
                {c.outcome && (
                  <Badge size="xs" variant="light">
                    {humanize(c.outcome)}
                  </Badge>
                )}
                {c.durationSeconds != null && (
                  <Text size="xs" c="dimmed">
                    {Math.round(c.durationSeconds / 60)} min
                  </Text>
                )}
              </Group>
            }
          >
            <Stack gap={2}>
              {c.body && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Text>
              )}
              {detailLines(c).map((l) => (
                <Text key={l} size="xs" c="dimmed">
                  {l}
                </Text>
              ))}
              <Attachments leadId={leadId} c={c} />
              <Text size="xs" c="dimmed">
                {formatDateTime(c.occurredAt)}
                {c.byName ? ` · ${c.byName}` : ''}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
