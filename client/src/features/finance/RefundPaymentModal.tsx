import { formatMoney } from '@mandap/shared/money';
import { type Payment, type RefundPayment, ZRefundPayment } from '@mandap/shared/payments';
import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '../../lib/format.ts';
import { FormError } from '../../ui/FormError.tsx';
import { asRupees, fieldError, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { refundPayment, useFinanceWrite } from './finance.api.ts';

type Values = { kind: RefundPayment['kind']; amountMinor: number | null; reason: string };

const schema = requestForm<Values, typeof ZRefundPayment>(ZRefundPayment, (v) =>
  v.kind === 'reversal'
    ? { kind: 'reversal', reason: v.reason }
    : { kind: 'refund', amountMinor: v.amountMinor ?? Number.NaN, reason: v.reason },
);

/** What is left to pay back on a payment: its amount less the refunds already booked against it. */
export function refundableOf(payment: Payment, all: readonly Payment[]): number {
  return all
    .filter((r) => r.reversesPaymentId === payment.id)
    .reduce((left, r) => left + r.amountMinor, payment.amountMinor);
}

/**
 * Pays back part of a payment, or reverses one recorded by mistake: always a reversing entry in
 * the books, never an edit. Gateway payments are refunded at the gateway instead (it reports the
 * refund, which is booked then), so they never reach this form.
 */
export function RefundPaymentModal({
  eventId,
  payment,
  refundableMinor,
  untouched,
  onClose,
}: {
  eventId: string;
  payment: Payment;
  refundableMinor: number;
  /** No refund booked against it yet: it may still be reversed whole. */
  untouched: boolean;
  onClose: () => void;
}) {
  const form = useZodForm(schema, { kind: 'refund', amountMinor: refundableMinor, reason: '' });
  const kind = useField(form, 'kind');
  const amount = useField(form, 'amountMinor');
  const write = useFinanceWrite(eventId, (body: RefundPayment) => refundPayment(payment.id, body));
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: payment.currency });

  const { onSubmit, error, submitting } = useSubmit(form, async (body) => {
    const r = await write.mutateAsync(body);
    notifications.show({
      color: 'teal',
      message: `${r.payment.code}: ${money(-r.payment.amountMinor)} ${body.kind === 'reversal' ? 'reversed' : 'refunded'} against ${payment.code}.`,
    });
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={`Refund ${payment.code}`} centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">
            {money(payment.amountMinor)} received on {formatDate(payment.receivedOn)}; {money(refundableMinor)} left to
            refund.
          </Text>
          <FormError message={error} />
          {untouched && (
            <SegmentedControl
              aria-label="Refund or reverse"
              data={[
                { value: 'refund', label: 'Money paid back' },
                { value: 'reversal', label: 'Recorded by mistake' },
              ]}
              value={kind.value}
              onChange={(v) => kind.onChange(v as Values['kind'])}
            />
          )}
          {kind.value === 'refund' ? (
            <NumberInput
              label={`Amount paid back (${payment.currency})`}
              {...asRupees(amount)}
              error={amount.error ?? fieldError(form.formState.errors.amountMinor?.message)}
            />
          ) : (
            <Text size="sm" c="dimmed">
              The whole payment is undone by a reversing entry, and its milestones are open again.
            </Text>
          )}
          <Textarea
            label="Why"
            placeholder="e.g. booking cancelled by the family"
            autosize
            minRows={2}
            {...form.register('reason')}
            error={fieldError(form.formState.errors.reason?.message)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={submitting}>
              {kind.value === 'reversal' ? 'Reverse payment' : 'Book refund'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
