import type { LeadHistoryEntry } from '@mandap/shared';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, eventLog, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { loadLead } from './lead-rows.ts';

/** The lead's history: every domain event on it, oldest first, with the audit before/after where there is one. */
export async function leadHistory(deps: Deps, id: string): Promise<LeadHistoryEntry[]> {
  await loadLead(deps.db, id);
  const [eventsRows, audits] = await Promise.all([
    deps.db
      .select({ at: eventLog.occurredAt, type: eventLog.type, payload: eventLog.payload, actorName: users.name })
      .from(eventLog)
      .leftJoin(users, eq(users.id, eventLog.actorId))
      .where(and(eq(eventLog.aggregateType, 'lead'), eq(eventLog.aggregateId, id)))
      .orderBy(asc(eventLog.seq)),
    deps.db
      .select({ at: auditLog.at, action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'lead'), eq(auditLog.entityId, id))),
  ]);
  const auditByKey = new Map(audits.map((a) => [`${a.action}@${a.at}`, a]));
  return eventsRows.map((e) => {
    const audit = auditByKey.get(`${e.type}@${e.at}`);
    return {
      at: e.at,
      type: e.type,
      actorName: e.actorName,
      payload: e.payload,
      before: audit?.before ?? null,
      after: audit?.after ?? null,
    };
  });
}
