import type { Assignment, PoLink } from '@mandap/shared/vendors';
import { Alert, Anchor, Badge, Button, CopyButton, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useCreatePoLink, usePoLinks, useRevokePoLink } from './vendors.api.ts';

function linkState(l: PoLink): { label: string; color: string } {
  if (l.revokedAt) return { label: `Withdrawn ${formatDate(l.revokedAt)}`, color: 'gray' };
  if (Date.parse(l.expiresAt) <= Date.now()) return { label: `Expired ${formatDate(l.expiresAt)}`, color: 'gray' };
  return { label: `Live until ${formatDate(l.expiresAt)}`, color: 'green' };
}

/**
 * The vendor's link to their PO: staff make one (signed, expiring), send it on WhatsApp or copy
 * it, see when it was last opened, and withdraw it. The URL is shown once, when made: the
 * server keeps no token, only the row that lets it be withdrawn.
 */
export function PoLinksCard({ assignment: a, canWrite }: { assignment: Assignment; canWrite: boolean }) {
  const links = usePoLinks(a.id);
  const create = useCreatePoLink(a.id);
  const revoke = useRevokePoLink();
  const [made, setMade] = useState<{ url: string; whatsappUrl: string } | null>(null);

  return (
    <Stack gap="xs" data-testid="po-links">
      {a.poAcceptedAt ? (
        <Text size="sm" c="green.8">
          Accepted by {a.poAcceptedName} on {formatDateTime(a.poAcceptedAt)}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          The vendor has not accepted this PO through a link.
        </Text>
      )}
      {made && (
        <Alert color="blue" variant="light" title="Link ready for the vendor">
          <Stack gap={6}>
            <TextInput readOnly value={made.url} aria-label="PO link" data-testid="po-link-url" />
            <Group gap="xs">
              <CopyButton value={made.url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" component="a" href={made.whatsappUrl} target="_blank" rel="noreferrer" color="green">
                Send on WhatsApp
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {canWrite && a.status !== 'cancelled' && (
        <Group>
          <Button
            size="xs"
            variant="light"
            loading={create.isPending}
            onClick={() =>
              create
                .mutateAsync({ days: 30 })
                .then((r) => setMade({ url: r.url, whatsappUrl: r.whatsappUrl }))
                .catch((e) => notifications.show({ color: 'red', title: 'No link made', message: errorMessage(e) }))
            }
          >
            Share PO with the vendor
          </Button>
          <Text size="xs" c="dimmed">
            Lasts 30 days; withdraw it any time.
          </Text>
        </Group>
      )}
      {links.error ? (
        <QueryError error={links.error} />
      ) : !links.data ? (
        <Loader size="xs" />
      ) : (
        links.data.map((l) => {
          const state = linkState(l);
          const live = state.color === 'green';
          return (
            <Group key={l.id} gap="xs" justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Group gap={6}>
                  <Badge size="sm" variant="light" color={state.color}>
                    {state.label}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    by {l.createdByName ?? 'staff'} on {formatDate(l.createdAt)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {l.lastOpenedAt ? `Last opened ${formatDateTime(l.lastOpenedAt)}` : 'Not opened yet'}
                </Text>
              </Stack>
              {canWrite && live && (
                <Anchor
                  size="xs"
                  c="red.8"
                  component="button"
                  onClick={() =>
                    revoke
                      .mutateAsync(l.id)
                      .then(() => setMade(null))
                      .catch((e) =>
                        notifications.show({ color: 'red', title: 'Not withdrawn', message: errorMessage(e) }),
                      )
                  }
                >
                  Withdraw
                </Anchor>
              )}
            </Group>
          );
        })
      )}
    </Stack>
  );
}
