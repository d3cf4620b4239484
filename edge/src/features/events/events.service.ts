import { type EventSummary, isScopedRole } from '@mandap/shared';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { clients, eventAccess, events } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';

const summary = {
  id: events.id,
  code: events.code,
  name: events.name,
  eventType: events.eventType,
  status: events.status,
  startDate: events.startDate,
  endDate: events.endDate,
  city: events.city,
  venue: events.venue,
  guestCount: events.guestCount,
  clientName: clients.name,
};

/**
 * Events the viewer may see: staff see all; vendors and clients only those they are
 * linked to through event access. A foreign event is indistinguishable from a missing one.
 */
function visibleEvents(deps: Deps, viewer: Viewer, where?: SQL) {
  const base = deps.db.select(summary).from(events).leftJoin(clients, eq(clients.id, events.clientId));
  if (!isScopedRole(viewer.role)) return base.where(where);
  return base
    .innerJoin(eventAccess, and(eq(eventAccess.eventId, events.id), eq(eventAccess.userId, viewer.id)))
    .where(where);
}

export async function listEvents(deps: Deps, viewer: Viewer): Promise<EventSummary[]> {
  return visibleEvents(deps, viewer).orderBy(asc(events.startDate));
}

export async function getEvent(deps: Deps, viewer: Viewer, id: string): Promise<EventSummary> {
  const [event] = await visibleEvents(deps, viewer, eq(events.id, id)).limit(1);
  if (!event) throw notFound('That event');
  return event;
}
