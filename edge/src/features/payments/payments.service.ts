import { newId } from '@mandap/shared/common';
import { allocate, type Currency, convertMoney, type FxSnapshot } from '@mandap/shared/money';
import {
  allocatePayment,
  allocateRefund,
  checkFxRate,
  checkPaymentDate,
  isGatewayMode,
  PAYMENT_MODE_LABELS,
  type Payment,
  type PaymentMode,
  type PaymentResult,
  paymentReceivedLines,
  type RecordPayment,
  type RefundPayment,
  refundPaidLines,
  reversalOf,
} from '@mandap/shared/payments';
import { indiaDate as istDate } from '@mandap/shared/time';
import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { payments, postings, type FxSnapshot as StoredFx } from '../../db/schema/index.ts';
import type { Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Actor, enqueueMessage, nextCode, recordChange } from '../../lib/journal.ts';
import { rateForDay } from '../fx/fx-rates.service.ts';
import { creditNoteForRefund } from '../invoices/invoices.service.ts';
import { confirmOnAdvance } from './booking.service.ts';
import { carriedInr } from './carried-inr.ts';
import { eventCreditOf, unallocatedOf } from './credit.service.ts';
import { loadVisibleEvent } from './event-scope.ts';
import { postEntry } from './ledger-store.ts';
import { applyToMilestones, loadMilestones, toMilestone } from './milestones.service.ts';
import { cancelRemindersFor } from './reminders.ts';

type PaymentRow = typeof payments.$inferSelect;

/** The actor of a money write, with the viewer whose access it is checked against (null: the system). */
export interface MoneyActor extends Actor {
  viewer: Viewer | null;
}

export function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id,
    code: r.code,
    eventId: r.eventId,
    clientId: r.clientId,
    mode: r.mode,
    reference: r.reference,
    receivedOn: r.receivedOn,
    amountMinor: r.amountMinor,
    currency: r.currency as Currency,
    amountInrMinor: r.amountInrMinor,
    fxRate: r.fx?.rate ?? null,
    reversesPaymentId: r.reversesPaymentId,
    allocations: r.allocations ?? [],
    unallocatedMinor: r.reversesPaymentId ? 0 : unallocatedOf(r),
    journalEntryId: r.journalEntryId,
    createdAt: r.createdAt,
  };
}

const refuse = (field: string, message: string) =>
  new AppError('unprocessable', message, { fields: { [field]: message } });

async function paymentFx(tx: Tx, input: RecordPayment, at: Date, checked: boolean): Promise<FxSnapshot | null> {
  if (input.currency === 'INR') {
    if (input.fxRate) throw refuse('fxRate', 'An INR payment takes no FX rate: leave the rate empty.');
    return null;
  }
  const stored = await rateForDay(tx, input.currency, 'INR', input.receivedOn);
  if (input.fxRate) {
    const problem = checked
      ? checkFxRate('fxRate', input.fxRate, stored?.rate ?? null, input.fxRateConfirmed === true)
      : null;
    if (problem) throw refuse(problem.field, `FX rate refused: ${problem.reason}.`);
    return { base: input.currency, quote: 'INR', rate: input.fxRate, source: 'manual', asOf: at.toISOString() };
  }
  if (!stored) throw refuse('fxRate', `No ${input.currency}→INR rate is stored: enter the rate the bank applied.`);
  return stored;
}

/** How a payment came in: by hand (bounds checked) or from a gateway (never refused for what it says). */
export interface RecordOptions {
  /** A gateway capture: the gateway's date and amount are facts, not input to bound. */
  fromGateway?: boolean;
  /** The milestone the payment was asked for (a payment link's): paid first. */
  firstMilestoneId?: string;
}

/**
 * Money received: allocated to milestones (the link's first, then the oldest open ones), any
 * surplus held as credit on account (and finance told), posted to the ledger (bank/cash
 * against the client's receivable and advance), numbered as a receipt, and, for the first
 * advance, the booking confirmed. Never refused for being more than is owed, nor because of
 * the booking's stage. Runs inside the caller's transaction (the idempotency claim's).
 */
export async function recordPayment(
  tx: Tx,
  actor: MoneyActor,
  input: RecordPayment,
  at: Date,
  opts: RecordOptions = {},
): Promise<PaymentResult> {
  const event = await loadVisibleEvent(tx, actor.viewer, input.eventId);
  if (!event.clientId) throw refuse('eventId', `${event.code} has no client: link a client before recording money.`);
  if (!opts.fromGateway) {
    const problem = checkPaymentDate('receivedOn', input.receivedOn, at);
    if (problem) throw refuse(problem.field, `Payment date refused: ${problem.reason}.`);
  }
  const plan = await loadMilestones(tx, event.id);
  if (plan.length > 0 && plan[0]!.currency !== input.currency)
    throw refuse('currency', `${event.code} is billed in ${plan[0]!.currency}; this payment is in ${input.currency}.`);
  const decision = allocatePayment(
    plan.map((m) => ({ ...m, isWaived: m.status === 'waived' })),
    input.amountMinor,
    input.allocations,
    opts.firstMilestoneId,
  );
  if (!decision.ok) throw refuse(decision.field, `This payment cannot be allocated: ${decision.reason}.`);
  const fx = await paymentFx(tx, input, at, !opts.fromGateway);
  const amountInrMinor = convertMoney(
    { amountMinor: input.amountMinor, currency: input.currency },
    fx,
    'INR',
  ).amountMinor;
  const surplus = decision.surplusMinor;
  const creditInr = surplus === 0 ? 0 : allocate(amountInrMinor, [input.amountMinor - surplus, surplus])[1]!;
  const carried = await carriedInr(
    tx,
    plan[0]?.quoteVersionId ?? null,
    input.amountMinor - surplus,
    input.currency,
    amountInrMinor - creditInr,
  );
  const id = newId();
  const code = await nextCode(tx, 'receipt', at);
  const journalEntryId = await postEntry(tx, {
    memo: `${code} ${input.mode.toUpperCase()} received for ${event.code}${surplus ? ` (${surplus} held as credit on account)` : ''}`,
    eventId: event.id,
    clientId: event.clientId,
    sourceType: 'payment',
    sourceId: id,
    fx: fx as StoredFx | null,
    lines: paymentReceivedLines({
      clientId: event.clientId,
      mode: input.mode,
      currency: input.currency,
      amountMinor: input.amountMinor,
      amountInrMinor,
      carriedInrMinor: carried,
      creditMinor: surplus,
    }),
    actorId: actor.actorId,
    at,
  });
  const row: PaymentRow = {
    id,
    code,
    eventId: event.id,
    clientId: event.clientId,
    mode: input.mode,
    reference: input.reference ?? null,
    receivedOn: input.receivedOn,
    amountMinor: input.amountMinor,
    currency: input.currency,
    fx: fx as StoredFx | null,
    amountInrMinor,
    journalEntryId,
    reversesPaymentId: null,
    allocations: decision.allocations,
    createdBy: actor.actorId,
    createdAt: at.toISOString(),
  };
  await tx.insert(payments).values(row);
  const after = await applyToMilestones(tx, plan, decision.allocations, at);
  await cancelRemindersFor(
    tx,
    after.filter((m) => m.status === 'paid').map((m) => m.id),
  );
  await recordChange(tx, {
    type: 'payment.recorded',
    aggregateType: 'payment',
    aggregateId: id,
    payload: { eventId: event.id, code, amountMinor: input.amountMinor, currency: input.currency, mode: input.mode },
    actorId: actor.actorId,
    at,
    audit: { before: null, after: { ...toPayment(row) }, ip: actor.ip ?? null, requestId: actor.requestId ?? null },
  });
  if (surplus > 0) await tellFinanceOfCredit(tx, { event, paymentId: id, code, surplus, currency: input.currency, at });
  await confirmOnAdvance(tx, event, actor, at);
  return { payment: toPayment(row), milestones: after.map(toMilestone) };
}

/** Surplus money: a domain event and an in-app message for finance (allocate it or refund it). */
async function tellFinanceOfCredit(
  tx: Tx,
  c: {
    event: { id: string; code: string };
    paymentId: string;
    code: string;
    surplus: number;
    currency: string;
    at: Date;
  },
) {
  const payload = {
    eventId: c.event.id,
    eventCode: c.event.code,
    paymentId: c.paymentId,
    receipt: c.code,
    amountMinor: c.surplus,
    currency: c.currency,
  };
  await recordChange(tx, {
    type: 'payment.credit_on_account',
    aggregateType: 'event',
    aggregateId: c.event.id,
    payload,
    actorId: null,
    at: c.at,
  });
  await enqueueMessage(tx, {
    channel: 'in_app',
    template: 'finance_credit_on_account',
    recipient: 'role:finance',
    payload,
    at: c.at,
    dedupeKey: `credit:${c.paymentId}`,
  });
}

/** What of a payment is left to refund: its amount, INR value, credit part and allocations net of earlier refunds. */
async function remainingOf(tx: Tx, original: PaymentRow) {
  const earlier = await tx.select().from(payments).where(eq(payments.reversesPaymentId, original.id));
  const byMilestone = new Map<string, number>();
  for (const a of original.allocations ?? [])
    byMilestone.set(a.milestoneId, (byMilestone.get(a.milestoneId) ?? 0) + a.amountMinor);
  for (const p of earlier)
    for (const a of p.allocations ?? [])
      byMilestone.set(a.milestoneId, (byMilestone.get(a.milestoneId) ?? 0) + a.amountMinor);
  return {
    count: earlier.length,
    amountMinor: original.amountMinor + earlier.reduce((s, p) => s + p.amountMinor, 0),
    amountInrMinor: original.amountInrMinor + earlier.reduce((s, p) => s + p.amountInrMinor, 0),
    creditMinor: unallocatedOf(original) + earlier.reduce((s, p) => s + unallocatedOf(p), 0),
    allocations: [...byMilestone].map(([milestoneId, amountMinor]) => ({ milestoneId, amountMinor })),
  };
}

/** How a refund came in: finance (refused beyond what can be paid back) or the gateway (already paid out: booked whatever it is). */
export interface RefundOptions {
  fromGateway?: boolean;
  /** Take the refund only from credit on account (finance refunding an advance it holds). */
  creditOnly?: boolean;
}

/**
 * A refund (money paid back, part or all) or a reversal (a mistaken entry undone exactly).
 * Never an edit: a new negative payment and a reversing journal entry. A refund comes out of
 * the payment's credit on account first (what the event still holds), then its milestones,
 * latest first. A GST credit note is issued only for refunded milestone money that was
 * invoiced, against that milestone's invoice.
 */
export async function refundPayment(
  tx: Tx,
  actor: MoneyActor,
  paymentId: string,
  input: RefundPayment,
  at: Date,
  opts: RefundOptions = {},
): Promise<PaymentResult> {
  const [original] = await tx.select().from(payments).where(eq(payments.id, paymentId));
  if (!original?.eventId) throw notFound('That payment');
  const event = await loadVisibleEvent(tx, actor.viewer, original.eventId);
  if (original.reversesPaymentId)
    throw refuse('paymentId', `${original.code} is itself a refund: it cannot be refunded.`);
  // Money a gateway collected goes back through the gateway, whose refund report books it here
  // (once, by its refund id): a refund booked by hand as well would pay it back twice in the books.
  const mode = original.mode as PaymentMode;
  if (input.kind === 'refund' && isGatewayMode(mode) && !opts.fromGateway)
    throw refuse(
      'paymentId',
      `${original.code} was collected by ${PAYMENT_MODE_LABELS[mode]}: refund it in ${PAYMENT_MODE_LABELS[mode]}. Its refund report is booked here when it arrives, once, and takes the money off this event.`,
    );
  if (input.on && !opts.fromGateway) {
    const problem = checkPaymentDate('on', input.on, at);
    if (problem) throw refuse(problem.field, `Refund date refused: ${problem.reason}.`);
  }
  const left = await remainingOf(tx, original);
  if (left.amountMinor <= 0 && !opts.fromGateway)
    throw refuse('paymentId', `${original.code} has already been refunded in full.`);
  const plan = await loadMilestones(tx, event.id);
  const seqOf = new Map(plan.map((m) => [m.id, m.seq]));
  let amountMinor: number;
  let amountInrMinor: number;
  let allocations: { milestoneId: string; amountMinor: number }[];
  let lines: ReturnType<typeof refundPaidLines>;
  let reversesEntryId: string | null = null;
  if (input.kind === 'reversal') {
    if (left.count > 0)
      throw refuse('kind', `${original.code} already has refunds: refund the rest instead of reversing it.`);
    const orig = await tx.select().from(postings).where(eq(postings.entryId, original.journalEntryId!));
    lines = reversalOf(
      orig.map((p) => ({
        account: p.account,
        currency: p.currency as Currency,
        amountMinor: p.amountMinor,
        amountInrMinor: p.amountInrMinor,
      })),
    );
    amountMinor = original.amountMinor;
    amountInrMinor = original.amountInrMinor;
    allocations = original.allocations ?? [];
    reversesEntryId = original.journalEntryId;
  } else {
    amountMinor = input.amountMinor ?? left.amountMinor;
    if (amountMinor > left.amountMinor && !opts.fromGateway)
      throw refuse(
        'amountMinor',
        `${original.code} has ${left.amountMinor} paise left to refund (${original.amountMinor} paid, ${original.amountMinor - left.amountMinor} refunded); ${amountMinor} is more.`,
      );
    const heldByEvent = Math.max(0, await eventCreditOf(tx, event.id));
    let fromCredit = Math.min(amountMinor, Math.max(0, left.creditMinor), heldByEvent);
    if (opts.creditOnly && fromCredit < amountMinor)
      throw refuse(
        'amountMinor',
        `${event.code} holds ${Math.min(Math.max(0, left.creditMinor), heldByEvent)} paise of credit on account from ${original.code}; ${amountMinor} is more.`,
      );
    const split = allocateRefund(
      left.allocations.map((a) => ({ ...a, seq: seqOf.get(a.milestoneId) ?? 0 })),
      amountMinor - fromCredit,
    );
    if (split) allocations = split;
    else if (opts.fromGateway) {
      // The gateway has already paid it out: take what the milestones can give back and the
      // rest from credit on account (which may go below zero, for finance to see and settle).
      allocations = left.allocations.filter((a) => a.amountMinor > 0);
      fromCredit = amountMinor - allocations.reduce((s, a) => s + a.amountMinor, 0);
    } else
      throw refuse(
        'amountMinor',
        `The refund is more than ${original.code} paid into milestones and credit still held: ${amountMinor - fromCredit} paise from milestones asked, ${left.allocations.reduce((s, a) => s + a.amountMinor, 0)} there.`,
      );
    amountInrMinor =
      amountMinor === left.amountMinor
        ? left.amountInrMinor
        : convertMoney(
            { amountMinor, currency: original.currency as Currency },
            original.fx as FxSnapshot | null,
            'INR',
          ).amountMinor;
    lines = refundPaidLines({
      clientId: original.clientId!,
      mode: original.mode,
      currency: original.currency as Currency,
      amountMinor,
      amountInrMinor,
      fromCreditMinor: fromCredit,
    });
  }
  const id = newId();
  // A refund's own code names the receipt it pays back; the GST credit note (when any of it
  // was invoiced) takes the next CN/ number below.
  const code = input.kind === 'reversal' ? `${original.code}-R` : `${original.code}-RF${left.count + 1}`;
  const journalEntryId = await postEntry(tx, {
    memo: `${code} ${input.kind} of ${original.code}: ${input.reason}`,
    eventId: event.id,
    clientId: original.clientId,
    sourceType: input.kind,
    sourceId: id,
    fx: original.fx,
    reversesEntryId,
    lines,
    actorId: actor.actorId,
    at,
  });
  const negative = allocations.map((a) => ({ milestoneId: a.milestoneId, amountMinor: -a.amountMinor }));
  const row: PaymentRow = {
    ...original,
    id,
    code,
    receivedOn: input.on ?? istDate(at),
    amountMinor: -amountMinor,
    amountInrMinor: -amountInrMinor,
    journalEntryId,
    reversesPaymentId: original.id,
    allocations: negative,
    reference: input.reason,
    createdBy: actor.actorId,
    createdAt: at.toISOString(),
  };
  await tx.insert(payments).values(row);
  const after = await applyToMilestones(tx, plan, negative, at);
  if (input.kind === 'refund' && allocations.length > 0)
    await creditNoteForRefund(tx, actor, { event, paymentId: id, allocations, memo: `refund ${code}`, at });
  await recordChange(tx, {
    type: input.kind === 'reversal' ? 'payment.reversed' : 'payment.refunded',
    aggregateType: 'payment',
    aggregateId: original.id,
    payload: { eventId: event.id, code, amountMinor, reason: input.reason },
    actorId: actor.actorId,
    at,
    audit: { before: null, after: { ...toPayment(row) }, ip: actor.ip ?? null, requestId: actor.requestId ?? null },
  });
  return { payment: toPayment(row), milestones: after.map(toMilestone) };
}

export async function listEventPayments(tx: DbOrTx, viewer: Viewer, eventId: string) {
  const event = await loadVisibleEvent(tx, viewer, eventId);
  const rows = await tx.select().from(payments).where(eq(payments.eventId, event.id));
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.code.localeCompare(b.code)).map(toPayment);
}
