import type { EventSummary } from '@mandap/shared';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { clients, events } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { visibleEventCondition } from '../../lib/event-scope.ts';

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
  return deps.db
    .select(summary)
    .from(events)
    .leftJoin(clients, eq(clients.id, events.clientId))
    .where(and(visibleEventCondition(deps.db, viewer, events.id), where));
}

export async function listEvents(deps: Deps, viewer: Viewer): Promise<EventSummary[]> {
  return visibleEvents(deps, viewer).orderBy(asc(events.startDate));
}

export async function getEvent(deps: Deps, viewer: Viewer, id: string): Promise<EventSummary> {
  const [event] = await visibleEvents(deps, viewer, eq(events.id, id)).limit(1);
  if (!event) throw notFound('That event');
  return event;
}
