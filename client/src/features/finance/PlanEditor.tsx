import { type Currency, formatMoney } from '@mandap/shared/money';
import type { Milestone } from '@mandap/shared/payments';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { editPlan } from './finance.api.ts';

interface DraftRow {
  key: string;
  id?: string;
  label: string;
  dueDate: string | null;
  amountMinor: number;
  paidMinor: number;
  waived: boolean;
}

const draftOf = (m: Milestone): DraftRow => ({
  key: m.id,
  id: m.id,
  label: m.label,
  dueDate: m.dueDate,
  amountMinor: m.amountMinor,
  paidMinor: m.paidMinor,
  waived: m.status === 'waived',
});

/**
 * Edits the whole milestone plan: labels, due dates, amounts, waivers, added and removed
 * milestones. The amounts must still add up to the plan's total (the accepted quotation), so
 * the difference is shown as it changes and Save waits until it is zero.
 */
export function PlanEditor({
  eventId,
  milestones,
  onSaved,
  onCancel,
}: {
  eventId: string;
  milestones: Milestone[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const currency: Currency = milestones[0]?.currency ?? 'INR';
  const targetMinor = milestones.reduce((sum, m) => sum + m.amountMinor, 0);
  const [rows, setRows] = useState<DraftRow[]>(() => milestones.map(draftOf));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency });

  const plannedMinor = rows.reduce((sum, r) => sum + r.amountMinor, 0);
  const differenceMinor = targetMinor - plannedMinor;
  const incomplete = rows.some((r) => !r.label.trim() || !r.dueDate || r.amountMinor < r.paidMinor);
  const change = (key: string, patch: Partial<DraftRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () =>
    setRows((rs) => [
      ...rs,
      {
        key: crypto.randomUUID(),
        label: '',
        dueDate: rs.at(-1)?.dueDate ?? null,
        amountMinor: 0,
        paidMinor: 0,
        waived: false,
      },
    ]);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await editPlan(
        eventId,
        rows.map((r) => ({
          ...(r.id ? { id: r.id } : {}),
          label: r.label.trim(),
          dueDate: r.dueDate ?? '',
          amountMinor: r.amountMinor,
          waived: r.waived,
        })),
      );
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      setSaving(false);
    }
  };
  const fieldError = (i: number, name: string) => error?.fields?.[`milestones.${i}.${name}`];

  return (
    <Stack gap="sm">
      {rows.map((r, i) => (
        <Paper key={r.key} withBorder p="sm" radius="md" data-testid="plan-row" bg={r.waived ? 'gray.0' : undefined}>
          <Group justify="space-between" mb={6}>
            <Text fw={600} size="sm">
              Milestone {i + 1}
              {r.paidMinor > 0 && (
                <Text span c="dimmed" size="xs" fw={400}>
                  {' '}
                  · {money(r.paidMinor)} already paid
                </Text>
              )}
            </Text>
            <Group gap="xs">
              <Checkbox
                label="Waive"
                checked={r.waived}
                onChange={(e) => change(r.key, { waived: e.currentTarget.checked })}
              />
              <Tooltip label={r.paidMinor > 0 ? 'Has payments against it: waive it instead' : 'Remove this milestone'}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove milestone ${i + 1}`}
                  disabled={r.paidMinor > 0 || rows.length === 1}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="Label"
              value={r.label}
              maxLength={120}
              error={fieldError(i, 'label') ?? (r.label.trim() ? undefined : 'Give it a name')}
              onChange={(e) => change(r.key, { label: e.currentTarget.value })}
            />
            <DateField
              label="Due on"
              value={r.dueDate}
              clearable={false}
              error={fieldError(i, 'dueDate') ?? (r.dueDate ? undefined : 'Pick a date')}
              onChange={(dueDate) => change(r.key, { dueDate })}
            />
            <MoneyInput
              label={`Amount (${currency})`}
              currency={currency}
              leftSection={currency === 'INR' ? '₹' : undefined}
              valueMinor={r.amountMinor}
              error={
                fieldError(i, 'amountMinor') ??
                (r.amountMinor < r.paidMinor ? `At least ${money(r.paidMinor)}: that much is paid` : undefined)
              }
              onChangeMinor={(amountMinor) => change(r.key, { amountMinor })}
            />
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={add} disabled={rows.length >= 24}>
          Add milestone
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="Plan not saved">
          {error.message}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm">
            Planned {money(plannedMinor)} of {money(targetMinor)} (the accepted total)
          </Text>
          <Group gap="xs">
            <Text size="sm">Difference</Text>
            <Badge color={differenceMinor === 0 ? 'green' : 'red'} variant="light" data-testid="plan-difference">
              {differenceMinor === 0
                ? 'Adds up'
                : `${money(Math.abs(differenceMinor))} ${differenceMinor > 0 ? 'still to place' : 'too much'}`}
            </Badge>
          </Group>
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button onClick={save} loading={saving} disabled={differenceMinor !== 0 || incomplete}>
            Save plan
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
