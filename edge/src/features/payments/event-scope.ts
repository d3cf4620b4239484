import { isScopedRole } from '@mandap/shared';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eventAccess, events } from '../../db/schema/index.ts';
import type { Viewer } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';

export type EventRow = typeof events.$inferSelect;

/** The event if the viewer may see it (staff: any; clients and vendors: linked ones); otherwise 404. */
export async function loadVisibleEvent(db: DbOrTx, viewer: Viewer | null, eventId: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!row) throw notFound('That event');
  if (viewer && isScopedRole(viewer.role)) {
    const [link] = await db
      .select({ e: eventAccess.eventId })
      .from(eventAccess)
      .where(and(eq(eventAccess.eventId, eventId), eq(eventAccess.userId, viewer.id)))
      .limit(1);
    if (!link) throw notFound('That event');
  }
  return row;
}
