import { canSeeUnderEvent, type EventLink, type EventRecord, needsEventLink } from '@mandap/shared/access';
import { and, eq, inArray, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { eventAccess } from '../db/schema/index.ts';
import type { Viewer } from './context.ts';
import { notFound } from './errors.ts';

/**
 * The edge's side of the one scoping rule (`@mandap/shared` access): how a route asks "may this
 * viewer see this event, and this kind of record under it". Every feature goes through here;
 * a foreign record answers 404, indistinguishable from a missing one.
 */

/** The viewer's link to one event (their `event_access` row), or null. Staff need none. */
export async function eventLinkOf(db: DbOrTx, viewer: Pick<Viewer, 'id'>, eventId: string): Promise<EventLink> {
  const [row] = await db
    .select({ access: eventAccess.access })
    .from(eventAccess)
    .where(and(eq(eventAccess.eventId, eventId), eq(eventAccess.userId, viewer.id)))
    .limit(1);
  return row ? { access: row.access } : null;
}

/** True when the viewer may see records of `record` under the event (no such event → false). */
export async function canViewUnderEvent(
  db: DbOrTx,
  viewer: Pick<Viewer, 'id' | 'role'>,
  eventId: string | null,
  record: EventRecord = 'event',
): Promise<boolean> {
  if (!eventId) return !needsEventLink(viewer.role) && canSeeUnderEvent(viewer.role, null, record);
  const link = needsEventLink(viewer.role) ? await eventLinkOf(db, viewer, eventId) : null;
  return canSeeUnderEvent(viewer.role, link, record);
}

/**
 * Throws 404 (`what` not found) unless the viewer may see `record` under the event. Records with
 * no event (a quote still on a lead) are staff-only.
 */
export async function assertVisibleUnderEvent(
  db: DbOrTx,
  viewer: Pick<Viewer, 'id' | 'role'>,
  eventId: string | null,
  record: EventRecord,
  what: string,
): Promise<void> {
  if (!(await canViewUnderEvent(db, viewer, eventId, record))) throw notFound(what);
}

/**
 * A where-condition limiting `eventIdColumn` to the events whose `record` the viewer may see, for
 * list and search queries; undefined (no limit) for staff. An audience that may see no `record`
 * at all gets a condition that matches nothing.
 */
export function visibleEventCondition(
  db: DbOrTx,
  viewer: Pick<Viewer, 'id' | 'role'>,
  eventIdColumn: SQLWrapper,
  record: EventRecord = 'event',
): SQL | undefined {
  if (!needsEventLink(viewer.role)) return undefined;
  if (!canSeeUnderEvent(viewer.role, { access: 'write' }, record)) return inArray(eventIdColumn as never, []);
  return inArray(
    eventIdColumn as never,
    db.select({ id: eventAccess.eventId }).from(eventAccess).where(eq(eventAccess.userId, viewer.id)),
  );
}
