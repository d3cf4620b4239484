import {
  type Assignment,
  type Currency,
  formatMoney,
  PAYMENT_MODE_LABELS,
  PAYMENT_MODES,
  type PaymentMode,
} from '@mandap/shared';
import { Alert, Button, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { todayInKolkata } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { useRecordVendorPayment } from './vendors.api.ts';

/** Modes a house pays vendors by (card and gateways are for money coming in). */
const OUT_MODES = PAYMENT_MODES.filter((m) => !['razorpay', 'stripe', 'card'].includes(m));

/**
 * Finance pays a vendor against a PO: the amount in the PO's currency (a foreign PO also takes
 * the rate the bank paid at, or the stored rate of the day), TDS by section 194C unless stated.
 * The Idempotency-Key is made once per form: a double click or a retry books the payment once.
 */
export function VendorPaymentForm({ assignment: a, onDone }: { assignment: Assignment; onDone?: () => void }) {
  const currency = a.currency as Currency;
  const due = a.amountMinor - a.paidMinor;
  const [amountMinor, setAmountMinor] = useState(due);
  const [mode, setMode] = useState<PaymentMode>('neft');
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState<string | null>(todayInKolkata());
  const [ownTds, setOwnTds] = useState(false);
  const [tdsMinor, setTdsMinor] = useState(0);
  const [fxRate, setFxRate] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const pay = useRecordVendorPayment(a.id);
  const money = (m: number) => formatMoney({ amountMinor: m, currency });

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

  async function submit() {
    setError(null);
    if (!paidOn) return setError('Enter the date the money left the bank.');
    if (amountMinor <= 0) return setError('Enter the amount paid.');
    try {
      const { payment } = await pay.mutateAsync({
        key,
        body: {
          amountMinor,
          mode,
          paidOn,
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          ...(ownTds ? { tdsMinor } : {}),
          ...(currency !== 'INR' && fxRate.trim() ? { fxRate: fxRate.trim() } : {}),
        },
      });
      notifications.show({
        color: 'green',
        title: 'Payment recorded',
        message: `${money(payment.amountMinor)} to ${a.vendorName}${payment.tdsMinor ? ` (TDS ${money(payment.tdsMinor)} withheld, ${money(payment.netMinor)} sent)` : ''}${payment.fxRate ? ` = ${formatMoney({ amountMinor: payment.amountInrMinor, currency: 'INR' })} at ${payment.fxRate}` : ''}.`,
      });
      setKey(crypto.randomUUID());
      setAmountMinor(Math.max(due - payment.amountMinor, 0));
      onDone?.();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Stack gap="sm" data-testid="vendor-payment-form">
      <Text size="sm">
        Due on {a.poNumber}: <b>{money(due)}</b> of {money(a.amountMinor)}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <MoneyInput
          label={`Amount paid (${currency})`}
          currency={currency}
          valueMinor={amountMinor}
          onChangeMinor={setAmountMinor}
          required
        />
        <DateField label="Paid on" value={paidOn} onChange={setPaidOn} required />
        <Select
          label="Mode"
          data={OUT_MODES.map((m) => ({ value: m, label: PAYMENT_MODE_LABELS[m] }))}
          value={mode}
          onChange={(v) => v && setMode(v as PaymentMode)}
          allowDeselect={false}
        />
        <TextInput
          label="Reference"
          placeholder="UTR, cheque no."
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        {currency !== 'INR' && (
          <TextInput
            label={`Rate (INR per ${currency})`}
            description="As the bank applied it; blank uses the stored rate for that day"
            placeholder="e.g. 83.2150"
            value={fxRate}
            onChange={(e) => setFxRate(e.currentTarget.value)}
          />
        )}
      </SimpleGrid>
      <Switch
        label="State the TDS withheld (otherwise section 194C by the vendor's PAN: 1% or 2%, 20% with no PAN on file)"
        checked={ownTds}
        onChange={(e) => setOwnTds(e.currentTarget.checked)}
      />
      {ownTds && (
        <MoneyInput
          label={`TDS withheld (${currency})`}
          currency={currency}
          valueMinor={tdsMinor}
          onChangeMinor={setTdsMinor}
        />
      )}
      {error && (
        <Alert color="red" variant="light" title="Not recorded">
          {error}
        </Alert>
      )}
      <Button onClick={submit} loading={pay.isPending}>
        Record payment
      </Button>
    </Stack>
  );
}
