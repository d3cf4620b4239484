import type { LeadHistoryEntry } from '@mandap/shared/leads';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, eventLog, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { loadLead } from './lead-rows.ts';

/**
 * The lead's history: every domain event on it, oldest first, with the audit before/after
 * where there is one, joined by the domain event's id (the journal links them when it writes).
 */
export async function leadHistory(deps: Deps, id: string): Promise<LeadHistoryEntry[]> {
  await loadLead(deps.db, id);
  const rows = await deps.db
    .select({
      at: eventLog.occurredAt,
      type: eventLog.type,
      payload: eventLog.payload,
      actorName: users.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(eventLog)
    .leftJoin(users, eq(users.id, eventLog.actorId))
    .leftJoin(auditLog, eq(auditLog.domainEventId, eventLog.id))
    .where(and(eq(eventLog.aggregateType, 'lead'), eq(eventLog.aggregateId, id)))
    .orderBy(asc(eventLog.seq));
  return rows.map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null }));
}
