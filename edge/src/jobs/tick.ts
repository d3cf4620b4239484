import { newId } from '@mandap/shared/common';
import { addDays, indiaDate as istDate } from '@mandap/shared/time';
import { and, inArray, lte } from 'drizzle-orm';
import { milestones } from '../db/schema/index.ts';
import { fxProviderOf, refreshRatesIfStale } from '../features/fx/fx-rates.service.ts';
import { metaLeadSourceFor } from '../features/intake/meta.service.ts';
import { type MetaFetchReport, retryMetaFetches } from '../features/intake/meta-fetch.service.ts';
import { type DeliveryReport, deliverDue } from '../features/notifications/deliver.ts';
import { queueEventReminders, runMoments } from '../features/notifications/moments.service.ts';
import { refreshStatuses } from '../features/payments/milestones.service.ts';
import type { Deps } from '../lib/context.ts';
import { recordChange } from '../lib/journal.ts';
import { refreshMilestoneReminders } from './milestone-reminders.ts';

export interface TickReport {
  overdueMarked: number;
  remindersQueued: number;
  remindersCancelled: number;
  fx: 'refreshed' | 'fresh' | 'off' | 'failed';
  /** Messages queued by lifecycle moments (domain events and event-day reminders). */
  momentsQueued: number;
  delivery: DeliveryReport;
  /** Meta leads whose fields were fetched again (retried with backoff until they arrive). */
  metaLeads: MetaFetchReport;
}

/**
 * This process's delivery runner id: the outbox lease names it. Made on first use, because
 * Workers refuse random values in global scope.
 */
let runner: string | undefined;
const runnerId = () => {
  runner ??= `tick-${newId()}`;
  return runner;
};

/**
 * The one scheduled job, idempotent: run it twice at the same `now` and the second run
 * changes nothing. Marks milestones overdue, queues reminders for milestones due in three
 * days and today (deduplicated in the outbox), cancels reminders of settled milestones and
 * refreshes FX rates when stale. Then queues the lifecycle moments from new domain events and
 * delivers what is due from the outbox (claimed under a lease, so runners on several
 * instances never send a row twice).
 */
export async function tick(deps: Deps, now: Date): Promise<TickReport> {
  const today = istDate(now);
  const overdueMarked = await deps.db.transaction(async (tx) => {
    const late = await tx
      .select()
      .from(milestones)
      .where(
        and(inArray(milestones.status, ['pending', 'partially_paid']), lte(milestones.dueDate, addDays(today, -1))),
      );
    const after = await refreshStatuses(tx, late, now);
    for (const m of after.filter((x) => x.status === 'overdue'))
      await recordChange(tx, {
        type: 'milestone.overdue',
        aggregateType: 'event',
        aggregateId: m.eventId,
        payload: { milestoneId: m.id, dueDate: m.dueDate, outstandingMinor: m.amountMinor - m.paidMinor },
        actorId: null,
        at: now,
      });
    return after.filter((x) => x.status === 'overdue').length;
  });
  const reminders = await refreshMilestoneReminders(deps, now);
  let fx: TickReport['fx'];
  try {
    fx = await refreshRatesIfStale(deps, fxProviderOf(deps));
  } catch (err) {
    deps.log.warn('fx refresh failed in tick', { error: String(err) });
    fx = 'failed';
  }
  let metaLeads: MetaFetchReport;
  try {
    metaLeads = await retryMetaFetches(deps, now, metaLeadSourceFor(deps));
  } catch (err) {
    deps.log.warn('meta lead fetch retry failed in tick', { error: String(err) });
    metaLeads = { filled: 0, failed: 0, gaveUp: 0, state: 'ran' };
  }
  const momentsQueued = (await runMoments(deps, now)) + (await queueEventReminders(deps, now));
  const delivery = await deliverDue(deps, now, { runner: runnerId() });
  return { overdueMarked, ...reminders, fx, momentsQueued, delivery, metaLeads };
}
