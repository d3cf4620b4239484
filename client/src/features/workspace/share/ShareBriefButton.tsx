import { hasPermission, type Role } from '@mandap/shared/access';
import { parseAnyDocName } from '@mandap/shared/docs';
import { type BriefShareLink, ZBriefShareInput } from '@mandap/shared/events';
import {
  Button,
  CopyButton,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { errorMessage } from '../../../api/errors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { requestForm, useField, useSubmit, useZodForm } from '../../../ui/form.ts';
import { LinkStatus } from '../../../ui/LinkStatus.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { useMe } from '../../auth/useSession.ts';
import {
  type BriefShareTarget,
  useBriefShareLinks,
  useCreateBriefShareLink,
  useRevokeBriefShareLink,
} from './briefShare.api.ts';

const DAYS = ['7', '14', '30', '90'];

/** Whose brief this is, when the viewer may share it (leads: leads:write; events: events:write). */
function shareTarget(role: Role, docName: string): BriefShareTarget | null {
  const parsed = parseAnyDocName(docName);
  if (parsed?.kind !== 'brief') return null;
  if (parsed.scope === 'lead') return hasPermission(role, 'leads:write') ? { scope: 'lead', id: parsed.leadId } : null;
  return hasPermission(role, 'events:write') ? { scope: 'event', id: parsed.eventId } : null;
}

/** "Share read-only": a signed, expiring link the client opens without an account, live; revocable. */
export function ShareBriefButton({ docName }: { docName: string }) {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const target = shareTarget(me.role, docName);
  if (!target) return null;
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconShare size={14} />} onClick={() => setOpen(true)}>
        Share read-only
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Share the brief read-only" centered size="lg">
        {open && <ShareDialog target={target} />}
      </Modal>
    </>
  );
}

type BriefShareInput = z.output<typeof ZBriefShareInput>;

/** The share dialog's rules are the link request's (1 to 90 days); the choice is held as the control's text. */
const ZShareForm = requestForm(ZBriefShareInput, (v: { days: string }) => ({ days: Number(v.days) }));

/** Makes a read-only link for the days chosen (shown until the choice changes) and lists those issued. */
export function ShareDialog({
  target,
  create: send,
}: {
  target: BriefShareTarget;
  /** Sends the checked link request; the edge unless a caller gives its own. */
  create?: (request: BriefShareInput) => Promise<BriefShareLink>;
}) {
  const create = useCreateBriefShareLink(target);
  const [made, setMade] = useState<BriefShareLink | null>(null);
  const form = useZodForm(ZShareForm, { days: '14' });
  const days = useField(form, 'days');
  const { onSubmit, error, setError, submitting } = useSubmit(form, async (request) => {
    setMade(await (send ?? create.mutateAsync)(request));
  });
  return (
    <Stack gap="sm">
      <form onSubmit={onSubmit} noValidate aria-label="New read-only link">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Anyone with the link sees the brief and its details as they change, without signing in, and cannot edit or
            comment. The link stops working when it expires, or at once when you revoke it.
          </Text>
          <Group gap="xs" align="center">
            <Text size="sm" id="brief-share-days">
              Valid for
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="brief-share-days"
              value={days.value}
              onChange={(v) => {
                days.onChange(v);
                setMade(null);
                setError(null);
              }}
              data={DAYS.map((d) => ({ value: d, label: `${d} days` }))}
            />
          </Group>
          {days.error && (
            <Text size="sm" c="red">
              {days.error}
            </Text>
          )}
          <FormError message={error} />
          {made ? (
            <>
              <TextInput label="Link" value={made.url} readOnly data-testid="brief-share-url" />
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  Expires on {formatDate(made.expiresAt)}
                </Text>
                <CopyButton value={made.url}>
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
            <Button type="submit" loading={submitting}>
              Create link
            </Button>
          )}
        </Stack>
      </form>
      <IssuedLinks target={target} />
    </Stack>
  );
}

/** Every link issued for this brief (the tokens themselves are never kept), with Revoke on the live ones. */
function IssuedLinks({ target }: { target: BriefShareTarget }) {
  const links = useBriefShareLinks(target, true);
  const revoke = useRevokeBriefShareLink(target);
  if (links.isError) return <QueryError error={links.error} />;
  const rows = links.data ?? [];
  return (
    <Stack gap={4} mt="xs">
      <Title order={3} fz="sm">
        Links issued
      </Title>
      {links.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No link has been issued for this brief yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Made</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((l) => (
                <Table.Tr key={l.id} data-testid="brief-share-link-row">
                  <Table.Td>
                    {formatDateTime(l.createdAt)}
                    {l.createdByName ? ` by ${l.createdByName}` : ''}
                  </Table.Td>
                  <Table.Td>{formatDate(l.expiresAt)}</Table.Td>
                  <Table.Td>
                    <LinkStatus
                      link={l}
                      words={{ action: 'Revoke', done: 'Revoked' }}
                      revoking={revoke.isPending && revoke.variables === l.id}
                      onRevoke={() =>
                        revoke.mutate(l.id, {
                          onError: (e) =>
                            notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(e) }),
                        })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
