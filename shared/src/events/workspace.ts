import { z } from 'zod';
import { ASSIGNMENT_STATUSES } from '../vendors/assignment-status.ts';

/** Public client configuration: where the collab-server listens (a ws:// or wss:// base URL). */
export const ZClientConfig = z.object({ collabUrl: z.string() });
export type ClientConfig = z.infer<typeof ZClientConfig>;

/** A task from the projection of an event's task board, for "my tasks" across events. */
const ZMyTask = z.object({
  eventId: z.string(),
  eventName: z.string(),
  eventCode: z.string(),
  taskId: z.string(),
  title: z.string(),
  due: z.string().nullable(),
  priority: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  isDone: z.boolean(),
  parentId: z.string().nullable(),
});
export type MyTask = z.infer<typeof ZMyTask>;

export const ZMyTaskList = z.object({ tasks: z.array(ZMyTask) });

/** Query of "my tasks": open only (default) or with done ones. */
export const ZMyTasksQuery = z.object({ include: z.enum(['open', 'all']).default('open') });

/** Someone a task can be assigned to. */
const ZAssignee = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type Assignee = z.infer<typeof ZAssignee>;
export const ZAssigneeList = z.object({ people: z.array(ZAssignee) });

/** Asking for a read-only brief link: how many days it stays valid (default 14, at most 90). Strict: nothing else, no nesting. */
export const ZBriefShareInput = z.strictObject({
  days: z
    .number()
    .int()
    .min(1, 'A link must last at least one day.')
    .max(90, 'A link can last at most 90 days.')
    .default(14),
});

/** A signed, expiring, read-only link to one brief (no login; the collab-server checks it). */
export const ZBriefShareLink = z.object({ id: z.string(), url: z.string(), token: z.string(), expiresAt: z.string() });
export type BriefShareLink = z.infer<typeof ZBriefShareLink>;

/** An issued brief link as the share dialog lists it: who made it, when, until when, and whether it was withdrawn. */
export const ZBriefShareLinkRow = z.object({
  id: z.string(),
  /** The brief it opens (`event:<id>:brief` or `lead:<id>:brief`). */
  document: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
});
export type BriefShareLinkRow = z.infer<typeof ZBriefShareLinkRow>;
export const ZBriefShareLinkList = z.object({ links: z.array(ZBriefShareLinkRow) });

/** A vendor booked for an event, as the event-day arrival log needs it (no amounts). */
const ZEventVendor = z.object({
  assignmentId: z.string(),
  vendorName: z.string(),
  scope: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  arrivalExpectedAt: z.string().nullable(),
});
export type EventVendor = z.infer<typeof ZEventVendor>;
export const ZEventVendorList = z.object({ vendors: z.array(ZEventVendor) });

/** Who can be assigned: staff, plus (with an event) the vendor users who may write to that event. */
export const ZAssigneesQuery = z.object({ eventId: z.uuid('eventId must be an event id').optional() });
