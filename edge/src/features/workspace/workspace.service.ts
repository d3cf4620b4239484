import { INTERNAL_ROLES, needsEventLink } from '@mandap/shared/access';
import type { Assignee, ClientConfig, MyTask } from '@mandap/shared/events';
import { and, asc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import { eventAccess, events, taskProjections, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { assertVisibleUnderEvent, visibleEventCondition } from '../../lib/event-scope.ts';

/** The collab-server's address for browsers: configured, or the page's own host on the default port. */
export function clientConfig(deps: Deps, requestUrl: string): ClientConfig {
  if (deps.env.COLLAB_PUBLIC_URL) return { collabUrl: deps.env.COLLAB_PUBLIC_URL.replace(/\/$/, '') };
  const url = new URL(requestUrl);
  const scheme = url.protocol === 'https:' ? 'wss' : 'ws';
  return { collabUrl: `${scheme}://${url.hostname}:1234/collab` };
}

/**
 * Tasks assigned to the viewer on every event they may see, from the collab-server's projection:
 * overdue and soonest due first, undated last.
 */
export async function listMyTasks(deps: Deps, viewer: Viewer, include: 'open' | 'all'): Promise<MyTask[]> {
  const mine = eq(taskProjections.assigneeId, viewer.id);
  const visible = visibleEventCondition(deps.db, viewer, taskProjections.eventId, 'tasks');
  const where = and(visible, include === 'open' ? and(mine, eq(taskProjections.isDone, false)) : mine);
  return deps.db
    .select({
      eventId: taskProjections.eventId,
      eventName: events.name,
      eventCode: events.code,
      taskId: taskProjections.taskId,
      title: taskProjections.title,
      due: taskProjections.due,
      priority: taskProjections.priority,
      status: taskProjections.status,
      statusLabel: taskProjections.statusLabel,
      isDone: taskProjections.isDone,
      parentId: taskProjections.parentId,
    })
    .from(taskProjections)
    .innerJoin(events, eq(events.id, taskProjections.eventId))
    .where(where)
    .orderBy(sql`${taskProjections.due} IS NULL`, asc(taskProjections.due), asc(taskProjections.title));
}

/**
 * Who a task on a board can be assigned to, by name: active staff, and with `eventId` also the
 * active vendor users whose event access lets them write to that event's board.
 */
export async function listAssignees(deps: Deps, eventId?: string, viewer?: Viewer): Promise<Assignee[]> {
  // A vendor sees the people of its own events only: an event is required, and a foreign one reads as missing.
  if (viewer && needsEventLink(viewer.role)) {
    if (!eventId)
      throw new AppError('validation_failed', 'Check the query: eventId: say which of your events.', {
        fields: { eventId: 'required' },
      });
    await assertVisibleUnderEvent(deps.db, viewer, eventId, 'assignees', 'That event');
  }
  const staff = and(eq(users.status, 'active'), inArray(users.role, [...INTERNAL_ROLES]));
  const vendorsOfEvent = eventId
    ? and(
        eq(users.status, 'active'),
        eq(users.role, 'vendor'),
        exists(
          deps.db
            .select({ one: sql`1` })
            .from(eventAccess)
            .where(
              and(eq(eventAccess.eventId, eventId), eq(eventAccess.userId, users.id), eq(eventAccess.access, 'write')),
            ),
        ),
      )
    : undefined;
  return deps.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(vendorsOfEvent ? or(staff, vendorsOfEvent) : staff)
    .orderBy(asc(users.name));
}
