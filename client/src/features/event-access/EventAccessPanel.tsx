import {
  accessLevelsFor,
  EVENT_ACCESS_LABELS,
  type EventAccessEntry,
  type EventAccessLevel,
} from '@mandap/shared/access';
import { Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { AddAccessForm, personLabel } from './AddAccessForm.tsx';
import { useAccessCandidates, useEventAccess, useEventAccessChange } from './eventAccess.api.ts';

/** How the link came about, and when: "Added by Priya Nair on 14/12/2026". */
function grantLine(p: EventAccessEntry): string {
  const by = p.grantedByName ? ` by ${p.grantedByName}` : '';
  const when = formatDate(p.createdAt);
  return p.source === 'assignment'
    ? `With their vendor assignment${by}, ${when}. Goes when their last assignment here is cancelled.`
    : `Added${by} on ${when}.`;
}

function PersonRow({
  person: p,
  busy,
  onAccess,
  onRemove,
}: {
  person: EventAccessEntry;
  busy: boolean;
  onAccess: (access: EventAccessLevel) => void;
  onRemove: () => void;
}) {
  const levels = accessLevelsFor(p.role);
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="wrap"
      gap="xs"
      py="xs"
      data-testid="event-access-row"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
        <Text fw={500} size="sm">
          {personLabel(p)}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {p.email}
        </Text>
        <Text size="xs" c="dimmed">
          {grantLine(p)}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        {levels.length > 1 ? (
          <SegmentedControl
            size="xs"
            aria-label={`Access for ${p.name}`}
            data={levels.map((l) => ({ value: l, label: EVENT_ACCESS_LABELS[l] }))}
            value={p.access}
            onChange={(v) => onAccess(v as EventAccessLevel)}
            disabled={busy}
          />
        ) : (
          <Badge variant="light" color="gray">
            {EVENT_ACCESS_LABELS[p.access]}
          </Badge>
        )}
        <Button size="compact-sm" variant="subtle" color="red" onClick={onRemove} aria-label={`Remove ${p.name}`}>
          Remove
        </Button>
      </Group>
    </Group>
  );
}

/**
 * Who outside the house can see this event: vendor and client users, each with view-only or edit
 * access, who granted it and when. A manager adds a person, changes their access or removes them;
 * removing closes their open documents of the event within seconds. Shown to roles that hold
 * `events:write` (the API's permission) only.
 */
export function EventAccessPanel({ eventId }: { eventId: string }) {
  const people = useEventAccess(eventId);
  const { set, remove } = useEventAccessChange(eventId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<EventAccessEntry | null>(null);
  const candidates = useAccessCandidates(adding);
  const linked = new Set(people.data?.map((p) => p.userId));

  const changeAccess = (p: EventAccessEntry, access: EventAccessLevel) =>
    set.mutate(
      { userId: p.userId, access },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: `${p.name}: ${EVENT_ACCESS_LABELS[access].toLowerCase()}.`,
          }),
        onError: (err) => notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(err) }),
      },
    );

  const confirmRemove = () => {
    if (!removing) return;
    remove.mutate(removing.userId, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `${removing.name} no longer has access to this event.` });
        setRemoving(null);
      },
      onError: (err) => notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(err) }),
    });
  };

  return (
    <Card withBorder mb="md" data-testid="event-access">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <Stack gap={2} style={{ flex: '1 1 14rem' }}>
          <Text fw={600}>Vendors and clients with access</Text>
          <Text size="xs" c="dimmed">
            Staff see every event. A vendor or client sees only the events they are added to.
          </Text>
        </Stack>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconUserPlus size={14} />}
          onClick={() => setAdding(true)}
        >
          Add a person
        </Button>
      </Group>
      {people.isError && <QueryError error={people.error} />}
      {people.isPending && <Text size="sm">Loading…</Text>}
      {people.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No vendor or client has access to this event yet.
        </Text>
      )}
      {people.data?.map((p) => (
        <PersonRow
          key={p.userId}
          person={p}
          busy={set.isPending && set.variables?.userId === p.userId}
          onAccess={(access) => changeAccess(p, access)}
          onRemove={() => setRemoving(p)}
        />
      ))}

      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a person to this event" centered>
        {candidates.isError && <QueryError error={candidates.error} />}
        {candidates.isPending ? (
          <Text size="sm">Loading…</Text>
        ) : (
          <AddAccessForm
            candidates={(candidates.data ?? []).filter((c) => !linked.has(c.userId))}
            onCancel={() => setAdding(false)}
            onAdd={async (request) => {
              const entry = await set.mutateAsync(request);
              notifications.show({
                color: 'teal',
                message: `${entry.name} can now ${entry.access === 'write' ? 'edit' : 'view'} this event.`,
              });
              setAdding(false);
            }}
          />
        )}
      </Modal>

      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove their access?" centered>
        {removing && (
          <Text size="sm">
            {removing.name} ({removing.email}) will no longer see this event. Their open pages of it close within
            seconds. You can add them again later.
          </Text>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setRemoving(null)}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={confirmRemove}>
            Remove access
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
