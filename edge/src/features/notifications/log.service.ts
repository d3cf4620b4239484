import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { notificationOutbox } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';

export interface LogFilter {
  status?: string;
  channel?: string;
  q?: string;
  broadcastId?: string;
}

/** The notification log: what was sent, to whom, when, through which channel, its status and cost. */
export async function notificationLog(deps: Deps, f: LogFilter) {
  const t = notificationOutbox;
  const where = and(
    f.status ? eq(t.status, f.status as (typeof t.$inferSelect)['status']) : undefined,
    f.channel ? eq(t.channel, f.channel as (typeof t.$inferSelect)['channel']) : undefined,
    f.q ? like(t.recipient, `%${f.q.replace(/[%_]/g, '')}%`) : undefined,
    f.broadcastId ? eq(t.broadcastId, f.broadcastId) : undefined,
  );
  const rows = await deps.db.select().from(t).where(where).orderBy(desc(t.createdAt)).limit(300);
  const counts = await deps.db
    .select({ status: t.status, n: sql<number>`count(*)`, cost: sql<number>`coalesce(sum(${t.costMinor}), 0)` })
    .from(t)
    .where(where)
    .groupBy(t.status);
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    costMinor: counts.reduce((s, c) => s + Number(c.cost), 0),
    messages: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      template: r.template,
      recipient: r.recipient,
      status: r.status,
      providerStatus: r.providerStatus,
      provider: r.provider,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
      deliveredAt: r.deliveredAt,
      readAt: r.readAt,
      nextAttemptAt: r.nextAttemptAt,
      costMinor: r.costMinor,
      category: r.category,
    })),
  };
}

/** The retry button: a dead-lettered or not-sent message goes back to the queue, due now. */
export async function retryMessage(deps: Deps, id: string) {
  const t = notificationOutbox;
  const done = await deps.db
    .update(t)
    .set({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: deps.now().toISOString(),
      leaseOwner: null,
      leaseUntil: null,
    })
    .where(and(eq(t.id, id), inArray(t.status, ['dead', 'not_sent', 'failed'])))
    .returning({ id: t.id });
  if (done.length === 0) {
    const [r] = await deps.db.select({ status: t.status }).from(t).where(eq(t.id, id));
    if (!r) throw new AppError('not_found', 'No such message.');
    throw new AppError(
      'conflict',
      `This message is ${r.status}; only dead-lettered, failed or not-sent messages can be retried.`,
    );
  }
  return { id, status: 'pending' as const };
}
