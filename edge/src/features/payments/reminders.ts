import { and, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { notificationOutbox } from '../../db/schema/index.ts';

/** The outbox dedupe key of a milestone reminder: one per milestone and kind, ever. */
export const reminderKey = (milestoneId: string, kind: 'due_in_3_days' | 'due_today') =>
  `milestone_reminder:${milestoneId}:${kind}`;

/** Cancels reminders still waiting to go out for milestones that are now settled. */
export async function cancelRemindersFor(tx: DbOrTx, milestoneIds: readonly string[]): Promise<number> {
  if (milestoneIds.length === 0) return 0;
  const rows = await tx
    .update(notificationOutbox)
    .set({ status: 'cancelled', lastError: 'milestone settled before the reminder went out' })
    .where(
      and(
        inArray(notificationOutbox.status, ['pending', 'failed']),
        or(...milestoneIds.map((id) => like(notificationOutbox.dedupeKey, `milestone_reminder:${id}:%`))),
      ),
    )
    .returning({ id: notificationOutbox.id });
  return rows.length;
}

/** The tick's sweep: cancels waiting reminders of every milestone now paid or waived. */
export async function cancelSettledReminders(tx: DbOrTx): Promise<number> {
  const rs =
    await tx.run(sql`UPDATE notification_outbox SET status = 'cancelled', last_error = 'milestone settled before the reminder went out'
    WHERE status IN ('pending', 'failed') AND dedupe_key LIKE 'milestone_reminder:%'
    AND EXISTS (SELECT 1 FROM milestones m WHERE m.status IN ('paid', 'waived') AND notification_outbox.dedupe_key LIKE 'milestone_reminder:' || m.id || ':%')`);
  return rs.rowsAffected;
}
