/**
 * The internal contract between the edge and the collab-server: the edge publishes access changes
 * to it, and it hands the edge projections of shared documents. Machine to machine, authenticated
 * by one shared secret (`COLLAB_INTERNAL_SECRET`, else derived from JWT_SECRET for this purpose only).
 */
import { z } from 'zod';
import { signLink } from '../access/signed-link.ts';
import { ZId } from '../common/schemas.ts';
import type { DomainEventType } from '../journal/domain-events.ts';

const COLLAB_INTERNAL_PURPOSE = 'mandap:collab-internal:v1';

/** The secret both sides use: the configured one, else a key derived from JWT_SECRET (never JWT_SECRET itself). */
export async function collabInternalSecret(jwtSecret: string, configured?: string | null): Promise<string> {
  if (configured) return configured;
  const token = await signLink(jwtSecret, COLLAB_INTERNAL_PURPOSE, 'collab-server', new Date(0));
  return token.split('.')[2] as string;
}

/** Domain events after which open collab connections of the user (or on the event) are checked again. */
export const COLLAB_ACCESS_EVENT_TYPES = [
  'user.role_changed',
  'user.deactivated',
  'user.password_changed',
  'user.password_reset',
  'event_access.granted',
  'event_access.changed',
  'event_access.revoked',
  'brief.share_link_revoked',
] as const satisfies readonly DomainEventType[];

/** One access change, as the edge streams it (SSE `id` = the event-log sequence). */
export const ZCollabAccessChange = z.object({
  seq: z.number().int().nonnegative(),
  type: z.string().min(1),
  /** The user whose connections must be checked again, when the change is about one user. */
  userId: z.string().nullable(),
  /** The event whose documents' connections must be checked again, when the change is about one event. */
  eventId: z.string().nullable(),
  /** The one document whose connections must be checked again (a withdrawn brief share link). */
  document: z.string().nullable().default(null),
});
export type CollabAccessChange = z.infer<typeof ZCollabAccessChange>;

/** One task as the task board shows it, projected for lists, reminders and reports. */
export const ZTaskProjectionRow = z.object({
  taskId: z.string().min(1).max(200),
  title: z.string().max(2000),
  assigneeId: z.string().max(200).nullable(),
  assigneeName: z.string().max(400).nullable(),
  due: z.string().max(40).nullable(),
  priority: z.string().max(40),
  status: z.string().max(80),
  statusLabel: z.string().max(200),
  isDone: z.boolean(),
  parentId: z.string().max(200).nullable(),
});
export type TaskProjectionRow = z.infer<typeof ZTaskProjectionRow>;

const ZChecklistProjectionRow = z.object({
  checklistId: z.string().min(1).max(200),
  title: z.string().max(2000),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ChecklistProjectionRow = z.infer<typeof ZChecklistProjectionRow>;

/**
 * The whole current projection of one document. Sending the same state twice changes nothing
 * (the edge diffs against what it holds), so a retried batch is harmless.
 */
export const ZCollabProjection = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tasks'),
    eventId: ZId,
    /** The last person to change the document: credited with an assignment. */
    actorId: z.string().max(200).nullable(),
    rows: z.array(ZTaskProjectionRow).max(5000),
  }),
  z.object({
    kind: z.literal('checklists'),
    eventId: ZId,
    rows: z.array(ZChecklistProjectionRow).max(2000),
  }),
]);
export type CollabProjection = z.infer<typeof ZCollabProjection>;

export const ZCollabProjectionBatch = z.object({ items: z.array(ZCollabProjection).min(1).max(100) });
export type CollabProjectionBatch = z.infer<typeof ZCollabProjectionBatch>;

export const ZCollabProjectionResult = z.object({
  applied: z.number().int(),
  /** Tasks that got a new assignee (a task.assigned event each). */
  assigned: z.number().int(),
});
