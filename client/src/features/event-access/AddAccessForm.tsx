import {
  accessLevelsFor,
  EVENT_ACCESS_LABELS,
  type EventAccessCandidate,
  type EventAccessLevel,
  ZEventAccessInput,
} from '@mandap/shared/access';
import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';

interface AddAccessValues {
  userId: string | null;
  access: EventAccessLevel;
}

/** The link request's rules (read or write), and a person must be chosen. */
const ZAddAccessForm = requestForm(
  ZEventAccessInput.extend({ userId: z.uuid({ error: 'choose a person' }) }),
  (v: AddAccessValues) => ({ userId: required(v.userId), access: v.access }),
  { userId: 'choose a person' },
);
export type AddAccessRequest = z.output<typeof ZAddAccessForm>;

const ROLE_WORD = { vendor: 'Vendor', client: 'Client' } as const;

export const personLabel = (p: { name: string; role: string; vendorName: string | null }) =>
  `${p.name} · ${ROLE_WORD[p.role as keyof typeof ROLE_WORD] ?? p.role}${p.vendorName && !p.name.includes(p.vendorName) ? ` (${p.vendorName})` : ''}`;

/**
 * Adds a vendor or client user to the event: pick one of the people not yet linked, and how
 * (a client can only view; a vendor can also edit the tasks and the event-day console).
 */
export function AddAccessForm({
  candidates,
  onAdd,
  onCancel,
}: {
  /** The vendor and client users not yet linked to this event. */
  candidates: EventAccessCandidate[];
  onAdd: (request: AddAccessRequest) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useZodForm(ZAddAccessForm, { userId: null, access: 'read' });
  const userId = useField(form, 'userId');
  const access = useField(form, 'access');
  const chosen = candidates.find((c) => c.userId === userId.value);
  const levels = chosen ? accessLevelsFor(chosen.role) : (['read'] as const);
  const { onSubmit, error, submitting } = useSubmit(form, onAdd);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a person to this event">
      <Stack>
        <FormError message={error} />
        <Select
          label="Person"
          placeholder={candidates.length ? 'Search by name or email' : 'Everyone is already added'}
          data={candidates.map((c) => ({ value: c.userId, label: `${personLabel(c)} · ${c.email}` }))}
          searchable
          nothingFoundMessage="No vendor or client user by that name"
          {...userId}
          onChange={(v) => {
            userId.onChange(v);
            const role = candidates.find((c) => c.userId === v)?.role;
            // A vendor is added to do their work; a client only ever views.
            form.setValue('access', role === 'vendor' ? 'write' : 'read');
          }}
          required
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="add-access-level">
            Access
          </Text>
          <SegmentedControl
            aria-labelledby="add-access-level"
            data={levels.map((l) => ({ value: l, label: EVENT_ACCESS_LABELS[l] }))}
            value={access.value}
            onChange={(v) => access.onChange(v as EventAccessLevel)}
          />
          <Text size="xs" c="dimmed">
            {chosen?.role === 'client'
              ? 'Clients view their event; only vendors can edit.'
              : 'Can edit: the task board and the event-day console. View only: they read them.'}
          </Text>
          {access.error && (
            <Text size="sm" c="red" role="alert">
              {access.error}
            </Text>
          )}
        </Stack>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Add
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
