import { newId } from '@mandap/shared/common';
import type { Communication, ZLogCommunication } from '@mandap/shared/leads';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { communications, events, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { type Actor, recordChange } from '../../lib/journal.ts';
import { listAttachments } from './attachments.service.ts';
import { loadLead } from './lead-rows.ts';

type LogInput = z.output<typeof ZLogCommunication>;

/** Maps each kind's form onto the communications columns; kind-specific extras go into `details`. */
function toColumns(input: LogInput) {
  switch (input.kind) {
    case 'call':
      return {
        direction: input.direction,
        outcome: input.outcome,
        durationSeconds: input.durationSeconds ?? null,
        body: input.notes ?? null,
        details: input.decisions ? { decisions: input.decisions } : null,
      };
    case 'whatsapp':
      return {
        direction: input.direction,
        outcome: input.status,
        durationSeconds: null,
        body: input.message,
        details: null,
      };
    case 'meeting':
      return {
        direction: 'internal' as const,
        outcome: null,
        durationSeconds: null,
        body: input.notes ?? null,
        details: {
          attendees: input.attendees,
          ...(input.meetLink ? { meetLink: input.meetLink } : {}),
          ...(input.clientReactions ? { clientReactions: input.clientReactions } : {}),
          ...(input.decisions ? { decisions: input.decisions } : {}),
        },
      };
    case 'email':
      return {
        direction: input.direction,
        outcome: null,
        durationSeconds: null,
        body: input.body ?? null,
        details: { subject: input.subject },
      };
    case 'note':
      return { direction: 'internal' as const, outcome: null, durationSeconds: null, body: input.body, details: null };
  }
}

/** Logs a call, message, meeting, email or note on the lead's timeline (and its event's, once converted). */
export async function logCommunication(deps: Deps, leadId: string, input: LogInput, actor: Actor) {
  return deps.db.transaction((tx) => writeCommunication(deps, tx, leadId, input, actor));
}

/** {@link logCommunication} inside the caller's transaction (used by the idempotent route). */
export async function writeCommunication(
  deps: Deps,
  tx: DbOrTx,
  leadId: string,
  input: LogInput,
  actor: Actor,
): Promise<Communication> {
  const now = deps.now();
  const id = newId();
  await loadLead(tx, leadId);
  const [event] = await tx.select({ id: events.id }).from(events).where(eq(events.leadId, leadId)).limit(1);
  const row = {
    id,
    leadId,
    eventId: event?.id ?? null,
    kind: input.kind,
    ...toColumns(input),
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : now.toISOString(),
    byUserId: actor.actorId,
    createdAt: now.toISOString(),
  };
  await tx.insert(communications).values(row);
  await recordChange(tx, {
    type: 'communication.logged',
    aggregateType: 'lead',
    aggregateId: leadId,
    payload: { communicationId: id, kind: input.kind, outcome: row.outcome },
    actorId: actor.actorId,
    at: now,
    audit: { before: null, after: row, ip: actor.ip ?? null, requestId: actor.requestId ?? null },
  });
  const [logged] = await listCommunications(deps, leadId, id, tx);
  return logged!;
}

/** The lead's timeline, newest first. */
export async function listCommunications(
  deps: Deps,
  leadId: string,
  onlyId?: string,
  db: DbOrTx = deps.db,
): Promise<Communication[]> {
  if (!onlyId) await loadLead(db, leadId);
  const [rows, files] = await Promise.all([
    db
      .select({
        id: communications.id,
        kind: communications.kind,
        direction: communications.direction,
        outcome: communications.outcome,
        durationSeconds: communications.durationSeconds,
        body: communications.body,
        details: communications.details,
        occurredAt: communications.occurredAt,
        byName: users.name,
      })
      .from(communications)
      .leftJoin(users, eq(users.id, communications.byUserId))
      .where(onlyId ? eq(communications.id, onlyId) : eq(communications.leadId, leadId))
      .orderBy(desc(communications.occurredAt)),
    onlyId ? [] : listAttachments(deps, leadId),
  ]);
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.communicationId === r.id) }));
}
