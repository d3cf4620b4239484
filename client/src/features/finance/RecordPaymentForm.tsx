import {
  CURRENCIES,
  type Currency,
  formatMoney,
  type Milestone,
  PAYMENT_MODE_LABELS,
  PAYMENT_MODES,
  type PaymentMode,
  type RecordPayment,
} from '@mandap/shared';
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
import { useState } from 'react';
import { todayInKolkata } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { submitPayment } from './paymentQueue.ts';

/**
 * Money received against an event's milestones. Works with no signal: the payment is queued
 * on the device with its Idempotency-Key and sent once the connection returns.
 */
export function RecordPaymentForm({
  eventId,
  milestones,
  onDone,
}: {
  eventId: string;
  milestones: Milestone[];
  onDone: () => void;
}) {
  const open = milestones.filter((m) => m.status !== 'waived' && m.amountMinor > m.paidMinor);
  const planCurrency = (milestones[0]?.currency ?? 'INR') as Currency;
  const [mode, setMode] = useState<PaymentMode>('upi');
  const [reference, setReference] = useState('');
  const [receivedOn, setReceivedOn] = useState<string | null>(todayInKolkata());
  const [amountMinor, setAmountMinor] = useState(open[0] ? open[0].amountMinor - open[0].paidMinor : 0);
  const [currency, setCurrency] = useState<Currency>(planCurrency);
  const [fxRate, setFxRate] = useState('');
  /** Set once the server said the rate is far from the day's stored rate and finance confirms it. */
  const [fxConfirmed, setFxConfirmed] = useState(false);
  const [manual, setManual] = useState(false);
  const [split, setSplit] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allocated = Object.values(split).reduce((s, v) => s + v, 0);

  async function submit() {
    setError(null);
    if (!receivedOn) return setError('Enter the date the money was received (dd/mm/yyyy).');
    if (amountMinor <= 0) return setError('Enter the amount received.');
    if (manual && allocated > amountMinor)
      return setError(
        `The milestones add up to ${formatMoney({ amountMinor: allocated, currency })}; the payment is only ${formatMoney({ amountMinor, currency })}.`,
      );
    const body: RecordPayment = {
      eventId,
      mode,
      receivedOn,
      amountMinor,
      currency,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      ...(currency !== 'INR' && fxRate ? { fxRate, ...(fxConfirmed ? { fxRateConfirmed: true } : {}) } : {}),
      ...(manual
        ? {
            allocations: Object.entries(split)
              .filter(([, v]) => v > 0)
              .map(([milestoneId, v]) => ({ milestoneId, amountMinor: v })),
          }
        : {}),
    };
    setBusy(true);
    try {
      const result = await submitPayment(body);
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
              message: formatMoney({ amountMinor, currency }),
            },
      );
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Mode"
          data={PAYMENT_MODES.map((m) => ({ value: m, label: PAYMENT_MODE_LABELS[m] }))}
          value={mode}
          onChange={(v) => v && setMode(v as PaymentMode)}
          allowDeselect={false}
        />
        <TextInput
          label="Reference"
          placeholder="UTR, cheque no., UPI ref"
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <DateField label="Received on" value={receivedOn} onChange={setReceivedOn} required />
        <Group grow align="flex-start" gap="xs">
          <MoneyInput
            label="Amount"
            currency={currency}
            valueMinor={amountMinor}
            onChangeMinor={setAmountMinor}
            leftSection={currency === 'INR' ? '₹' : undefined}
            required
          />
          <Select
            label="Currency"
            data={CURRENCIES}
            value={currency}
            onChange={(v) => v && setCurrency(v as Currency)}
            allowDeselect={false}
            maw={110}
          />
        </Group>
        {currency !== 'INR' && (
          <TextInput
            label={`INR per ${currency}`}
            description="As the bank applied it; blank uses the latest stored rate"
            placeholder="83.2150"
            value={fxRate}
            onChange={(e) => {
              setFxRate(e.currentTarget.value);
              setFxConfirmed(false);
            }}
          />
        )}
        {currency !== 'INR' && fxRate && error?.includes('fxRateConfirmed') ? (
          <Checkbox
            label="This rate is right: the bank applied it"
            checked={fxConfirmed}
            onChange={(e) => setFxConfirmed(e.currentTarget.checked)}
          />
        ) : null}
      </SimpleGrid>
      <Switch
        label="Choose which milestones it pays (otherwise the oldest first)"
        checked={manual}
        onChange={(e) => setManual(e.currentTarget.checked)}
      />
      {manual && (
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
                    currency={currency}
                    valueMinor={split[m.id] ?? 0}
                    onChangeMinor={(v) => setSplit((s) => ({ ...s, [m.id]: v }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manual && amountMinor > allocated ? (
        <Text size="sm" c="dimmed">
          {formatMoney({ amountMinor: amountMinor - allocated, currency })} not given to a milestone is held as credit
          on account, for finance to apply or refund.
        </Text>
      ) : null}
      {error && (
        <Alert color="red" title="Not recorded">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={submit} loading={busy}>
          Record payment
        </Button>
      </Group>
    </Stack>
  );
}
