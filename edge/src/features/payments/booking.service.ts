import { type BookingState, decideBookingMove } from '@mandap/shared/events';
import type { PipelineDetail } from '@mandap/shared/journal';
import { PIPELINE_CAUSE_LABELS, type PipelineCause, pipelineTargets } from '@mandap/shared/leads';
import { formatMoney } from '@mandap/shared/money';
import { indiaToday } from '@mandap/shared/time';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eventLog, events, leads, milestones, payments } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { type Actor, enqueueMessage, recordChange } from '../../lib/journal.ts';
import { type EventRow, loadVisibleEvent } from '../events/events.service.ts';
import { markLeadWonOnBooking, moveLeadByPipeline } from '../leads/lead-stage.service.ts';

/** The facts the booking guards read: money received (net of refunds) and the plan's open milestones. */
async function bookingFacts(tx: DbOrTx, eventId: string) {
  const [paid] = await tx
    .select({ n: sql<number>`coalesce(sum(${payments.amountInrMinor}), 0)` })
    .from(payments)
    .where(eq(payments.eventId, eventId));
  const plan = await tx.select({ status: milestones.status }).from(milestones).where(eq(milestones.eventId, eventId));
  return {
    receivedMinor: Number(paid?.n ?? 0),
    milestoneCount: plan.length,
    unsettledMilestones: plan.filter((m) => m.status !== 'paid' && m.status !== 'waived').length,
  };
}

async function writeStatus(
  tx: DbOrTx,
  event: EventRow,
  to: BookingState,
  actor: Actor,
  at: Date,
  cause?: { cause: PipelineCause; detail?: PipelineDetail },
) {
  await tx.update(events).set({ status: to, updatedAt: at.toISOString() }).where(eq(events.id, event.id));
  await recordChange(tx, {
    type: 'event.status_changed',
    aggregateType: 'event',
    aggregateId: event.id,
    payload: {
      from: event.status,
      to,
      ...(cause ? { cause: cause.cause, causeLabel: PIPELINE_CAUSE_LABELS[cause.cause], ...cause.detail } : {}),
    },
    actorId: actor.actorId,
    at,
    audit: {
      before: { status: event.status },
      after: { status: to },
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    },
  });
}

/** Moves a booking through the lifecycle table (a person's move); effects are domain events, and Deposit paid makes the lead Won. */
export async function applyBookingMove(tx: DbOrTx, event: EventRow, to: BookingState, actor: Actor, at: Date) {
  const decision = decideBookingMove(event.status, to, await bookingFacts(tx, event.id));
  if (!decision.ok) throw new AppError('unprocessable', `${decision.reason}.`, { fields: { to: decision.reason } });
  for (const effect of decision.effects) {
    if (effect === 'lead.won') {
      if (event.leadId) await markLeadWonOnBooking(tx, event.leadId, actor, at);
      continue;
    }
    await recordChange(tx, {
      type: effect,
      aggregateType: 'event',
      aggregateId: event.id,
      payload: { from: decision.from, to },
      actorId: actor.actorId,
      at,
    });
  }
  await writeStatus(tx, event, to, actor, at);
}

async function reload(tx: DbOrTx, eventId: string): Promise<EventRow | null> {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).limit(1);
  return row ?? null;
}

/**
 * Something happened that moves the pipeline (see `PIPELINE_RULES` in shared/): the event's
 * booking and its lead move forward to the stage that is true, each recorded with the cause.
 * Never refuses: a lead or booking already past that stage stays where it is. Give the event,
 * the lead, or both. Answers where each moved (null: stayed).
 */
export async function advancePipeline(
  tx: DbOrTx,
  target: { eventId?: string | null; leadId?: string | null },
  cause: PipelineCause,
  actor: Actor,
  at: Date,
  detail?: PipelineDetail,
): Promise<{ booking: BookingState | null; lead: string | null }> {
  const event = target.eventId ? await reload(tx, target.eventId) : null;
  let booking: BookingState | null = null;
  if (event) {
    booking = pipelineTargets(cause, { bookingState: event.status }).booking;
    if (booking === 'completed' && (await bookingFacts(tx, event.id)).unsettledMilestones > 0) booking = null;
    if (booking) {
      if (booking === 'deposit_paid') {
        for (const type of ['booking.confirmed', 'event.confirmed'] as const)
          await recordChange(tx, {
            type,
            aggregateType: 'event',
            aggregateId: event.id,
            payload: { from: event.status, to: booking, cause },
            actorId: actor.actorId,
            at,
          });
      }
      await writeStatus(tx, event, booking, actor, at, { cause, detail });
    }
  }
  const leadId = target.leadId ?? event?.leadId ?? null;
  const lead = leadId ? await moveLeadByPipeline(tx, leadId, cause, actor, at, detail) : null;
  return { booking, lead };
}

/**
 * After any payment is booked for an event (the payments and gateways features call this in
 * their transaction). The first advance confirms the booking and makes the lead Won whatever
 * stage either was in (an advance on a New or Lost lead included: money is never refused
 * because of a stage) and tells the lead's owner. A payment that settles the last milestone of
 * an event that is on its day (or over) completes it. `event` must be the row as read inside
 * this same transaction (the payment services lock and read it first), so it is not read again.
 */
export async function confirmOnAdvance(tx: DbOrTx, event: EventRow, actor: Actor, at: Date) {
  const now = event;
  if (now.status === 'cancelled' && (await wasConfirmed(tx, now.id))) {
    await flagPaymentOnCancelled(tx, now, actor, at);
    return;
  }
  if (
    now.status === 'enquiry' ||
    now.status === 'discussion' ||
    now.status === 'proposal_sent' ||
    now.status === 'cancelled'
  ) {
    const leadBefore = now.leadId ? await leadStageOf(tx, now.leadId) : null;
    const moved = await advancePipeline(tx, { eventId: now.id }, 'advance_received', actor, at);
    if (moved.booking) await tellOwnerConfirmed(tx, now, leadBefore, at);
    return;
  }
  if (now.status === 'event_day' || (now.status !== 'completed' && isOver(now, at)))
    await advancePipeline(tx, { eventId: now.id }, 'event_completed', actor, at);
}

/** True when the booking was confirmed at some point (by money or by hand), whatever it is now. */
async function wasConfirmed(tx: DbOrTx, eventId: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(eventLog)
    .where(
      and(
        eq(eventLog.aggregateType, 'event'),
        eq(eventLog.aggregateId, eventId),
        eq(eventLog.type, 'booking.confirmed'),
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * Money on a booking cancelled after it was confirmed: the payment is booked (never refused) and
 * the booking stays Cancelled, because the cancellation was a decision. It is flagged: journalled,
 * listed on the money desk, and its owner (and finance) get a task to refund it or reopen the booking.
 */
async function flagPaymentOnCancelled(tx: DbOrTx, event: EventRow, actor: Actor, at: Date) {
  const facts = await bookingFacts(tx, event.id);
  const payload = {
    eventId: event.id,
    eventCode: event.code,
    eventName: event.name,
    receivedMinor: facts.receivedMinor,
    received: formatMoney({ amountMinor: facts.receivedMinor, currency: 'INR' }),
  };
  await recordChange(tx, {
    type: 'booking.payment_on_cancelled',
    aggregateType: 'event',
    aggregateId: event.id,
    payload,
    actorId: actor.actorId,
    at,
  });
  const lead = event.leadId ? await leadStageOf(tx, event.leadId) : null;
  const owners = [...new Set([lead?.ownerId ?? event.managerId, 'role:finance'].filter((r): r is string => !!r))];
  for (const recipient of owners)
    await enqueueMessage(tx, {
      channel: 'in_app',
      template: 'payment_on_cancelled_booking',
      recipient,
      payload,
      at,
      dedupeKey: `payment_on_cancelled:${event.id}:${facts.receivedMinor}:${recipient}`,
    });
}

/** Another name for {@link confirmOnAdvance}: what the payment features call after booking money. */
export const afterPaymentBooked = confirmOnAdvance;

function isOver(event: EventRow, at: Date): boolean {
  return event.endDate < indiaToday(at);
}

async function leadStageOf(tx: DbOrTx, leadId: string) {
  const [row] = await tx
    .select({ stage: leads.stage, ownerId: leads.ownerId, code: leads.code, name: leads.name })
    .from(leads)
    .where(eq(leads.id, leadId))
    .limit(1);
  return row ?? null;
}

/** An in-app note to the lead's owner (outbox): the booking is confirmed, and from which stage the lead came. */
async function tellOwnerConfirmed(
  tx: DbOrTx,
  event: EventRow,
  lead: Awaited<ReturnType<typeof leadStageOf>> | null,
  at: Date,
) {
  const recipient = lead?.ownerId ?? event.managerId;
  if (!recipient) return;
  const facts = await bookingFacts(tx, event.id);
  await enqueueMessage(tx, {
    channel: 'in_app',
    template: 'booking_confirmed',
    recipient,
    payload: {
      eventId: event.id,
      eventCode: event.code,
      eventName: event.name,
      leadCode: lead?.code ?? null,
      leadStageBefore: lead?.stage ?? null,
      received: formatMoney({ amountMinor: facts.receivedMinor, currency: 'INR' }),
    },
    at,
    dedupeKey: `booking_confirmed:${event.id}`,
  });
}

/** The lead was marked Lost: a booking not yet confirmed is cancelled with the cause (a confirmed one stays). */
export async function onLeadLost(tx: DbOrTx, leadId: string, reason: string | null, actor: Actor, at: Date) {
  const rows = await tx.select({ id: events.id }).from(events).where(eq(events.leadId, leadId));
  for (const e of rows) await advancePipeline(tx, { eventId: e.id, leadId: null }, 'lead_lost', actor, at, { reason });
}

export async function moveBooking(deps: Deps, viewer: Viewer, eventId: string, to: BookingState) {
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    const event = await loadVisibleEvent(tx, viewer, eventId);
    await applyBookingMove(tx, event, to, { actorId: viewer.id }, at);
  });
  return { eventId, status: to };
}
