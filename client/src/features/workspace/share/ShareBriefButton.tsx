import { type BriefShareLink, hasPermission, type Role, ZBriefShareLink } from '@mandap/shared';
import { parseAnyDocName } from '@mandap/shared/docs';
import { Alert, Button, CopyButton, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconShare } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { formatDate } from '../../../lib/format.ts';
import { useMe } from '../../auth/useSession.ts';

const DAYS = ['7', '14', '30', '90'];

/** The edge route that signs a read-only link for this brief, or null when the viewer may not. */
function shareEndpoint(role: Role, docName: string): string | null {
  const parsed = parseAnyDocName(docName);
  if (parsed?.kind !== 'brief') return null;
  if (parsed.scope === 'lead') {
    return hasPermission(role, 'leads:write') ? `/api/workspace/leads/${parsed.leadId}/brief-share-link` : null;
  }
  return hasPermission(role, 'events:write') ? `/api/workspace/events/${parsed.eventId}/brief-share-link` : null;
}

/** "Share read-only": a signed, expiring link the client opens without an account, live. */
export function ShareBriefButton({ docName }: { docName: string }) {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState('14');
  const endpoint = shareEndpoint(me.role, docName);
  const create = useMutation<BriefShareLink, Error>({
    mutationFn: () => api(endpoint ?? '', { method: 'POST', body: { days: Number(days) }, schema: ZBriefShareLink }),
  });
  if (!endpoint) return null;
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconShare size={14} />} onClick={() => setOpen(true)}>
        Share read-only
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Share the brief read-only" centered>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Anyone with the link sees the brief and its details as they change, without signing in, and cannot edit or
            comment. The link stops working when it expires.
          </Text>
          <Group gap="xs" align="center">
            <Text size="sm">Valid for</Text>
            <SegmentedControl
              size="xs"
              value={days}
              onChange={(v) => {
                setDays(v);
                create.reset();
              }}
              data={DAYS.map((d) => ({ value: d, label: `${d} days` }))}
            />
          </Group>
          {create.error && <Alert color="red">{create.error.message}</Alert>}
          {create.data ? (
            <>
              <TextInput label="Link" value={create.data.url} readOnly data-testid="brief-share-url" />
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  Expires on {formatDate(create.data.expiresAt)}
                </Text>
                <CopyButton value={create.data.url}>
                  {({ copied, copy }) => (
                    <Button
                      size="xs"
                      leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                      onClick={copy}
                    >
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </>
          ) : (
            <Button onClick={() => create.mutate()} loading={create.isPending}>
              Create link
            </Button>
          )}
        </Stack>
      </Modal>
    </>
  );
}
