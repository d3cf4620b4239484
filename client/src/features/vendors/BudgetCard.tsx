import { formatMoney } from '@mandap/shared/money';
import type { BudgetReport } from '@mandap/shared/vendors';
import { Alert, Button, Card, Group, Loader, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
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

function BudgetEditor({
  report,
  eventId,
  label,
  onDone,
}: {
  report: BudgetReport;
  eventId: string;
  label: (k: string) => string;
  onDone: () => void;
}) {
  const categories = useVendorCategories();
  const [rows, setRows] = useState(report.lines.map((l) => ({ category: l.category, budgetMinor: l.budgetMinor })));
  const [error, setError] = useState<string | null>(null);
  const save = useSetBudget(eventId);
  const free = (categories.data ?? []).filter((c) => !rows.some((r) => r.category === c.key));
  const known = new Set((categories.data ?? []).map((c) => c.key));

  async function submit() {
    setError(null);
    try {
      // 'other' (a PO with no category) is not a category a budget can be set for.
      await save.mutateAsync({ items: rows.filter((r) => known.has(r.category)) });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Stack gap="xs" data-testid="budget-editor">
      {rows.map((r, i) => (
        <Group key={r.category} gap="xs" wrap="nowrap">
          <Text size="sm" w={150}>
            {label(r.category)}
          </Text>
          <MoneyInput
            aria-label={`Budget for ${label(r.category)}`}
            currency="INR"
            valueMinor={r.budgetMinor}
            onChangeMinor={(m) => setRows(rows.map((x, n) => (n === i ? { ...x, budgetMinor: m } : x)))}
            disabled={!known.has(r.category)}
            w={180}
          />
        </Group>
      ))}
      <Select
        placeholder="Add a category"
        aria-label="Add a budget category"
        data={free.map((c) => ({ value: c.key, label: c.label }))}
        value={null}
        onChange={(v) => v && setRows([...rows, { category: v, budgetMinor: 0 }])}
        w={250}
        searchable
      />
      {error && (
        <Alert color="red" variant="light" title="Not saved">
          {error}
        </Alert>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={submit} loading={save.isPending}>
          Save budget
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
