import { and, inArray, like, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { notificationOutbox } from '../../db/schema/index.ts';

/** The outbox dedupe key of a milestone reminder: one per milestone and kind, ever. */
export const reminderKey = (milestoneId: string, kind: 'due_in_3_days' | 'due_today') =>
  `milestone_reminder:${milestoneId}:${kind}`;

/** Cancels reminders still waiting to go out for milestones that are now settled. */
export async function cancelRemindersFor(tx: DbOrTx, milestoneIds: readonly string[]): Promise<void> {
  if (milestoneIds.length === 0) return;
  await tx
    .update(notificationOutbox)
    .set({ status: 'cancelled', lastError: 'milestone settled before the reminder went out' })
    .where(
      and(
        inArray(notificationOutbox.status, ['pending', 'failed']),
        or(...milestoneIds.map((id) => like(notificationOutbox.dedupeKey, `milestone_reminder:${id}:%`))),
      ),
    );
}
