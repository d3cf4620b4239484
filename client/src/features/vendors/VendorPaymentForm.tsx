import { type Currency, formatMoney } from '@mandap/shared/money';
import { PAYMENT_MODE_LABELS, PAYMENT_MODES, type PaymentMode } from '@mandap/shared/payments';
import { type Assignment, type VendorPayment, ZVendorPaymentCreate } from '@mandap/shared/vendors';
import { Alert, Button, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
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
import { useRecordVendorPayment } from './vendors.api.ts';

/** Modes a house pays vendors by (card and gateways are for money coming in). */
const OUT_MODES = PAYMENT_MODES.filter((m) => !['razorpay', 'stripe', 'card'].includes(m));

/** What the form holds; the TDS is sent only when finance states it (`ownTds`). */
interface VendorPaymentValues {
  amountMinor: number;
  mode: PaymentMode;
  reference: string;
  paidOn: string | null;
  ownTds: boolean;
  tdsMinor: number;
  fxRate: string;
}

/** The form's rules are the vendor-payment request's; the rate is asked only on a foreign PO. */
const vendorPaymentForm = (currency: Currency) =>
  requestForm(
    ZVendorPaymentCreate,
    (v: VendorPaymentValues) => ({
      amountMinor: v.amountMinor,
      mode: v.mode,
      paidOn: v.paidOn ?? '',
      reference: optionalText(v.reference),
      tdsMinor: v.ownTds ? v.tdsMinor : undefined,
      fxRate: currency !== 'INR' ? optionalText(v.fxRate)?.trim() : undefined,
    }),
    { paidOn: 'enter the date the money left the bank (dd/mm/yyyy)' },
  );

/**
 * Finance pays a vendor against a PO: the amount in the PO's currency (a foreign PO also takes
 * the rate the bank paid at, or the stored rate of the day), TDS by section 194C unless stated.
 * The Idempotency-Key is made once per form: a double click or a retry books the payment once.
 */
export function VendorPaymentForm({
  assignment: a,
  onDone,
  pay: send,
}: {
  assignment: Assignment;
  onDone?: () => void;
  /** Sends the checked payment with its Idempotency-Key; the edge unless a caller gives its own. */
  pay?: (request: { key: string; body: z.output<typeof ZVendorPaymentCreate> }) => Promise<{ payment: VendorPayment }>;
}) {
  const currency = a.currency as Currency;
  const due = a.amountMinor - a.paidMinor;
  const schema = useMemo(() => vendorPaymentForm(currency), [currency]);
  const form = useZodForm(schema, {
    amountMinor: due,
    mode: 'neft',
    reference: '',
    paidOn: todayInKolkata(),
    ownTds: false,
    tdsMinor: 0,
    fxRate: '',
  });
  const { errors } = form.formState;
  const amount = useField(form, 'amountMinor');
  const mode = useField(form, 'mode');
  const paidOn = useField(form, 'paidOn');
  const ownTds = useField(form, 'ownTds');
  const tds = useField(form, 'tdsMinor');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const pay = useRecordVendorPayment(a.id);
  const money = (m: number) => formatMoney({ amountMinor: m, currency });
  const { onSubmit, error, submitting } = useSubmit(form, async (body) => {
    const { payment } = await (send ?? pay.mutateAsync)({ key, body });
    notifications.show({
      color: 'green',
      title: 'Payment recorded',
      message: `${money(payment.amountMinor)} to ${a.vendorName}${payment.tdsMinor ? ` (TDS ${money(payment.tdsMinor)} withheld, ${money(payment.netMinor)} sent)` : ''}${payment.fxRate ? ` = ${formatMoney({ amountMinor: payment.amountInrMinor, currency: 'INR' })} at ${payment.fxRate}` : ''}.`,
    });
    setKey(crypto.randomUUID());
    form.setValue('amountMinor', Math.max(due - payment.amountMinor, 0));
    onDone?.();
  });

  if (!['confirmed', 'in_progress', 'delivered'].includes(a.status))
    return (
      <Text size="sm" c="dimmed">
        {a.status === 'requested'
          ? 'This PO is not confirmed yet: confirm it (or let the vendor accept it) before paying.'
          : a.status === 'paid'
            ? 'This PO is paid in full.'
            : 'This PO is cancelled.'}
      </Text>
    );
  if (due <= 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing is due on this PO.
      </Text>
    );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Pay ${a.vendorName}`}>
      <Stack gap="sm" data-testid="vendor-payment-form">
        <Text size="sm">
          Due on {a.poNumber}: <b>{money(due)}</b> of {money(a.amountMinor)}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <MoneyInput label={`Amount paid (${currency})`} currency={currency} {...asMoney(amount)} required />
          <DateField label="Paid on" {...paidOn} required />
          <Select
            label="Mode"
            data={OUT_MODES.map((m) => ({ value: m, label: PAYMENT_MODE_LABELS[m] }))}
            {...mode}
            onChange={(v) => v && mode.onChange(v as PaymentMode)}
            allowDeselect={false}
          />
          <TextInput
            label="Reference"
            placeholder="UTR, cheque no."
            {...form.register('reference')}
            error={fieldError(errors.reference?.message)}
          />
          {currency !== 'INR' && (
            <TextInput
              label={`Rate (INR per ${currency})`}
              description="As the bank applied it; blank uses the stored rate for that day"
              placeholder="e.g. 83.2150"
              {...form.register('fxRate')}
              error={fieldError(errors.fxRate?.message)}
            />
          )}
        </SimpleGrid>
        <Switch
          label="State the TDS withheld (otherwise section 194C by the vendor's PAN: 1% or 2%, 20% with no PAN on file)"
          {...asCheckbox(ownTds)}
        />
        {ownTds.value && <MoneyInput label={`TDS withheld (${currency})`} currency={currency} {...asMoney(tds)} />}
        {error && (
          <Alert color="red" variant="light" title="Not recorded">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={submitting}>
          Record payment
        </Button>
      </Stack>
    </form>
  );
}
