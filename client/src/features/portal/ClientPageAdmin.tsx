import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime, todayInKolkata } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LinkStatus } from '../../ui/LinkStatus.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useEvent } from '../workspace/useEvent.ts';
import {
  useAddStep,
  useCreatePortalLink,
  usePortalLinks,
  usePreparation,
  useRevokePortalLink,
  useUpdateStep,
} from './portal.api.ts';
import { SignInLinkCard } from './SignInLinkCard.tsx';

function Links({ eventId }: { eventId: string }) {
  const links = usePortalLinks(eventId);
  const create = useCreatePortalLink(eventId);
  const revoke = useRevokePortalLink(eventId);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<number>(60);
  const [made, setMade] = useState<string | null>(null);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="lg" mb={4}>
        Links to the client page
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A signed link that opens this event's page without a login. It expires on its own, and you can withdraw it at
        any time.
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Made for"
          placeholder="Ananya (the bride's mother)"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          w={260}
        />
        <NumberInput
          label="Valid for (days)"
          min={1}
          max={365}
          value={days}
          onChange={(v) => setDays(Number(v) || 1)}
          w={140}
        />
        <Button
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { label: label || undefined, days },
              {
                onSuccess: ({ link }) => {
                  setMade(link.url ?? null);
                  setLabel('');
                },
              },
            )
          }
        >
          Make a link
        </Button>
      </Group>
      <FormError message={create.error?.message} />
      {made && (
        <Alert color="green" mt="sm" title="Link made: copy it now (it is not shown again)">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="portal-link-url">
              {made}
            </Text>
            <CopyButton value={made}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy'}>
                  <ActionIcon variant="light" onClick={copy} aria-label="Copy link">
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
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

function Steps({ eventId }: { eventId: string }) {
  const steps = usePreparation(eventId);
  const add = useAddStep(eventId);
  const update = useUpdateStep(eventId);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [visible, setVisible] = useState(true);
  const today = todayInKolkata();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="lg" mb={4}>
        Preparation steps
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Steps marked “client sees it” appear on the client's page, live. The others stay with the team.
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Step"
          placeholder="Floral arrangements confirmed"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          w={300}
        />
        <DateField label="By" value={dueDate} onChange={setDueDate} w={150} />
        <Switch label="Client sees it" checked={visible} onChange={(e) => setVisible(e.currentTarget.checked)} mb={8} />
        <Button
          loading={add.isPending}
          disabled={title.trim() === ''}
          onClick={() => add.mutate({ title, dueDate, clientVisible: visible }, { onSuccess: () => setTitle('') })}
        >
          Add step
        </Button>
      </Group>
      <FormError message={(add.error ?? update.error)?.message} />
      {steps.isError ? (
        <QueryError error={steps.error} />
      ) : (
        <Stack gap={6} mt="md">
          {(steps.data ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              No steps yet.
            </Text>
          )}
          {(steps.data ?? []).map((s) => (
            <Group key={s.id} justify="space-between" wrap="nowrap" data-testid="prep-step">
              <Checkbox
                checked={s.doneAt !== null}
                onChange={(e) => update.mutate({ id: s.id, done: e.currentTarget.checked })}
                label={
                  <Text size="sm" td={s.doneAt ? 'line-through' : undefined}>
                    {s.title}
                    {s.dueDate && (
                      <Text span size="xs" c={!s.doneAt && s.dueDate < today ? 'red' : 'dimmed'}>
                        {' '}
                        · by {formatDate(s.dueDate)}
                      </Text>
                    )}
                  </Text>
                }
              />
              <Switch
                size="sm"
                label="Client sees it"
                checked={s.clientVisible}
                onChange={(e) => update.mutate({ id: s.id, clientVisible: e.currentTarget.checked })}
              />
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** /events/:eventId/client-page: staff share and withdraw the client's page and choose what it shows. */
export function ClientPageAdmin() {
  const { eventId = '' } = useParams();
  const event = useEvent(eventId);
  if (event.isError) return <QueryError error={event.error} />;
  return (
    <Stack gap="md">
      <PageHeader
        title={event.data ? `Client page · ${event.data.name}` : 'Client page'}
        description="What the client sees of this event, live: status, preparation, brief, quotations and payments."
        actions={
          <Button
            component={Link}
            to={`/portal/events/${eventId}`}
            variant="light"
            leftSection={<IconExternalLink size={16} />}
          >
            Preview as the client
          </Button>
        }
      />
      <Links eventId={eventId} />
      <SignInLinkCard eventId={eventId} />
      <Steps eventId={eventId} />
    </Stack>
  );
}
