import { type Currency, formatMoney } from '@mandap/shared/money';
import { checkPlanEdit, type EditMilestonePlan, type Milestone, ZEditMilestonePlan } from '@mandap/shared/payments';
import {
  ActionIcon,
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
import { useMemo } from 'react';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import { DateField } from '../../ui/DateField.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { asCheckbox, asMoney, fieldError, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { editPlan } from './finance.api.ts';

/** One milestone as edited; a milestone already in the plan keeps its id, an added one has none. */
interface PlanRow {
  milestoneId: string | null;
  label: string;
  dueDate: string | null;
  amountMinor: number;
  waived: boolean;
}
type PlanValues = { milestones: PlanRow[] };
type PlanForm = UseFormReturn<PlanValues, unknown, EditMilestonePlan>;

/**
 * The form's rules: the shared plan request, plus the server's own check of the edit with the same
 * shared function (`checkPlanEdit`: the amounts add up to the accepted total, none below what is
 * already paid against it), worded in money rather than paise.
 */
function planForm(milestones: readonly Milestone[], money: (minor: number) => string) {
  const totalMinor = milestones.reduce((sum, m) => sum + m.amountMinor, 0);
  const paid = new Map(milestones.map((m) => [m.id, m.paidMinor]));
  const checked = ZEditMilestonePlan.superRefine((plan, ctx) => {
    const rows = plan.milestones.map((m) => ({ ...m, paidMinor: (m.id && paid.get(m.id)) || 0 }));
    const planned = rows.reduce((sum, r) => sum + r.amountMinor, 0);
    for (const key of Object.keys(checkPlanEdit(rows, totalMinor))) {
      const [, index] = key.split('.');
      const row = index === undefined ? undefined : rows[Number(index)];
      ctx.addIssue({
        code: 'custom',
        path: row ? ['milestones', Number(index), 'amountMinor'] : ['milestones'],
        message: row
          ? `at least ${money(row.paidMinor)}: that much is paid`
          : `the milestones add up to ${money(planned)}; the accepted total is ${money(totalMinor)}`,
      });
    }
  });
  return requestForm(
    checked,
    (v: PlanValues): EditMilestonePlan => ({
      milestones: v.milestones.map((r) => ({
        ...(r.milestoneId ? { id: r.milestoneId } : {}),
        label: r.label,
        dueDate: r.dueDate ?? '',
        amountMinor: r.amountMinor,
        waived: r.waived,
      })),
    }),
    { 'milestones.*.label': 'give the milestone a name', 'milestones.*.dueDate': 'pick a date' },
  );
}

function PlanRowFields({
  form,
  index,
  paidMinor,
  currency,
  money,
  canRemove,
  onRemove,
}: {
  form: PlanForm;
  index: number;
  paidMinor: number;
  currency: Currency;
  money: (minor: number) => string;
  canRemove: boolean;
  onRemove: () => void;
}) {
  const dueDate = useField(form, `milestones.${index}.dueDate`);
  const amount = useField(form, `milestones.${index}.amountMinor`);
  const waived = useField(form, `milestones.${index}.waived`);
  const labelError = form.formState.errors.milestones?.[index]?.label?.message;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="plan-row" bg={waived.value ? 'gray.0' : undefined}>
      <Group justify="space-between" mb={6}>
        <Text fw={600} size="sm">
          Milestone {index + 1}
          {paidMinor > 0 && (
            <Text span c="dimmed" size="xs" fw={400}>
              {' '}
              · {money(paidMinor)} already paid
            </Text>
          )}
        </Text>
        <Group gap="xs">
          <Checkbox label="Waive" {...asCheckbox(waived)} />
          <Tooltip label={paidMinor > 0 ? 'Has payments against it: waive it instead' : 'Remove this milestone'}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove milestone ${index + 1}`}
              disabled={paidMinor > 0 || !canRemove}
              onClick={onRemove}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label="Label"
          maxLength={120}
          {...form.register(`milestones.${index}.label`)}
          error={fieldError(labelError)}
        />
        <DateField label="Due on" clearable={false} {...dueDate} />
        <MoneyInput
          label={`Amount (${currency})`}
          currency={currency}
          leftSection={currency === 'INR' ? '₹' : undefined}
          {...asMoney(amount)}
        />
      </SimpleGrid>
    </Paper>
  );
}

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
  save = editPlan,
}: {
  eventId: string;
  milestones: Milestone[];
  onSaved: () => void;
  onCancel: () => void;
  /** Sends the checked plan; the edge's plan edit unless a caller gives its own. */
  save?: (eventId: string, plan: EditMilestonePlan['milestones']) => Promise<unknown>;
}) {
  const currency: Currency = milestones[0]?.currency ?? 'INR';
  const targetMinor = milestones.reduce((sum, m) => sum + m.amountMinor, 0);
  const paid = new Map(milestones.map((m) => [m.id, m.paidMinor]));
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency });
  // biome-ignore lint/correctness/useExhaustiveDependencies: money follows the currency
  const schema = useMemo(() => planForm(milestones, money), [milestones, currency]);
  const form = useZodForm(schema, {
    milestones: milestones.map((m) => ({
      milestoneId: m.id,
      label: m.label,
      dueDate: m.dueDate,
      amountMinor: m.amountMinor,
      waived: m.status === 'waived',
    })),
  });
  const rows = useFieldArray({ control: form.control, name: 'milestones' });
  const typed = form.watch('milestones');
  const { onSubmit, error, submitting } = useSubmit(form, async (plan) => {
    await save(eventId, plan.milestones);
    onSaved();
  });
  const plannedMinor = typed.reduce((sum, r) => sum + r.amountMinor, 0);
  const differenceMinor = targetMinor - plannedMinor;
  const planError = form.formState.errors.milestones?.message ?? form.formState.errors.milestones?.root?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the milestone plan">
      <Stack gap="sm">
        {rows.fields.map((r, i) => (
          <PlanRowFields
            key={r.id}
            form={form}
            index={i}
            paidMinor={(r.milestoneId && paid.get(r.milestoneId)) || 0}
            currency={currency}
            money={money}
            canRemove={rows.fields.length > 1}
            onRemove={() => rows.remove(i)}
          />
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            disabled={rows.fields.length >= 24}
            onClick={() =>
              rows.append({
                milestoneId: null,
                label: '',
                dueDate: typed.at(-1)?.dueDate ?? null,
                amountMinor: 0,
                waived: false,
              })
            }
          >
            Add milestone
          </Button>
        </Group>
        {planError && (
          <Text size="sm" c="red" role="alert">
            {fieldError(planError)}
          </Text>
        )}
        <FormError message={error} />
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
            <Button variant="default" onClick={onCancel} disabled={submitting}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting} disabled={differenceMinor !== 0}>
              Save plan
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
