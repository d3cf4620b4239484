import { allocate, type Currency, formatMoney } from '@mandap/shared/money';
import { type Assignment, ZScheduleSet } from '@mandap/shared/vendors';
import { ActionIcon, Badge, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { formatDate, todayInKolkata } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { asMoney, fieldError, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { useSchedule, useSetSchedule } from './vendors.api.ts';

/** A part of the schedule as typed: its due date not picked yet. */
interface Part {
  label: string;
  dueDate: string | null;
  amountMinor: number;
}

interface ScheduleValues {
  items: Part[];
}

type ScheduleRequest = z.output<typeof ZScheduleSet>;

/**
 * The form's rules are the set-schedule request's (a name and a due date for each part, at most
 * 20 parts), and the parts add up to the PO, as the server also checks.
 */
const scheduleForm = (poMinor: number, currency: Currency) =>
  requestForm(
    ZScheduleSet.superRefine(({ items }, ctx) => {
      const sum = items.reduce((s, i) => s + i.amountMinor, 0);
      if (sum !== poMinor)
        ctx.addIssue({
          code: 'custom',
          path: ['items'],
          message: `the parts add up to ${formatMoney({ amountMinor: sum, currency })} but the PO is ${formatMoney({ amountMinor: poMinor, currency })}`,
        });
    }),
    (v: ScheduleValues) => ({ items: v.items.map((p) => ({ ...p, dueDate: p.dueDate ?? '' })) }),
    { 'items.*.label': 'name the part', 'items.*.dueDate': 'enter the due date (dd/mm/yyyy)' },
  );

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

function PartRow({
  form,
  index,
  currency,
  onRemove,
  onAmount,
}: {
  form: UseFormReturn<ScheduleValues, unknown, ScheduleRequest>;
  index: number;
  currency: Currency;
  onRemove?: () => void;
  onAmount: () => void;
}) {
  const dueDate = useField(form, `items.${index}.dueDate`);
  const amount = useField(form, `items.${index}.amountMinor`);
  const label = form.watch(`items.${index}.label`);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label="Part"
        {...form.register(`items.${index}.label`)}
        error={fieldError(form.formState.errors.items?.[index]?.label?.message)}
        w={130}
      />
      <DateField label="Due" {...dueDate} w={140} />
      <MoneyInput
        label={`Amount (${currency})`}
        currency={currency}
        {...asMoney(amount)}
        onChangeMinor={(minor) => {
          amount.onChange(minor);
          onAmount();
        }}
        w={150}
      />
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`Remove ${label.trim() || 'part'}`}
        onClick={onRemove}
        disabled={!onRemove}
        mb={4}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** Finance sets the parts of a PO's schedule; `save` sends the checked request (the edge unless given). */
export function ScheduleEditor({
  assignment: a,
  initial,
  onDone,
  save: send,
}: {
  assignment: Assignment;
  initial: Part[];
  onDone: () => void;
  save?: (request: ScheduleRequest) => Promise<unknown>;
}) {
  const currency = a.currency as Currency;
  const schema = useMemo(() => scheduleForm(a.amountMinor, currency), [a.amountMinor, currency]);
  const form = useZodForm(schema, { items: initial });
  const parts = useFieldArray({ control: form.control, name: 'items' });
  const typed = form.watch('items');
  const save = useSetSchedule(a.id);
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    await (send ?? save.mutateAsync)(request);
    onDone();
  });
  const diff = a.amountMinor - typed.reduce((s, p) => s + p.amountMinor, 0);
  // The schema's refusal of the whole list lands on its root; the server's under the list's own name.
  const sumError = form.formState.errors.items?.root?.message ?? form.formState.errors.items?.message;
  // A change of amount checks the sum again, so a refusal of it does not outlive its cause.
  const recheckSum = () => {
    if (form.formState.errors.items?.root) void form.trigger('items');
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Payment schedule">
      <Stack gap="xs" data-testid="schedule-editor">
        {parts.fields.map((p, i) => (
          <PartRow
            key={p.id}
            form={form}
            index={i}
            currency={currency}
            onRemove={
              parts.fields.length > 1
                ? () => {
                    parts.remove(i);
                    recheckSum();
                  }
                : undefined
            }
            onAmount={recheckSum}
          />
        ))}
        <Group gap="xs">
          <Button
            size="xs"
            variant="subtle"
            onClick={() =>
              parts.append({ label: `Part ${parts.fields.length + 1}`, dueDate: null, amountMinor: Math.max(diff, 0) })
            }
            disabled={parts.fields.length >= 20}
          >
            Add part
          </Button>
          <Text size="xs" c={diff === 0 ? 'dimmed' : 'red.8'}>
            {diff === 0
              ? 'Adds up to the PO.'
              : `${formatMoney({ amountMinor: Math.abs(diff), currency })} ${diff > 0 ? 'short of' : 'over'} the PO.`}
          </Text>
        </Group>
        {sumError && (
          <Text size="sm" c="red" role="alert">
            {fieldError(sumError)}
          </Text>
        )}
        <FormError message={error} />
        <Group gap="xs">
          <Button size="xs" type="submit" loading={submitting}>
            Save schedule
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
