import type { PipelineDetail } from '@mandap/shared/journal';
import {
  decideLeadMove,
  type LeadMoveDecision,
  type LeadStage,
  type MoveLead,
  PIPELINE_CAUSE_LABELS,
  type PipelineCause,
  pipelineTargets,
} from '@mandap/shared/leads';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { leads } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { type Actor, recordChange } from '../../lib/journal.ts';
import { onLeadLost } from '../payments/booking.service.ts';
import { loadLead } from './lead-rows.ts';
import { getLead } from './leads.service.ts';

async function applyMove(
  tx: DbOrTx,
  leadId: string,
  decision: LeadMoveDecision,
  actor: Actor,
  at: Date,
  cause?: { cause: PipelineCause; detail?: PipelineDetail },
) {
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
      ...(cause ? { cause: cause.cause, causeLabel: PIPELINE_CAUSE_LABELS[cause.cause], ...cause.detail } : {}),
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
    // Lost (to a competitor or otherwise): a booking not yet confirmed is cancelled, saying why.
    if (input.stage === 'lost') await onLeadLost(tx, id, input.lostReason ?? null, actor, now);
  });
  return getLead(deps, id);
}

/**
 * Moves a lead because something happened (quote sent, changes requested, acceptance, advance,
 * completion), to the stage the pipeline rules in shared/ say is true. Only forward, never an
 * error: a lead already past that stage stays. Recorded like a manual move, with the cause.
 * Answers the stage it moved to (null: stayed).
 */
export async function moveLeadByPipeline(
  tx: DbOrTx,
  leadId: string,
  cause: PipelineCause,
  actor: Actor,
  at: Date,
  detail?: PipelineDetail,
): Promise<LeadStage | null> {
  const { row } = await loadLead(tx, leadId);
  const to = pipelineTargets(cause, { leadStage: row.stage }).lead;
  if (!to || to === row.stage) return null;
  await applyMove(tx, leadId, { ok: true, from: row.stage, to, lostReason: null }, actor, at, { cause, detail });
  return to;
}

/** The booking for this lead is confirmed (advance paid): the lead becomes Won from any stage, even New or Lost. */
export async function markLeadWonOnBooking(tx: DbOrTx, leadId: string, actor: Actor, at: Date): Promise<void> {
  await moveLeadByPipeline(tx, leadId, 'advance_received', actor, at);
}

/**
 * A quote was sent for this lead: it moves to Quote sent when it is before it (or back from
 * Negotiation for a revised quote), recording the change with the cause. Otherwise it stays
 * where it is, so sending a quote never fails because of the pipeline. Answers whether it moved.
 */
export async function markLeadQuoteSent(tx: DbOrTx, leadId: string, actor: Actor, at: Date): Promise<boolean> {
  return (await moveLeadByPipeline(tx, leadId, 'quote_sent', actor, at)) !== null;
}
