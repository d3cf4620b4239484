import { type Currency, formatMoney } from '@mandap/shared/money';
import { addDays, indiaDate as istDate } from '@mandap/shared/time';
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import { clients, events, milestones } from '../db/schema/index.ts';
import { cancelSettledReminders, reminderKey } from '../features/payments/reminders.ts';
import type { Deps } from '../lib/context.ts';
import { enqueueMessage } from '../lib/journal.ts';
import { countRows } from './count.ts';

/**
 * Queues a reminder (email, else WhatsApp) for each open milestone due in three days or
 * today; the outbox's dedupe key makes a rerun queue nothing new. Reminders of milestones
 * settled since are cancelled.
 */
export async function refreshMilestoneReminders(deps: Deps, now: Date) {
  const today = istDate(now);
  const soon = addDays(today, 3);
  return deps.db.transaction(async (tx) => {
    const before = await countRows(tx);
    const due = await tx
      .select({ m: milestones, code: events.code, name: events.name, email: clients.email, phone: clients.phone })
      .from(milestones)
      .innerJoin(events, eq(events.id, milestones.eventId))
      .innerJoin(clients, eq(clients.id, events.clientId))
      .where(
        and(
          inArray(milestones.status, ['pending', 'partially_paid', 'overdue']),
          ne(events.status, 'cancelled'),
          or(eq(milestones.dueDate, today), eq(milestones.dueDate, soon)),
        ),
      );
    for (const r of due) {
      const recipient = r.email ?? r.phone;
      if (!recipient) continue;
      const kind = r.m.dueDate === today ? 'due_today' : 'due_in_3_days';
      await enqueueMessage(tx, {
        channel: r.email ? 'email' : 'whatsapp',
        template: `milestone_${kind}`,
        recipient,
        payload: {
          eventCode: r.code,
          eventName: r.name,
          milestone: r.m.label,
          dueDate: r.m.dueDate,
          outstanding: formatMoney({
            amountMinor: r.m.amountMinor - r.m.paidMinor,
            currency: r.m.currency as Currency,
          }),
        },
        at: now,
        dedupeKey: reminderKey(r.m.id, kind),
      });
    }
    const queued = (await countRows(tx)) - before;
    const remindersCancelled = await cancelSettledReminders(tx);
    return { remindersQueued: queued, remindersCancelled };
  });
}
