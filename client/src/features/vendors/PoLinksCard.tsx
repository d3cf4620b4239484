import { type Assignment, ZPoLinkCreate } from '@mandap/shared/vendors';
import { Alert, Button, CopyButton, Group, Loader, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { FormError } from '../../ui/FormError.tsx';
import { requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { LinkStatus } from '../../ui/LinkStatus.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useCreatePoLink, usePoLinks, useRevokePoLink } from './vendors.api.ts';

type LinkRequest = z.output<typeof ZPoLinkCreate>;
type MadeLink = { url: string; whatsappUrl: string };

/** The form's rules are the make-link request's: a link lasts 1 to 180 whole days. */
const ZShareForm = requestForm(ZPoLinkCreate, (v: { days: number | null }) => ({ days: required(v.days) }), {
  days: 'say how many days the link lasts',
});

/** Makes a link to the PO lasting the days typed (30 unless changed); `create` sends the checked request. */
export function SharePoLinkForm({
  create,
  onMade,
}: {
  create: (request: LinkRequest) => Promise<MadeLink>;
  onMade: (link: MadeLink) => void;
}) {
  const form = useZodForm(ZShareForm, { days: 30 });
  const days = useField(form, 'days');
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    const { url, whatsappUrl } = await create(request);
    onMade({ url, whatsappUrl });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Share the PO">
      <Stack gap={6}>
        <Group gap="xs" align="flex-start">
          <NumberInput
            label="Lasts (days)"
            allowDecimal={false}
            allowNegative={false}
            {...days}
            value={days.value ?? ''}
            onChange={(v) => days.onChange(v === '' ? null : Number(v))}
            w={120}
          />
          <Button size="xs" variant="light" type="submit" loading={submitting} mt={26}>
            Share PO with the vendor
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Withdraw it any time.
        </Text>
        <FormError message={error} />
      </Stack>
    </form>
  );
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
  const [made, setMade] = useState<MadeLink | null>(null);

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
      {canWrite && a.status !== 'cancelled' && <SharePoLinkForm create={create.mutateAsync} onMade={setMade} />}
      {links.error ? (
        <QueryError error={links.error} />
      ) : !links.data ? (
        <Loader size="xs" />
      ) : (
        links.data.map((l) => (
          <Group key={l.id} gap="xs" justify="space-between" wrap="nowrap" data-testid="po-link-row">
            <Stack gap={0}>
              <Text size="xs">
                By {l.createdByName ?? 'staff'} on {formatDate(l.createdAt)}, until {formatDate(l.expiresAt)}
              </Text>
              <Text size="xs" c="dimmed">
                {l.lastOpenedAt ? `Last opened ${formatDateTime(l.lastOpenedAt)}` : 'Not opened yet'}
              </Text>
            </Stack>
            <LinkStatus
              link={l}
              words={{ action: 'Withdraw', done: 'Withdrawn' }}
              revoking={revoke.isPending && revoke.variables === l.id}
              onRevoke={
                canWrite
                  ? () =>
                      revoke
                        .mutateAsync(l.id)
                        .then(() => setMade(null))
                        .catch((e) =>
                          notifications.show({ color: 'red', title: 'Not withdrawn', message: errorMessage(e) }),
                        )
                  : undefined
              }
            />
          </Group>
        ))
      )}
    </Stack>
  );
}
