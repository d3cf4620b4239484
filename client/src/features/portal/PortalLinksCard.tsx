import { type CreatePortalLink, type PortalLink, ZCreatePortalLink } from '@mandap/shared/live';
import { Button, Group, NumberInput, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, optionalText, requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { LinkStatus } from '../../ui/LinkStatus.tsx';
import { OneTimeLink } from '../../ui/OneTimeLink.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useCreatePortalLink, usePortalLinks, useRevokePortalLink } from './portal.api.ts';

/** A link as typed: the days box is blank (null) until a number is in it. */
interface LinkValues {
  label: string;
  days: number | null;
}

/** The form's rules are the create-link request's (a label of at most 120 characters, 1 to 365 days). */
const ZLinkForm = requestForm(
  ZCreatePortalLink,
  (v: LinkValues) => ({ label: optionalText(v.label), days: required(v.days) }),
  { days: 'enter how many days the link works' },
);

/** Staff make signed links to the client page (each shown once) and withdraw them. */
export function PortalLinksCard({
  eventId,
  create: send,
  revoke: withdraw,
}: {
  eventId: string;
  /** Sends the checked link request; the edge unless a caller gives its own. */
  create?: (request: CreatePortalLink) => Promise<{ link: PortalLink }>;
  /** Withdraws a link; the edge unless a caller gives its own. */
  revoke?: (linkId: string) => Promise<unknown>;
}) {
  const links = usePortalLinks(eventId);
  const create = useCreatePortalLink(eventId);
  const revoke = useRevokePortalLink(eventId, withdraw);
  const [made, setMade] = useState<string | null>(null);
  const form = useZodForm(ZLinkForm, { label: '', days: 60 });
  const days = useField(form, 'days');
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    setMade(null);
    const { link } = await (send ?? create.mutateAsync)(request);
    setMade(link.url ?? null);
    form.reset({ label: '', days: request.days });
  });

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="lg" mb={4}>
        Links to the client page
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A signed link that opens this event's page without a login. It expires on its own, and you can withdraw it at
        any time.
      </Text>
      <form onSubmit={onSubmit} noValidate aria-label="New link to the client page">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Made for"
            placeholder="Ananya (the bride's mother)"
            {...form.register('label')}
            error={fieldError(form.formState.errors.label?.message)}
            w={260}
          />
          <NumberInput
            label="Valid for (days)"
            min={1}
            max={365}
            clampBehavior="none"
            allowDecimal={false}
            name={days.name}
            ref={days.ref}
            onBlur={days.onBlur}
            error={days.error}
            value={days.value ?? ''}
            onChange={(v) => days.onChange(v === '' || !Number.isFinite(Number(v)) ? null : Number(v))}
            w={140}
          />
          <Button type="submit" loading={submitting} mt={25}>
            Make a link
          </Button>
        </Group>
      </form>
      <FormError message={error} />
      {made && (
        <OneTimeLink
          url={made}
          mt="sm"
          title="Link made: copy it now (it is not shown again)"
          copyLabel="Copy link"
          testId="portal-link-url"
        />
      )}
      <FormError message={revoke.error ? `Not withdrawn: ${errorMessage(revoke.error)}` : null} />
      {links.isError ? (
        <QueryError error={links.error} />
      ) : (
        <Table.ScrollContainer minWidth={560} mt="md">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>For</Table.Th>
                <Table.Th>Made</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Last opened</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(links.data ?? []).map((l) => (
                <Table.Tr key={l.id} data-testid="portal-link-row">
                  <Table.Td>{l.label ?? '—'}</Table.Td>
                  <Table.Td>
                    {formatDate(l.createdAt)}
                    {l.createdByName ? ` by ${l.createdByName}` : ''}
                  </Table.Td>
                  <Table.Td>{formatDate(l.expiresAt)}</Table.Td>
                  <Table.Td>{l.lastOpenedAt ? formatDateTime(l.lastOpenedAt) : 'never'}</Table.Td>
                  <Table.Td>
                    <LinkStatus
                      link={l}
                      words={{ action: 'Withdraw', done: 'Withdrawn' }}
                      revoking={revoke.isPending && revoke.variables === l.id}
                      onRevoke={() => revoke.mutate(l.id)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
