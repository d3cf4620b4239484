import {
  allocatePayment,
  allocateRefund,
  type Currency,
  convertMoney,
  type FxSnapshot,
  newId,
  type Payment,
  type PaymentResult,
  paymentReceivedLines,
  type RecordPayment,
  type RefundPayment,
  refundPaidLines,
  reversalOf,
} from '@mandap/shared';
import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { payments, postings, quoteVersions, type FxSnapshot as StoredFx } from '../../db/schema/index.ts';
import type { Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { nextCode, recordChange } from '../../lib/journal.ts';
import { latestRate } from '../fx/fx-rates.service.ts';
import { creditNoteForRefund } from '../invoices/invoices.service.ts';
import { confirmOnAdvance } from './booking.service.ts';
import { loadVisibleEvent } from './event-scope.ts';
import { postEntry } from './ledger-store.ts';
import { applyToMilestones, loadMilestones, toMilestone } from './milestones.service.ts';
import { cancelRemindersFor } from './reminders.ts';

type PaymentRow = typeof payments.$inferSelect;

export interface MoneyActor {
  viewer: Viewer | null;
  actorId: string | null;
  ip?: string | null;
  requestId?: string | null;
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
    journalEntryId: r.journalEntryId,
    createdAt: r.createdAt,
  };
}

const refuse = (field: string, message: string) =>
  new AppError('unprocessable', message, { fields: { [field]: message } });

async function paymentFx(tx: Tx, currency: Currency, rate: string | undefined, at: Date): Promise<FxSnapshot | null> {
  if (currency === 'INR') return null;
  if (rate) return { base: currency, quote: 'INR', rate, source: 'manual', asOf: at.toISOString() };
  const stored = await latestRate(tx, currency, 'INR');
  if (!stored) throw refuse('fxRate', `No ${currency}→INR rate is stored: enter the rate the bank applied.`);
  return stored;
}

/** INR value of the receivable being settled: at the accepted quote's rate when it had one. */
async function carriedInr(
  tx: Tx,
  quoteVersionId: string | null,
  amountMinor: number,
  currency: Currency,
  fallback: number,
) {
  if (currency === 'INR' || !quoteVersionId) return fallback;
  const [v] = await tx.select({ fx: quoteVersions.fx }).from(quoteVersions).where(eq(quoteVersions.id, quoteVersionId));
  const fx = v?.fx as FxSnapshot | null | undefined;
  if (!fx || fx.base !== currency || fx.quote !== 'INR') return fallback;
  return convertMoney({ amountMinor, currency }, fx, 'INR').amountMinor;
}

/**
 * Money received: allocated to milestones, posted to the ledger (bank/cash against the
 * client's receivable), numbered as a receipt, and — for the first advance — the booking
 * confirmed. Runs inside the caller's transaction (the idempotency claim's).
 */
export async function recordPayment(tx: Tx, actor: MoneyActor, input: RecordPayment, at: Date): Promise<PaymentResult> {
  const event = await loadVisibleEvent(tx, actor.viewer, input.eventId);
  if (!event.clientId) throw refuse('eventId', `${event.code} has no client: link a client before recording money.`);
  const plan = await loadMilestones(tx, event.id);
  if (plan.length === 0)
    throw refuse('eventId', `${event.code} has no milestone plan: create one from the accepted quote first.`);
  if (plan[0]!.currency !== input.currency)
    throw refuse('currency', `${event.code} is billed in ${plan[0]!.currency}; this payment is in ${input.currency}.`);
  const decision = allocatePayment(
    plan.map((m) => ({ ...m, isWaived: m.status === 'waived' })),
    input.amountMinor,
    input.allocations,
  );
  if (!decision.ok) throw refuse(decision.field, `This payment cannot be allocated: ${decision.reason}.`);
  const fx = await paymentFx(tx, input.currency, input.fxRate, at);
  const amountInrMinor = convertMoney(
    { amountMinor: input.amountMinor, currency: input.currency },
    fx,
    'INR',
  ).amountMinor;
  const carried = await carriedInr(tx, plan[0]!.quoteVersionId, input.amountMinor, input.currency, amountInrMinor);
  const id = newId();
  const code = await nextCode(tx, 'receipt', at);
  const journalEntryId = await postEntry(tx, {
    memo: `${code} ${input.mode.toUpperCase()} received for ${event.code}`,
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
  await confirmOnAdvance(tx, event, actor, at);
  return { payment: toPayment(row), milestones: after.map(toMilestone) };
}

/** What of a payment is left to refund: its amount, INR value and allocations net of earlier refunds. */
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
    allocations: [...byMilestone].map(([milestoneId, amountMinor]) => ({ milestoneId, amountMinor })),
  };
}

/**
 * A refund (money paid back, part or all) or a reversal (a mistaken entry undone exactly).
 * Never an edit: a new negative payment and a reversing journal entry, milestones paid back
 * latest first. A refund is numbered as a credit note.
 */
export async function refundPayment(
  tx: Tx,
  actor: MoneyActor,
  paymentId: string,
  input: RefundPayment,
  at: Date,
): Promise<PaymentResult> {
  const [original] = await tx.select().from(payments).where(eq(payments.id, paymentId));
  if (!original?.eventId) throw notFound('That payment');
  const event = await loadVisibleEvent(tx, actor.viewer, original.eventId);
  if (original.reversesPaymentId)
    throw refuse('paymentId', `${original.code} is itself a refund: it cannot be refunded.`);
  const left = await remainingOf(tx, original);
  if (left.amountMinor <= 0) throw refuse('paymentId', `${original.code} has already been refunded in full.`);
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
    if (amountMinor > left.amountMinor)
      throw refuse(
        'amountMinor',
        `${original.code} has ${left.amountMinor} paise left to refund; ${amountMinor} is more.`,
      );
    const split = allocateRefund(
      left.allocations.map((a) => ({ ...a, seq: seqOf.get(a.milestoneId) ?? 0 })),
      amountMinor,
    );
    if (!split) throw refuse('amountMinor', 'The refund is more than this payment paid into milestones.');
    allocations = split;
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
    receivedOn: input.on ?? at.toISOString().slice(0, 10),
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
  if (input.kind === 'refund')
    await creditNoteForRefund(tx, actor, { event, paymentId: id, amountMinor, memo: `refund ${code}`, at });
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
