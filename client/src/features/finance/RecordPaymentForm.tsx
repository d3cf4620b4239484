import { CURRENCIES, type Currency, formatMoney } from '@mandap/shared/money';
import {
  allocatePayment,
  checkPaymentDate,
  type Milestone,
  PAYMENT_MODE_LABELS,
  PAYMENT_MODES,
  type PaymentMode,
  type RecordPayment,
  ZRecordPayment,
} from '@mandap/shared/payments';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { todayInKolkata } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import {
  asCheckbox,
  asMoney,
  fieldError,
  optionalText,
  requestForm,
  useField,
  useSubmit,
  useZodForm,
} from '../../ui/form.ts';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { submitPayment } from './paymentQueue.ts';

/** What the payment form holds; `allocations` is each open milestone's share while choosing by hand. */
interface PaymentValues {
  mode: PaymentMode;
  reference: string;
  receivedOn: string | null;
  amountMinor: number;
  currency: Currency;
  fxRate: string;
  fxRateConfirmed: boolean;
  manual: boolean;
  allocations: Record<string, number>;
}

/**
 * The form's rules: the shared payment request, plus the server's own bounds it can check here
 * with the same shared functions: the date (not in the future, not too far back) and the chosen
 * milestones (each within what it owes, together within the payment).
 */
function paymentForm(eventId: string, milestones: readonly Milestone[]) {
  const plan = milestones.map((m) => ({ ...m, isWaived: m.status === 'waived' }));
  const checked = ZRecordPayment.superRefine((p, ctx) => {
    const date = checkPaymentDate('receivedOn', p.receivedOn, new Date());
    if (date) ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: date.reason });
    if (!p.allocations) return;
    const decision = allocatePayment(plan, p.amountMinor, p.allocations);
    if (decision.ok) return;
    const money = (amountMinor: number) => formatMoney({ amountMinor, currency: p.currency });
    const given = p.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
    ctx.addIssue({
      code: 'custom',
      path: ['allocations'],
      message:
        decision.field === 'allocations'
          ? `the milestones add up to ${money(given)}; the payment is only ${money(p.amountMinor)}`
          : decision.reason,
    });
  });
  return requestForm(
    checked,
    (v: PaymentValues): RecordPayment => ({
      eventId,
      mode: v.mode,
      receivedOn: v.receivedOn ?? '',
      amountMinor: v.amountMinor,
      currency: v.currency,
      reference: optionalText(v.reference),
      ...(v.currency !== 'INR' && v.fxRate.trim()
        ? { fxRate: v.fxRate.trim(), ...(v.fxRateConfirmed ? { fxRateConfirmed: true } : {}) }
        : {}),
      ...(v.manual
        ? {
            allocations: Object.entries(v.allocations)
              .filter(([, amountMinor]) => amountMinor > 0)
              .map(([milestoneId, amountMinor]) => ({ milestoneId, amountMinor })),
          }
        : {}),
    }),
    { receivedOn: 'enter the date the money was received (dd/mm/yyyy)' },
  );
}

/**
 * Money received against an event's milestones. Works with no signal: the payment is queued
 * on the device with its Idempotency-Key and sent once the connection returns.
 */
export function RecordPaymentForm({
  eventId,
  milestones,
  onDone,
  submit = submitPayment,
}: {
  eventId: string;
  milestones: Milestone[];
  onDone: () => void;
  /** Sends (or queues) the checked payment; the offline queue unless a caller gives its own. */
  submit?: typeof submitPayment;
}) {
  const open = milestones.filter((m) => m.status !== 'waived' && m.amountMinor > m.paidMinor);
  const planCurrency = (milestones[0]?.currency ?? 'INR') as Currency;
  const schema = useMemo(() => paymentForm(eventId, milestones), [eventId, milestones]);
  const form = useZodForm(schema, {
    mode: 'upi',
    reference: '',
    receivedOn: todayInKolkata(),
    amountMinor: open[0] ? open[0].amountMinor - open[0].paidMinor : 0,
    currency: planCurrency,
    fxRate: '',
    fxRateConfirmed: false,
    manual: false,
    allocations: {},
  });
  const { errors } = form.formState;
  const mode = useField(form, 'mode');
  const receivedOn = useField(form, 'receivedOn');
  const amount = useField(form, 'amountMinor');
  const currency = useField(form, 'currency');
  const fxConfirmed = useField(form, 'fxRateConfirmed');
  const manual = useField(form, 'manual');
  const allocations = useField(form, 'allocations');
  const fxRate = form.watch('fxRate');
  const allocated = Object.values(allocations.value).reduce((s, v) => s + v, 0);
  const allocationError = fieldError((errors.allocations as { message?: string } | undefined)?.message);

  const { onSubmit, error, submitting } = useSubmit(form, async (payment) => {
    const result = await submit(payment);
    notifications.show(
      result === 'queued'
        ? {
            color: 'yellow',
            title: 'Queued on this device',
            message: 'No connection: the payment will be sent when you are back online.',
          }
        : {
            color: 'green',
            title: `Recorded ${result.payment.code}`,
            message: formatMoney({ amountMinor: payment.amountMinor, currency: payment.currency }),
          },
    );
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a payment">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Mode"
            data={PAYMENT_MODES.map((m) => ({ value: m, label: PAYMENT_MODE_LABELS[m] }))}
            {...mode}
            onChange={(v) => v && mode.onChange(v as PaymentMode)}
            allowDeselect={false}
          />
          <TextInput
            label="Reference"
            placeholder="UTR, cheque no., UPI ref"
            {...form.register('reference')}
            error={fieldError(errors.reference?.message)}
          />
          <DateField label="Received on" {...receivedOn} required />
          <Group grow align="flex-start" gap="xs">
            <MoneyInput
              label="Amount"
              currency={currency.value}
              {...asMoney(amount)}
              leftSection={currency.value === 'INR' ? '₹' : undefined}
              required
            />
            <Select
              label="Currency"
              data={CURRENCIES}
              {...currency}
              onChange={(v) => v && currency.onChange(v as Currency)}
              allowDeselect={false}
              maw={110}
            />
          </Group>
          {currency.value !== 'INR' && (
            <TextInput
              label={`INR per ${currency.value}`}
              description="As the bank applied it; blank uses the latest stored rate"
              placeholder="83.2150"
              {...form.register('fxRate', { onChange: () => form.setValue('fxRateConfirmed', false) })}
              error={fieldError(errors.fxRate?.message)}
            />
          )}
          {currency.value !== 'INR' && fxRate && error?.includes('fxRateConfirmed') ? (
            <Checkbox label="This rate is right: the bank applied it" {...asCheckbox(fxConfirmed)} />
          ) : null}
        </SimpleGrid>
        <Switch label="Choose which milestones it pays (otherwise the oldest first)" {...asCheckbox(manual)} />
        {manual.value && (
          <Table>
            <Table.Tbody>
              {open.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Text size="sm">{m.label}</Text>
                    <Text size="xs" c="dimmed">
                      owes {formatMoney({ amountMinor: m.amountMinor - m.paidMinor, currency: planCurrency })}
                    </Text>
                  </Table.Td>
                  <Table.Td w={180}>
                    <MoneyInput
                      aria-label={`Amount for ${m.label}`}
                      currency={currency.value}
                      valueMinor={allocations.value[m.id] ?? 0}
                      onChangeMinor={(v) => allocations.onChange({ ...allocations.value, [m.id]: v })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manual.value && allocationError && (
          <Text size="sm" c="red" role="alert">
            {allocationError}
          </Text>
        )}
        {manual.value && amount.value > allocated ? (
          <Text size="sm" c="dimmed">
            {formatMoney({ amountMinor: amount.value - allocated, currency: currency.value })} not given to a milestone
            is held as credit on account, for finance to apply or refund.
          </Text>
        ) : null}
        {error && (
          <Alert color="red" title="Not recorded">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            Record payment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
