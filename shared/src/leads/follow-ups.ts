import { indiaDate as istDay } from '../time/india.ts';

export const FOLLOW_UP_BUCKETS = ['overdue', 'today', 'upcoming'] as const;
export type FollowUpBucket = (typeof FOLLOW_UP_BUCKETS)[number];

/**
 * Which list a follow-up belongs on, by the Asia/Kolkata calendar: overdue when its time has
 * passed, today when it falls later today, upcoming after that.
 */
export function followUpBucket(dueAt: Date, now: Date): FollowUpBucket {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return istDay(dueAt) === istDay(now) ? 'today' : 'upcoming';
}

/** How far ahead of the due time the reminder goes out. */
const FOLLOW_UP_REMINDER_LEAD_MS = 15 * 60_000;

/** When to send the reminder: 15 minutes ahead, or now if that has passed. */
export function reminderTime(dueAt: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), dueAt.getTime() - FOLLOW_UP_REMINDER_LEAD_MS));
}
