import { decideBookingConfirmed, decideLeadMove, type LeadMoveDecision, type MoveLead } from '@mandap/shared';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { leads } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import type { Actor } from './lead-create.ts';
import { loadLead } from './lead-rows.ts';
import { getLead } from './leads.service.ts';

async function applyMove(tx: DbOrTx, leadId: string, decision: LeadMoveDecision, actor: Actor, at: Date) {
  if (!decision.ok) throw new AppError('unprocessable', decision.reason, { fields: { stage: decision.reason } });
  const closed = decision.to === 'won' || decision.to === 'lost';
  await tx
    .update(leads)
    .set({
      stage: decision.to,
      lostReason: decision.to === 'lost' ? decision.lostReason : null,
      ...(closed ? { nextFollowUpAt: null } : {}),
      updatedAt: at.toISOString(),
    })
    .where(eq(leads.id, leadId));
  await recordChange(tx, {
    type: 'lead.stage_changed',
    aggregateType: 'lead',
    aggregateId: leadId,
    payload: {
      from: decision.from,
      to: decision.to,
      ...(decision.lostReason ? { lostReason: decision.lostReason } : {}),
    },
    actorId: actor.actorId,
    at,
    audit: {
      before: { stage: decision.from },
      after: { stage: decision.to, lostReason: decision.lostReason },
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    },
  });
}

/** Moves a lead on the board, checked against the lifecycle table in shared/. A refused move is a 422 with the reason. */
export async function moveLead(deps: Deps, id: string, input: MoveLead, actor: Actor) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { row } = await loadLead(tx, id);
    await applyMove(tx, id, decideLeadMove(row, input.stage, { lostReason: input.lostReason }), actor, now);
  });
  return getLead(deps, id);
}

/**
 * The booking for this lead is confirmed (advance paid): the lead becomes Won. For the
 * payments feature to call inside its own transaction. Already Won is a no-op.
 */
export async function markLeadWonOnBooking(tx: DbOrTx, leadId: string, actor: Actor, at: Date): Promise<void> {
  const { row } = await loadLead(tx, leadId);
  if (row.stage === 'won') return;
  await applyMove(tx, leadId, decideBookingConfirmed(row), actor, at);
}

/**
 * A quote was sent for this lead: it moves to Quote sent when the lifecycle allows (from
 * Brief captured or Meeting scheduled with a brief, or back from Negotiation for a revised
 * quote), recording the change like a manual move. Otherwise (already there, too early such
 * as New, or closed) it stays where it is, so sending a quote never fails because of the
 * pipeline. For the quotes feature to call inside its send transaction; answers whether it moved.
 */
export async function markLeadQuoteSent(tx: DbOrTx, leadId: string, actor: Actor, at: Date): Promise<boolean> {
  const { row } = await loadLead(tx, leadId);
  if (row.stage === 'quote_sent') return false;
  const decision = decideLeadMove(row, 'quote_sent');
  if (!decision.ok) return false;
  await applyMove(tx, leadId, decision, actor, at);
  return true;
}
