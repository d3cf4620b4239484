import { z } from 'zod';
import { LEAD_SOURCES, LEAD_STAGES } from '../leads/lifecycle.ts';
import { AGEING_BUCKETS } from '../payments/ageing.ts';
import { ASSIGNMENT_STATUSES } from '../vendors/assignment-status.ts';

/**
 * The operations dashboard: one answer with a section per area, each present only for the
 * roles that may see that area (null otherwise). Every figure is counted by the database.
 */

const ZDay = z.iso.date({ error: 'must be a date (yyyy-mm-dd)' });

/** Filters: the pipeline counts leads created between `from` and `to` (IST days); `owner` narrows leads and events to one person. */
export const ZDashboardQuery = z
  .object({
    from: ZDay.optional(),
    to: ZDay.optional(),
    owner: z.uuid({ error: 'owner must be a user id' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'from must not be after to', path: ['from'] });
export type DashboardQuery = z.infer<typeof ZDashboardQuery>;

const n = z.number().int().nonnegative();

const ZDashboardPipeline = z.object({
  /** Leads created in the range (all stages). */
  total: n,
  open: n,
  won: n,
  lost: n,
  byStage: z.record(z.enum(LEAD_STAGES), n),
  bySource: z.array(z.object({ source: z.enum(LEAD_SOURCES), total: n, won: n })),
  /** Leads at or past each stage of the pipeline now (lost leads are not in it: they are counted as lost). */
  funnel: z.array(z.object({ stage: z.enum(LEAD_STAGES), reached: n })),
});

const ZDashboardFollowUps = z.object({
  overdue: n,
  dueToday: n,
  next7Days: n,
  next: z.array(
    z.object({
      id: z.string(),
      leadId: z.string(),
      leadName: z.string(),
      leadCode: z.string(),
      dueAt: z.string(),
      note: z.string().nullable(),
      isOverdue: z.boolean(),
    }),
  ),
});

const ZDashboardTasks = z.object({
  mineOpen: n,
  mineOverdue: n,
  mineDueToday: n,
  /** Open tasks past their due date across every event board (managers and operations). */
  overdueAll: n,
  next: z.array(
    z.object({
      eventId: z.string(),
      eventName: z.string(),
      taskId: z.string(),
      title: z.string(),
      due: z.string().nullable(),
      statusLabel: z.string(),
      assigneeName: z.string().nullable(),
      isOverdue: z.boolean(),
    }),
  ),
});

const ZDashboardEventRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  eventType: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  city: z.string(),
  venue: z.string().nullable(),
  managerName: z.string().nullable(),
});

const ZDashboardEvents = z.object({
  /** Booked events (not cancelled or completed) on any day from today to today + 6. */
  next7Days: n,
  /** The same from today to today + 29. */
  next30Days: n,
  list: z.array(ZDashboardEventRow),
});

const ZDashboardReceivables = z.object({
  /**
   * Outstanding (amount − paid) of milestones not waived, of events not cancelled (the finance
   * page's rule), per ageing bucket (shared `ageingBucket`) and currency, in minor units.
   */
  buckets: z.array(z.object({ bucket: z.enum(AGEING_BUCKETS), currency: z.string(), count: n, outstandingMinor: n })),
  overdue: z.array(
    z.object({
      milestoneId: z.string(),
      eventId: z.string(),
      eventName: z.string(),
      clientName: z.string().nullable(),
      label: z.string(),
      dueDate: z.string(),
      daysOverdue: n,
      currency: z.string(),
      outstandingMinor: n,
    }),
  ),
});

const ZDashboardVendors = z.object({
  /** Events not cancelled or completed that end today or later. */
  activeEvents: n,
  byStatus: z.record(z.enum(ASSIGNMENT_STATUSES), n),
  /** Open assignments (not delivered, paid or cancelled) waiting on an unmet dependency. */
  blocked: n,
  blockedList: z.array(
    z.object({
      assignmentId: z.string(),
      eventId: z.string(),
      eventName: z.string(),
      vendorName: z.string(),
      scope: z.string(),
      waitsOn: z.string(),
    }),
  ),
});

const ZDashboardEventDay = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      city: z.string(),
      venue: z.string().nullable(),
      checklistDone: n,
      checklistTotal: n,
      /** Assignments not cancelled. */
      vendorsBooked: n,
      vendorsArrived: n,
      /** Expected on site before now and not checked in. */
      vendorsLate: n,
      overdueTasks: n,
    }),
  ),
});

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead', 'not_sent', 'cancelled'] as const;

const ZDashboardNotifications = z.object({
  /** Messages created since this instant (the last 7 days). */
  since: z.string(),
  byStatus: z.record(z.enum(NOTIFICATION_STATUSES), n),
  delivered: n,
  read: n,
  problems: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      template: z.string(),
      status: z.string(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const ZDashboard = z.object({
  asOf: z.string(),
  today: z.string(),
  /** The event-log position the figures were read at (the live stream resumes after it). */
  seq: n,
  pipeline: ZDashboardPipeline.nullable(),
  followUps: ZDashboardFollowUps.nullable(),
  tasks: ZDashboardTasks.nullable(),
  events: ZDashboardEvents.nullable(),
  receivables: ZDashboardReceivables.nullable(),
  vendors: ZDashboardVendors.nullable(),
  eventDay: ZDashboardEventDay.nullable(),
  notifications: ZDashboardNotifications.nullable(),
});
export type Dashboard = z.infer<typeof ZDashboard>;
