import { formatMoney } from '@mandap/shared/money';
import { type BudgetReport, ZBudgetSet } from '@mandap/shared/vendors';
import { Button, Card, Group, Loader, NumberInput, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { asRupees, fieldError, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useEventBudget, useSetBudget, useVendorCategories } from './vendors.api.ts';

const inr = (m: number) => formatMoney({ amountMinor: m, currency: 'INR' });

/**
 * Budget against actual for one event, per category: the budget (entered here), committed
 * (live POs) and paid, with what is left; over budget in red. The margin only for those
 * allowed to see it (the server leaves it out for the rest).
 */
export function BudgetCard({ eventId, canEdit }: { eventId: string; canEdit: boolean }) {
  const budget = useEventBudget(eventId);
  const categories = useVendorCategories();
  const [editing, setEditing] = useState(false);
  const label = (key: string) =>
    categories.data?.find((c) => c.key === key)?.label ?? (key === 'other' ? 'Other (no category)' : key);
  if (budget.error) return <QueryError error={budget.error} onRetry={() => budget.refetch()} />;
  if (!budget.data) return <Loader />;
  const b = budget.data;

  return (
    <Card withBorder data-testid="budget-card">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Budget against actual</Text>
        {canEdit && !editing && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            Edit budget
          </Button>
        )}
      </Group>
      {editing ? (
        <BudgetEditor report={b} eventId={eventId} label={label} onDone={() => setEditing(false)} />
      ) : b.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          No budget and no PO yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Category</Table.Th>
                <Table.Th ta="right">Budget</Table.Th>
                <Table.Th ta="right">Committed (POs)</Table.Th>
                <Table.Th ta="right">Paid</Table.Th>
                <Table.Th ta="right">Left to commit</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...b.lines, { category: '__total', budgetSource: 'manual' as const, ...b.totals }].map((l) => {
                const total = l.category === '__total';
                const over = l.budgetMinor > 0 && l.committedMinor > l.budgetMinor;
                const used = l.budgetMinor > 0 ? Math.min(100, (l.committedMinor / l.budgetMinor) * 100) : 0;
                return (
                  <Table.Tr key={l.category} bg={over ? 'red.0' : undefined} fw={total ? 700 : undefined}>
                    <Table.Td>
                      {total ? 'Total' : label(l.category)}
                      {l.budgetMinor > 0 && !total && (
                        <Progress value={used} color={over ? 'red' : 'teal'} size="xs" mt={4} aria-hidden />
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {l.budgetSource === 'none' ? (
                        <Text size="sm" c="dimmed" span>
                          Not set
                        </Text>
                      ) : (
                        inr(l.budgetMinor)
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{inr(l.committedMinor)}</Table.Td>
                    <Table.Td ta="right">{inr(l.paidMinor)}</Table.Td>
                    <Table.Td ta="right" c={over ? 'red.8' : undefined}>
                      {l.budgetMinor > 0 ? inr(l.budgetMinor - l.committedMinor) : '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {b.margin && (
        <Text size="sm" mt="sm" data-testid="margin">
          Margin: {inr(b.margin.marginMinor)} (quote before tax {inr(b.margin.revenueMinor)} less vendor POs)
        </Text>
      )}
      {b.warnings.map((w) => (
        <Text key={w} size="xs" c="orange.8" mt={4}>
          {w}
        </Text>
      ))}
      <Text size="xs" c="dimmed" mt="xs">
        In INR; a foreign-currency PO at the rate it was booked at. Budgets are entered by hand: the quote has no cost
        side to draw them from yet.
      </Text>
    </Card>
  );
}

/** The budget as typed: one row per category, its amount in paise (blank while being typed). */
interface BudgetValues {
  items: { category: string; budgetMinor: number | null }[];
}
type BudgetRequest = z.output<typeof ZBudgetSet>;

/** The form's rules are the set-budget request's (a known category, a whole amount of paise, not below zero). */
const ZBudgetForm = requestForm(
  ZBudgetSet,
  (v: BudgetValues) => ({ items: v.items.map((i) => ({ ...i, budgetMinor: i.budgetMinor as number })) }),
  { 'items.*.budgetMinor': 'enter the budget (0 for none)' },
);

function BudgetRow({
  form,
  index,
  label,
}: {
  form: UseFormReturn<BudgetValues, unknown, BudgetRequest>;
  index: number;
  label: string;
}) {
  const amount = useField(form, `items.${index}.budgetMinor`);
  const category = form.formState.errors.items?.[index]?.category?.message;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" w={150} mt={6}>
          {label}
        </Text>
        <NumberInput aria-label={`Budget for ${label}`} leftSection="₹" hideControls {...asRupees(amount)} w={180} />
      </Group>
      {category && (
        <Text size="xs" c="red">
          {fieldError(category)}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The event's budget per category, entered by hand; `save` sends the checked request (the edge
 * unless given). POs with no category ("other") are shown in the report but take no budget.
 */
export function BudgetEditor({
  report,
  eventId,
  label,
  onDone,
  save: send,
}: {
  report: BudgetReport;
  eventId: string;
  label: (k: string) => string;
  onDone: () => void;
  save?: (request: BudgetRequest) => Promise<unknown>;
}) {
  const categories = useVendorCategories();
  if (!categories.data) return <Loader size="sm" />;
  const known = new Set(categories.data.map((c) => c.key));
  return (
    <BudgetRows
      initial={report.lines.filter((l) => known.has(l.category))}
      categories={categories.data}
      eventId={eventId}
      label={label}
      onDone={onDone}
      save={send}
    />
  );
}

function BudgetRows({
  initial,
  categories,
  eventId,
  label,
  onDone,
  save: send,
}: {
  initial: { category: string; budgetMinor: number }[];
  categories: { key: string; label: string }[];
  eventId: string;
  label: (k: string) => string;
  onDone: () => void;
  save?: (request: BudgetRequest) => Promise<unknown>;
}) {
  const form = useZodForm(ZBudgetForm, {
    items: initial.map((l) => ({ category: l.category, budgetMinor: l.budgetMinor })),
  });
  const rows = useFieldArray({ control: form.control, name: 'items' });
  const save = useSetBudget(eventId);
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    await (send ?? save.mutateAsync)(request);
    onDone();
  });
  const free = categories.filter((c) => !rows.fields.some((r) => r.category === c.key));

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Budget">
      <Stack gap="xs" data-testid="budget-editor">
        {rows.fields.map((r, i) => (
          <BudgetRow key={r.id} form={form} index={i} label={label(r.category)} />
        ))}
        <Select
          placeholder="Add a category"
          aria-label="Add a budget category"
          data={free.map((c) => ({ value: c.key, label: c.label }))}
          value={null}
          onChange={(v) => v && rows.append({ category: v, budgetMinor: null })}
          w={250}
          searchable
        />
        <FormError message={error} />
        <Group gap="xs">
          <Button size="xs" type="submit" loading={submitting}>
            Save budget
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
