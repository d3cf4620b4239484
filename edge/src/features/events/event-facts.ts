import type { UpdateLeadBrief } from '@mandap/shared/leads';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { events } from '../../db/schema/index.ts';

/**
 * One brief (issue 9, item 8): an event keeps a few facts of its brief on its own row (type,
 * dates, city, venue, guests) for lists, the calendar and the client's page. They are set at
 * conversion and follow every later edit of the brief, in the same transaction, so the event
 * never shows a guest count the brief no longer has. Cleared values a booked event cannot lack
 * (its type, dates and city) are kept.
 */
export async function followBrief(tx: DbOrTx, leadId: string, patch: Partial<UpdateLeadBrief>, at: Date) {
  const set: Partial<typeof events.$inferInsert> = {};
  if (patch.guestCount !== undefined) set.guestCount = patch.guestCount;
  if (patch.venue !== undefined) set.venue = patch.venue;
  if (patch.city) set.city = patch.city;
  if (patch.eventType) set.eventType = patch.eventType;
  const from = patch.eventDateFrom ?? null;
  const to = patch.eventDateTo ?? null;
  if (from) set.startDate = from;
  if (to) set.endDate = to;
  // One end moved alone never leaves the other on the wrong side of it.
  if (from && !to) set.endDate = sql`max(${events.endDate}, ${from})` as unknown as string;
  if (to && !from) set.startDate = sql`min(${events.startDate}, ${to})` as unknown as string;
  if (Object.keys(set).length === 0) return;
  await tx
    .update(events)
    .set({ ...set, updatedAt: at.toISOString() })
    .where(eq(events.leadId, leadId));
}
