import { type BookingState, confirmsOnAdvance, decideBookingMove } from '@mandap/shared';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { events, milestones, payments } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { markLeadWonOnBooking } from '../leads/lead-stage.service.ts';
import { type EventRow, loadVisibleEvent } from './event-scope.ts';

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

interface Actor {
  actorId: string | null;
  ip?: string | null;
  requestId?: string | null;
}

/** Moves a booking through the lifecycle table; effects are domain events, and Deposit paid makes the lead Won. */
export async function applyBookingMove(tx: DbOrTx, event: EventRow, to: BookingState, actor: Actor, at: Date) {
  const decision = decideBookingMove(event.status, to, await bookingFacts(tx, event.id));
  if (!decision.ok) throw new AppError('unprocessable', `${decision.reason}.`, { fields: { to: decision.reason } });
  await tx.update(events).set({ status: to, updatedAt: at.toISOString() }).where(eq(events.id, event.id));
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
  await recordChange(tx, {
    type: 'event.status_changed',
    aggregateType: 'event',
    aggregateId: event.id,
    payload: { from: decision.from, to },
    actorId: actor.actorId,
    at,
    audit: {
      before: { status: decision.from },
      after: { status: to },
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    },
  });
}

/** After an advance: an event (as read by this transaction) still before Deposit paid is confirmed (and its lead Won). */
export async function confirmOnAdvance(tx: DbOrTx, event: EventRow, actor: Actor, at: Date) {
  if (confirmsOnAdvance(event.status)) await applyBookingMove(tx, event, 'deposit_paid', actor, at);
}

export async function moveBooking(deps: Deps, viewer: Viewer, eventId: string, to: BookingState) {
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    const event = await loadVisibleEvent(tx, viewer, eventId);
    await applyBookingMove(tx, event, to, { actorId: viewer.id }, at);
  });
  return { eventId, status: to };
}
