import { newId } from '@mandap/shared/common';
import type { BookingState, EventSummary, EventType } from '@mandap/shared/events';
import { and, asc, desc, eq, exists, notExists, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, events, milestones, quotes, quoteVersions } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { canViewUnderEvent, visibleEventCondition } from '../../lib/event-scope.ts';
import { type Actor, nextCode, recordChange } from '../../lib/journal.ts';

/**
 * The one owner of events: creating them (here), who may see them (here), and their status
 * (the booking lifecycle in payments/booking.service.ts, the only writer of `events.status`).
 */
export type EventRow = typeof events.$inferSelect;

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
  clientId: events.clientId,
  leadId: events.leadId,
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

/** True when the viewer may see the event (staff: any existing one; clients and vendors: linked ones). */
export async function canSeeEvent(db: DbOrTx, viewer: Viewer | null, eventId: string): Promise<boolean> {
  // A null viewer is a system actor (jobs, webhooks); people are decided by the one scoping rule.
  return !viewer || canViewUnderEvent(db, viewer, eventId);
}

/** The event row if the viewer may see it; otherwise 404 (a foreign event reads as missing). */
export async function loadVisibleEvent(db: DbOrTx, viewer: Viewer | null, eventId: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!row || !(await canSeeEvent(db, viewer, eventId))) throw notFound('That event');
  return row;
}

/**
 * The list query for each role, built once per database: its shape depends only on the role (the
 * scoping rule), and the viewer's id is bound when it runs. Building it through the query builder
 * on every request cost about as much as running it.
 */
const listQueries = new WeakMap<Deps['db'], Map<Viewer['role'], ReturnType<typeof prepareList>>>();
const prepareList = (deps: Deps, role: Viewer['role']) =>
  visibleEvents(deps, { id: sql.placeholder('viewerId') as unknown as string, email: '', name: '', role })
    .orderBy(asc(events.startDate))
    .prepare();

export async function listEvents(deps: Deps, viewer: Viewer): Promise<EventSummary[]> {
  let byRole = listQueries.get(deps.db);
  if (!byRole) {
    byRole = new Map();
    listQueries.set(deps.db, byRole);
  }
  let query = byRole.get(viewer.role);
  if (!query) {
    query = prepareList(deps, viewer.role);
    byRole.set(viewer.role, query);
  }
  return query.all({ viewerId: viewer.id });
}

export async function getEvent(deps: Deps, viewer: Viewer, id: string): Promise<EventSummary> {
  const [event] = await visibleEvents(deps, viewer, eq(events.id, id)).limit(1);
  if (!event) throw notFound('That event');
  return event;
}

/** The newest event converted from a lead (null before conversion). */
export async function eventOfLead(db: DbOrTx, leadId: string): Promise<EventRow | null> {
  const [row] = await db
    .select()
    .from(events)
    .where(eq(events.leadId, leadId))
    .orderBy(desc(events.createdAt))
    .limit(1);
  return row ?? null;
}

export interface NewEvent {
  name: string;
  clientId: string | null;
  leadId: string | null;
  eventType: EventType;
  status?: BookingState;
  startDate: string;
  endDate: string;
  city: string;
  venue: string | null;
  guestCount: number | null;
  isDestination: boolean;
  managerId?: string | null;
}

/** Creates an event (status Enquiry unless said) with its code, journalled with `event.created`. */
export async function createEvent(tx: DbOrTx, input: NewEvent, actor: Actor, now: Date): Promise<EventRow> {
  const at = now.toISOString();
  const code = await nextCode(tx, 'event', now);
  const row: EventRow = {
    id: newId(),
    code,
    ...input,
    status: input.status ?? 'enquiry',
    managerId: input.managerId ?? null,
    createdAt: at,
    updatedAt: at,
  };
  await tx.insert(events).values(row);
  await recordChange(tx, {
    type: 'event.created',
    aggregateType: 'event',
    aggregateId: row.id,
    payload: { code, fromLeadId: input.leadId, status: row.status },
    actorId: actor.actorId,
    at: now,
    audit: { before: null, after: row, ip: actor.ip ?? null, requestId: actor.requestId ?? null },
  });
  return row;
}

/**
 * Bookings finance must plan: events with an accepted quote and no milestone plan yet (a
 * cancelled booking excluded), soonest first. Staff only (the route's permission).
 */
export async function listEventsNeedingPlan(deps: Deps, viewer: Viewer): Promise<EventSummary[]> {
  const accepted = deps.db
    .select({ one: sql`1` })
    .from(quoteVersions)
    .innerJoin(quotes, eq(quotes.id, quoteVersions.quoteId))
    .where(and(eq(quotes.eventId, events.id), eq(quoteVersions.status, 'accepted')));
  const planned = deps.db.select({ one: sql`1` }).from(milestones).where(eq(milestones.eventId, events.id));
  return visibleEvents(
    deps,
    viewer,
    and(exists(accepted), notExists(planned), sql`${events.status} <> 'cancelled'`),
  ).orderBy(asc(events.startDate));
}
