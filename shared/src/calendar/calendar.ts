import { z } from 'zod';
import { addDays, indiaDate as istDay } from '../time/india.ts';

/** What the calendar shows. */
export const CALENDAR_TYPES = [
  'event',
  'function',
  'meeting',
  'follow_up',
  'payment_due',
  'vendor_arrival',
  'preparation',
] as const;
export type CalendarType = (typeof CALENDAR_TYPES)[number];

export const CALENDAR_TYPE_LABELS: Record<CalendarType, string> = {
  event: 'Events',
  function: 'Functions',
  meeting: 'Meetings',
  follow_up: 'Follow-ups',
  payment_due: 'Payment due dates',
  vendor_arrival: 'Vendor milestones',
  preparation: 'Preparation steps',
};

const ZDay = z.iso.date({ error: 'must be a date (yyyy-mm-dd)' });

export const ZCalendarQuery = z.strictObject({
  from: ZDay,
  to: ZDay,
  owner: z.uuid({ error: 'must be a user id' }).optional(),
  types: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(',').filter(Boolean);
      for (const t of list)
        if (!(CALENDAR_TYPES as readonly string[]).includes(t)) {
          ctx.addIssue({ code: 'custom', message: `unknown type ${t}; use ${CALENDAR_TYPES.join(', ')}` });
          return z.NEVER;
        }
      return list as CalendarType[];
    }),
});
export type CalendarQuery = z.infer<typeof ZCalendarQuery>;

/**
 * One calendar entry. All-day entries carry dates (`start`..`end` inclusive, yyyy-mm-dd) and
 * appear on each of their days; timed ones carry ISO date-times.
 */
const ZCalendarEntry = z.object({
  /** `<type>:<record id>`, stable across reloads. */
  key: z.string(),
  type: z.enum(CALENDAR_TYPES),
  refId: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  allDay: z.boolean(),
  start: z.string(),
  end: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  href: z.string().nullable(),
  /** True when this user may drag it to another day. */
  canMove: z.boolean(),
  /** Overdue follow-ups and payments, for a red mark. */
  overdue: z.boolean(),
});
export type CalendarEntry = z.infer<typeof ZCalendarEntry>;

export const ZCalendarEntries = z.object({ entries: z.array(ZCalendarEntry) });

/** Moving an entry to another day (all-day) or time (timed): the duration is kept. */
export const ZMoveCalendarEntry = z.strictObject({
  start: z.union([ZDay, z.iso.datetime({ offset: true, error: 'must be a date or an ISO date-time' })]),
});

/** The days (yyyy-mm-dd) an entry covers, clipped to [from, to]: a three-day wedding shows on all three. */
export function daysOf(entry: Pick<CalendarEntry, 'start' | 'end' | 'allDay'>, from: string, to: string): string[] {
  const first = entry.allDay ? entry.start : istDay(new Date(entry.start));
  const last = entry.allDay ? entry.end : istDay(new Date(entry.end));
  const out: string[] = [];
  let d = first < from ? from : first;
  const stop = last > to ? to : last;
  while (d <= stop && out.length < 400) {
    out.push(d);
    d = addDays(d, 1);
  }
  return out;
}

export const ZCalendarFeed = z.object({ url: z.string(), createdAt: z.string() });
