import { allocate, type Currency, formatMoney } from '@mandap/shared/money';
import type { Assignment } from '@mandap/shared/vendors';
import { ActionIcon, Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, todayInKolkata } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { useSchedule, useSetSchedule } from './vendors.api.ts';

interface Part {
  label: string;
  dueDate: string | null;
  amountMinor: number;
}

/** When each part of a PO falls due and what is paid of it; finance sets it (it must add up to the PO). */
export function ScheduleCard({ assignment: a, canEdit }: { assignment: Assignment; canEdit: boolean }) {
  const q = useSchedule(a.id);
  const [editing, setEditing] = useState<Part[] | null>(null);
  const currency = a.currency as Currency;
  const money = (m: number) => formatMoney({ amountMinor: m, currency });
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Loader size="sm" />;
  const today = todayInKolkata();

  if (editing) return <ScheduleEditor assignment={a} initial={editing} onDone={() => setEditing(null)} />;

  const startEditing = () => {
    if (q.data.length) return setEditing(q.data.map((s) => ({ ...s })));
    const [adv, bal] = allocate(a.amountMinor, [1, 1]);
    setEditing([
      { label: 'Advance', dueDate: today, amountMinor: adv! },
      { label: 'Balance', dueDate: a.eventStartDate, amountMinor: bal! },
    ]);
  };

  return (
    <Stack gap="xs" data-testid="po-schedule">
      {q.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No payment schedule yet: the PO does not show in payables until it has one.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Part</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th ta="right">Paid</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.map((s) => {
                const open = s.amountMinor > s.paidMinor;
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.label}</Table.Td>
                    <Table.Td>
                      {formatDate(s.dueDate)}{' '}
                      {open && s.dueDate < today && (
                        <Badge color="red" variant="light" size="xs">
                          Overdue
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{money(s.amountMinor)}</Table.Td>
                    <Table.Td ta="right">{money(s.paidMinor)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && a.paidMinor === 0 && a.status !== 'cancelled' && (
        <Group>
          <Button size="xs" variant="light" onClick={startEditing}>
            {q.data.length ? 'Change schedule' : 'Set payment schedule'}
          </Button>
        </Group>
      )}
      {canEdit && a.paidMinor > 0 && (
        <Text size="xs" c="dimmed">
          Money has been paid against this PO, so its schedule is fixed.
        </Text>
      )}
    </Stack>
  );
}

function ScheduleEditor({
  assignment: a,
  initial,
  onDone,
}: {
  assignment: Assignment;
  initial: Part[];
  onDone: () => void;
}) {
  const [parts, setParts] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = useSetSchedule(a.id);
  const currency = a.currency as Currency;
  const sum = parts.reduce((s, p) => s + p.amountMinor, 0);
  const diff = a.amountMinor - sum;
  const set = (i: number, patch: Partial<Part>) => setParts(parts.map((p, n) => (n === i ? { ...p, ...patch } : p)));

  async function submit() {
    setError(null);
    if (parts.some((p) => !p.dueDate || !p.label.trim())) return setError('Every part needs a name and a due date.');
    try {
      await save.mutateAsync(
        parts.map((p) => ({ label: p.label.trim(), dueDate: p.dueDate!, amountMinor: p.amountMinor })),
      );
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Stack gap="xs" data-testid="schedule-editor">
      {parts.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id until saved
        <Group key={i} gap="xs" align="flex-end" wrap="wrap">
          <TextInput label="Part" value={p.label} onChange={(e) => set(i, { label: e.currentTarget.value })} w={130} />
          <DateField label="Due" value={p.dueDate} onChange={(d) => set(i, { dueDate: d })} w={140} />
          <MoneyInput
            label={`Amount (${currency})`}
            currency={currency}
            valueMinor={p.amountMinor}
            onChangeMinor={(m) => set(i, { amountMinor: m })}
            w={150}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove ${p.label || 'part'}`}
            onClick={() => setParts(parts.filter((_, n) => n !== i))}
            disabled={parts.length === 1}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs">
        <Button
          size="xs"
          variant="subtle"
          onClick={() =>
            setParts([...parts, { label: `Part ${parts.length + 1}`, dueDate: null, amountMinor: Math.max(diff, 0) }])
          }
          disabled={parts.length >= 20}
        >
          Add part
        </Button>
        <Text size="xs" c={diff === 0 ? 'dimmed' : 'red.8'}>
          {diff === 0
            ? 'Adds up to the PO.'
            : `${formatMoney({ amountMinor: Math.abs(diff), currency })} ${diff > 0 ? 'short of' : 'over'} the PO.`}
        </Text>
      </Group>
      {error && (
        <Alert color="red" variant="light" title="Not saved">
          {error}
        </Alert>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={submit} loading={save.isPending} disabled={diff !== 0}>
          Save schedule
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
