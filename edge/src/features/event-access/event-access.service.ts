import { type EventAccessEntry, type EventAccessLevel, isScopedRole, type Role } from '@mandap/shared/access';
import { and, asc, eq } from 'drizzle-orm';
import { eventAccess, events, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';

/*
 * Which vendor and client users may see an event (`event_access`). Every change is journalled
 * (`event_access.granted|changed|revoked`, aggregate: the event, payload: the user), and the
 * journal is what the collab-server follows: a user's open connections to the event's documents
 * are closed (4403) or downgraded to read-only within seconds.
 */

async function assertEvent(deps: Deps, eventId: string): Promise<void> {
  const [row] = await deps.db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!row) throw notFound('That event');
}

export async function listEventAccess(deps: Deps, eventId: string): Promise<EventAccessEntry[]> {
  await assertEvent(deps, eventId);
  return deps.db
    .select({
      userId: eventAccess.userId,
      name: users.name,
      email: users.email,
      role: users.role,
      access: eventAccess.access,
      createdAt: eventAccess.createdAt,
    })
    .from(eventAccess)
    .innerJoin(users, eq(users.id, eventAccess.userId))
    .where(eq(eventAccess.eventId, eventId))
    .orderBy(asc(users.name));
}

/** Links a vendor or client user to the event, or changes their link. Staff need no link. */
export async function setEventAccess(
  deps: Deps,
  viewer: Viewer,
  eventId: string,
  userId: string,
  access: EventAccessLevel,
  origin: Origin,
): Promise<EventAccessEntry> {
  await assertEvent(deps, eventId);
  const [user] = await deps.db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound('That user');
  if (!isScopedRole(user.role as Role))
    throw new AppError('unprocessable', 'Staff see every event: only vendor and client users are linked to events.', {
      fields: { userId: 'not a vendor or client user' },
    });
  if (user.role === 'client' && access === 'write')
    throw new AppError('unprocessable', 'A client reads their event; only vendors can be given write access.', {
      fields: { access: 'clients get read access only' },
    });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const where = and(eq(eventAccess.eventId, eventId), eq(eventAccess.userId, userId));
    const [before] = await tx.select({ access: eventAccess.access }).from(eventAccess).where(where);
    if (before?.access === access) return;
    if (before) await tx.update(eventAccess).set({ access }).where(where);
    else await tx.insert(eventAccess).values({ eventId, userId, access, createdAt: now.toISOString() });
    const common = { aggregateType: 'event', aggregateId: eventId, actorId: viewer.id, at: now } as const;
    const audit = { before: before ? { userId, access: before.access } : null, after: { userId, access }, ...origin };
    if (before)
      await recordChange(tx, {
        type: 'event_access.changed',
        payload: { userId, from: before.access, to: access },
        audit,
        ...common,
      });
    else await recordChange(tx, { type: 'event_access.granted', payload: { userId, access }, audit, ...common });
  });
  const entry = (await listEventAccess(deps, eventId)).find((p) => p.userId === userId);
  return entry as EventAccessEntry;
}

/** Removes a user's link to the event: their pages and open documents of the event close. */
export async function removeEventAccess(
  deps: Deps,
  viewer: Viewer,
  eventId: string,
  userId: string,
  origin: Origin,
): Promise<void> {
  await assertEvent(deps, eventId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const where = and(eq(eventAccess.eventId, eventId), eq(eventAccess.userId, userId));
    const [before] = await tx.select({ access: eventAccess.access }).from(eventAccess).where(where);
    if (!before) throw notFound('That user’s access to this event');
    await tx.delete(eventAccess).where(where);
    await recordChange(tx, {
      type: 'event_access.revoked',
      aggregateType: 'event',
      aggregateId: eventId,
      payload: { userId, access: before.access },
      actorId: viewer.id,
      at: now,
      audit: { before: { userId, access: before.access }, after: null, ...origin },
    });
  });
}
