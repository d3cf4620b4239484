import { newId } from '@mandap/shared/common';
import type { DomainEventType } from '@mandap/shared/journal';
import { type FollowUp, followUpBucket, type MyFollowUps, reminderTime } from '@mandap/shared/leads';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { leadFollowUps, leads, notificationOutbox } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Actor, enqueueMessage, recordChange } from '../../lib/journal.ts';
import { loadLead } from './lead-rows.ts';

type FollowUpRow = typeof leadFollowUps.$inferSelect;

const reminderKey = (f: { id: string; dueAt: string }) => `follow-up:${f.id}:${f.dueAt}`;

/** Queues the in-app reminder for a follow-up's owner (delivery comes with the notifications feature). */
async function queueReminder(tx: DbOrTx, f: FollowUpRow, lead: { code: string; name: string }, now: Date) {
  if (!f.ownerId) return;
  await enqueueMessage(tx, {
    channel: 'in_app',
    template: 'lead_follow_up_due',
    recipient: f.ownerId,
    payload: {
      followUpId: f.id,
      leadId: f.leadId,
      leadCode: lead.code,
      leadName: lead.name,
      dueAt: f.dueAt,
      note: f.note,
    },
    at: reminderTime(new Date(f.dueAt), now),
    dedupeKey: reminderKey(f),
  });
}

async function cancelReminder(tx: DbOrTx, f: FollowUpRow) {
  await tx
    .update(notificationOutbox)
    .set({ status: 'cancelled' })
    .where(and(eq(notificationOutbox.dedupeKey, reminderKey(f)), eq(notificationOutbox.status, 'pending')));
}

/** Keeps `leads.next_follow_up_at` equal to the lead's earliest open follow-up. */
async function syncNextFollowUp(tx: DbOrTx, leadId: string) {
  const [next] = await tx
    .select({ dueAt: leadFollowUps.dueAt })
    .from(leadFollowUps)
    .where(and(eq(leadFollowUps.leadId, leadId), eq(leadFollowUps.status, 'open')))
    .orderBy(asc(leadFollowUps.dueAt))
    .limit(1);
  await tx
    .update(leads)
    .set({ nextFollowUpAt: next?.dueAt ?? null })
    .where(eq(leads.id, leadId));
}

async function journal(
  tx: DbOrTx,
  type: DomainEventType,
  f: FollowUpRow,
  before: FollowUpRow | null,
  actor: Actor,
  at: Date,
) {
  await recordChange(tx, {
    type,
    aggregateType: 'lead',
    aggregateId: f.leadId,
    payload: { followUpId: f.id, dueAt: f.dueAt },
    actorId: actor.actorId,
    at,
    audit: { before, after: f, ip: actor.ip ?? null, requestId: actor.requestId ?? null },
  });
}

/** Schedules a follow-up for the lead's owner (or the person scheduling it, if the lead has none). */
export async function scheduleFollowUp(
  deps: Deps,
  leadId: string,
  input: { dueAt: string; note?: string | undefined },
  actor: Actor,
) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { row: lead } = await loadLead(tx, leadId);
    if (lead.stage === 'won' || lead.stage === 'lost')
      throw new AppError('unprocessable', `The lead is ${lead.stage}; reopen it before planning a follow-up.`);
    const [f] = await tx
      .insert(leadFollowUps)
      .values({
        id: newId(),
        leadId,
        ownerId: lead.ownerId ?? actor.actorId,
        dueAt: new Date(input.dueAt).toISOString(),
        note: input.note ?? null,
        status: 'open',
        createdBy: actor.actorId,
        createdAt: now.toISOString(),
      })
      .returning();
    await queueReminder(tx, f!, lead, now);
    await syncNextFollowUp(tx, leadId);
    await journal(tx, 'lead.follow_up_scheduled', f!, null, actor, now);
    return f!;
  });
}

async function changeOpenFollowUp(
  deps: Deps,
  id: string,
  viewer: Viewer,
  actor: Actor,
  change: (f: FollowUpRow, now: Date) => Partial<FollowUpRow>,
  type: DomainEventType,
) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(leadFollowUps).where(eq(leadFollowUps.id, id)).limit(1);
    if (!before) throw notFound('That follow-up');
    if (before.status !== 'open') throw new AppError('conflict', 'This follow-up is already closed.');
    if (before.ownerId && before.ownerId !== viewer.id && viewer.role === 'sales')
      throw new AppError('forbidden', 'This follow-up belongs to another salesperson.');
    const [after] = await tx.update(leadFollowUps).set(change(before, now)).where(eq(leadFollowUps.id, id)).returning();
    await cancelReminder(tx, before);
    if (after!.status === 'open') {
      const { row: lead } = await loadLead(tx, after!.leadId);
      await queueReminder(tx, after!, lead, now);
    }
    await syncNextFollowUp(tx, before.leadId);
    await journal(tx, type, after!, before, actor, now);
    return after!;
  });
}

/** Pushes a follow-up later by `minutes` from now (or from its due time, if that is later). */
export function snoozeFollowUp(deps: Deps, id: string, minutes: number, viewer: Viewer, actor: Actor) {
  return changeOpenFollowUp(
    deps,
    id,
    viewer,
    actor,
    (f, now) => ({
      dueAt: new Date(Math.max(now.getTime(), new Date(f.dueAt).getTime()) + minutes * 60_000).toISOString(),
      snoozeCount: f.snoozeCount + 1,
    }),
    'lead.follow_up_snoozed',
  );
}

/** Moves a follow-up to another time (the calendar's drag and drop); its reminder moves with it. */
export function rescheduleFollowUp(deps: Deps, id: string, dueAt: string, viewer: Viewer, actor: Actor) {
  return changeOpenFollowUp(deps, id, viewer, actor, () => ({ dueAt }), 'lead.follow_up_rescheduled');
}

export function completeFollowUp(deps: Deps, id: string, outcome: string | undefined, viewer: Viewer, actor: Actor) {
  return changeOpenFollowUp(
    deps,
    id,
    viewer,
    actor,
    (_f, now) => ({ status: 'done', outcome: outcome ?? null, completedAt: now.toISOString() }),
    'lead.follow_up_completed',
  );
}

const followUpColumns = {
  id: leadFollowUps.id,
  leadId: leadFollowUps.leadId,
  leadCode: leads.code,
  leadName: leads.name,
  leadPhone: leads.phone,
  dueAt: leadFollowUps.dueAt,
  note: leadFollowUps.note,
  status: leadFollowUps.status,
};

/** The viewer's open follow-ups: overdue, today and upcoming (Asia/Kolkata days). */
export async function myFollowUps(deps: Deps, viewer: Viewer): Promise<MyFollowUps> {
  const now = deps.now();
  const rows = await deps.db
    .select(followUpColumns)
    .from(leadFollowUps)
    .innerJoin(leads, eq(leads.id, leadFollowUps.leadId))
    .where(and(eq(leadFollowUps.ownerId, viewer.id), eq(leadFollowUps.status, 'open')))
    .orderBy(asc(leadFollowUps.dueAt))
    .limit(500);
  const out: MyFollowUps = { overdue: [], today: [], upcoming: [] };
  for (const r of rows) {
    const bucket = followUpBucket(new Date(r.dueAt), now);
    out[bucket].push({ ...r, bucket });
  }
  return out;
}

/** A lead's follow-ups, open first. */
export async function leadFollowUpList(deps: Deps, leadId: string): Promise<FollowUp[]> {
  await loadLead(deps.db, leadId);
  const now = deps.now();
  const rows = await deps.db
    .select(followUpColumns)
    .from(leadFollowUps)
    .innerJoin(leads, eq(leads.id, leadFollowUps.leadId))
    .where(eq(leadFollowUps.leadId, leadId))
    .orderBy(asc(leadFollowUps.status), asc(leadFollowUps.dueAt));
  return rows.map((r) => ({ ...r, bucket: r.status === 'open' ? followUpBucket(new Date(r.dueAt), now) : null }));
}
