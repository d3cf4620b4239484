import { CURRENCY_DIGITS, type Currency, formatMoney } from '@mandap/shared/money';
import {
  type CreditRow,
  checkCreditRefund,
  type SuspenseItem,
  ZRefundCredit,
  ZResolveSuspense,
  ZWriteOffCredit,
} from '@mandap/shared/payments';
import { Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { useEvents } from '../events/useEvents.ts';
import { applyCredit, refundCredit, resolveSuspense, useDeskAction, writeOffCredit } from './moneyDesk.api.ts';

type ResolveBody = z.output<typeof ZResolveSuspense>;
type RefundBody = z.output<typeof ZRefundCredit>;
type WriteOffBody = z.output<typeof ZWriteOffCredit>;

const ZResolveForm = requestForm(
  ZResolveSuspense,
  (v: { eventId: string | null }) => ({ eventId: required(v.eventId) }),
  { eventId: 'choose the event this money is for' },
);

/** Books a suspense item (gateway money no link matched) to the event it was for. */
export function ResolveSuspenseForm({
  item,
  send,
}: {
  item: SuspenseItem;
  send?: (body: ResolveBody) => Promise<unknown>;
}) {
  const events = useEvents();
  const resolve = useDeskAction(resolveSuspense);
  const form = useZodForm(ZResolveForm, { eventId: null });
  const eventId = useField(form, 'eventId');
  const { onSubmit, error, submitting } = useSubmit(form, (body) =>
    send ? send(body) : resolve.mutateAsync([item.id, body.eventId]),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Book ${item.providerPaymentId} to an event`}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap" align="flex-start">
          <Select
            aria-label={`Event for ${item.providerPaymentId}`}
            placeholder="Which event is this for?"
            searchable
            w={280}
            {...eventId}
            data={(events.data ?? [])
              .filter((e) => e.clientId)
              .map((e) => ({
                value: e.id,
                label: `${e.code} · ${e.name}${e.clientName ? ` (${e.clientName})` : ''}`,
              }))}
          />
          <Button type="submit" size="xs" mt={3} loading={submitting}>
            Book to event
          </Button>
        </Group>
        <FormError message={error} />
      </Stack>
    </form>
  );
}

interface RefundValues {
  amountMinor: number | null;
  reason: string;
}

const inMoney = (row: CreditRow, amountMinor: number) =>
  formatMoney({ amountMinor, currency: row.currency as Currency });

/** The credit refund's rules: the shared request's, and the shared credit rule (the event's credit, and by hand only what was not collected by a gateway). */
function refundForm(row: CreditRow) {
  const checked = ZRefundCredit.superRefine((body, ctx) => {
    const check = checkCreditRefund(row, body.amountMinor);
    if (!check.ok)
      ctx.addIssue({
        code: 'custom',
        path: [check.field],
        message:
          check.kind === 'beyond_credit'
            ? `${row.eventCode} holds only ${inMoney(row, check.limitMinor)}`
            : `at most ${inMoney(row, check.limitMinor)} can be refunded here: ${inMoney(row, row.byGatewayMinor)} came through Razorpay or Stripe, refund that in the gateway`,
      });
  });
  return requestForm(checked, (v: RefundValues) => ({ amountMinor: v.amountMinor ?? Number.NaN, reason: v.reason }), {
    amountMinor: 'enter the amount to refund',
  });
}

/** Where an event's credit came from: the gateway part is refunded at the gateway, the rest may be refunded here. */
export function CreditSources({ row }: { row: CreditRow }) {
  return (
    <Text fz="xs" c="dimmed">
      {inMoney(row, row.byGatewayMinor)} by gateway · {inMoney(row, row.byHandMinor)} received otherwise
    </Text>
  );
}

/** Credit on account: apply it to the event's open milestones, or pay part of it back, saying why. */
export function CreditActions({ row, send }: { row: CreditRow; send?: (body: RefundBody) => Promise<unknown> }) {
  const apply = useDeskAction(applyCredit);
  const refund = useDeskAction(refundCredit);
  const form = useZodForm(refundForm(row), { amountMinor: null, reason: '' });
  const amount = useField(form, 'amountMinor');
  const scale = 10 ** (CURRENCY_DIGITS[row.currency as Currency] ?? 2);
  const { onSubmit, error, submitting } = useSubmit(form, async (body) => {
    await (send ? send(body) : refund.mutateAsync([row.eventId, body.amountMinor, body.reason]));
    form.reset();
  });
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" align="flex-start">
        <Button size="xs" mt={3} loading={apply.isPending} onClick={() => apply.mutate([row.eventId])}>
          Apply to open milestones
        </Button>
        <form onSubmit={onSubmit} noValidate aria-label={`Refund credit of ${row.eventCode}`}>
          <Group gap="xs" wrap="wrap" align="flex-start">
            <NumberInput
              aria-label={`Refund amount for ${row.eventCode}`}
              placeholder="₹ to refund"
              w={130}
              min={0}
              decimalScale={Math.log10(scale)}
              thousandSeparator=","
              name={amount.name}
              ref={amount.ref}
              onBlur={amount.onBlur}
              value={amount.value === null ? '' : amount.value / scale}
              onChange={(v) =>
                amount.onChange(v === '' || !Number.isFinite(Number(v)) ? null : Math.round(Number(v) * scale))
              }
              error={amount.error}
            />
            <TextInput
              aria-label={`Refund reason for ${row.eventCode}`}
              placeholder="Why"
              w={160}
              {...form.register('reason')}
              error={fieldError(form.formState.errors.reason?.message)}
            />
            <Button type="submit" size="xs" mt={3} variant="light" color="orange" loading={submitting}>
              Refund
            </Button>
          </Group>
        </form>
      </Group>
      <FormError message={apply.error?.message ?? error} />
    </Stack>
  );
}

/** Credit below zero: the client was paid back more than was held. Finance writes it off, saying why. */
export function WriteOffAction({ row, send }: { row: CreditRow; send?: (body: WriteOffBody) => Promise<unknown> }) {
  const writeOff = useDeskAction(writeOffCredit);
  const form = useZodForm(ZWriteOffCredit, { reason: '' });
  const { onSubmit, error, submitting } = useSubmit(form, (body) =>
    send ? send(body) : writeOff.mutateAsync([row.eventId, body.reason]),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Write off ${row.eventCode}`}>
      <Stack gap="xs">
        <Text fz="sm">Paid out beyond what was held: recover it from the client, or write it off.</Text>
        <Group gap="xs" wrap="wrap" align="flex-start">
          <TextInput
            aria-label={`Write-off reason for ${row.eventCode}`}
            placeholder="Why it is written off"
            w={200}
            {...form.register('reason')}
            error={fieldError(form.formState.errors.reason?.message)}
          />
          <Button type="submit" size="xs" mt={3} variant="light" color="red" loading={submitting}>
            Write off
          </Button>
        </Group>
        <FormError message={error} />
      </Stack>
    </form>
  );
}
