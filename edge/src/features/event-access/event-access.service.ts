import {
  accessLevelsFor,
  type EventAccessCandidate,
  type EventAccessEntry,
  type EventAccessLevel,
  type EventAccessSource,
  isScopedRole,
  type Role,
} from '@mandap/shared/access';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../db/client.ts';
import { eventAccess, events, users, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';

/*
 * Which vendor and client users may see an event (`event_access`). This file is the one writer of
 * that table: the event-access API and the vendors' assignments both come through here. Every
 * change is journalled (`event_access.granted|changed|revoked`, aggregate: the event, payload: the
 * user), and the journal is what the collab-server follows: a user's open connections to the
 * event's documents are closed (4403) or downgraded to read-only within seconds.
 *
 * A link remembers why it exists (`source`): `manual` links (added on the event page or through
 * the API) stay until someone removes them; `assignment` links (made when a vendor is assigned)
 * are removed when that vendor's last live assignment on the event is cancelled. Changing a
 * link's level by hand keeps its source: the vendor still loses it when their work is cancelled.
 */

const grantor = alias(users, 'grantor');

async function assertEvent(db: DbOrTx, eventId: string): Promise<void> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!row) throw notFound('That event');
}

export async function listEventAccess(deps: Deps, eventId: string): Promise<EventAccessEntry[]> {
  await assertEvent(deps.db, eventId);
  return deps.db
    .select({
      userId: eventAccess.userId,
      name: users.name,
      email: users.email,
      role: users.role,
      vendorName: vendors.name,
      access: eventAccess.access,
      source: eventAccess.source,
      grantedByName: grantor.name,
      createdAt: eventAccess.createdAt,
    })
    .from(eventAccess)
    .innerJoin(users, eq(users.id, eventAccess.userId))
    .leftJoin(vendors, eq(vendors.userId, eventAccess.userId))
    .leftJoin(grantor, eq(grantor.id, eventAccess.grantedBy))
    .where(eq(eventAccess.eventId, eventId))
    .orderBy(asc(users.name));
}

/** The vendor and client users a person may link to events (not deactivated), by name. */
export async function listAccessCandidates(deps: Deps): Promise<EventAccessCandidate[]> {
  const rows = await deps.db
    .select({ userId: users.id, name: users.name, email: users.email, role: users.role, vendorName: vendors.name })
    .from(users)
    .leftJoin(vendors, eq(vendors.userId, users.id))
    .where(and(inArray(users.role, ['vendor', 'client']), ne(users.status, 'deactivated')))
    .orderBy(asc(users.name));
  return rows as EventAccessCandidate[];
}

interface LinkChange {
  eventId: string;
  userId: string;
  actorId: string | null;
  at: Date;
  origin?: Origin | undefined;
}

const linkWhere = (eventId: string, userId: string) =>
  and(eq(eventAccess.eventId, eventId), eq(eventAccess.userId, userId));

async function currentLink(tx: DbOrTx, eventId: string, userId: string) {
  const [row] = await tx
    .select({ access: eventAccess.access, source: eventAccess.source })
    .from(eventAccess)
    .where(linkWhere(eventId, userId));
  return row ?? null;
}

const originOfChange = (c: LinkChange) => ({ ip: c.origin?.ip ?? null, requestId: c.origin?.requestId ?? null });

/** A new link, journalled. The caller has checked there is none. */
async function insertLink(tx: DbOrTx, c: LinkChange, access: EventAccessLevel, source: EventAccessSource) {
  await tx.insert(eventAccess).values({
    eventId: c.eventId,
    userId: c.userId,
    access,
    source,
    grantedBy: c.actorId,
    createdAt: c.at.toISOString(),
  });
  await recordChange(tx, {
    type: 'event_access.granted',
    aggregateType: 'event',
    aggregateId: c.eventId,
    payload: { userId: c.userId, access, source },
    actorId: c.actorId,
    at: c.at,
    audit: { before: null, after: { userId: c.userId, access, source }, ...originOfChange(c) },
  });
}

/** Removes a link that exists, journalled (`reason` when the system removed it). */
async function deleteLink(
  tx: DbOrTx,
  c: LinkChange,
  before: { access: EventAccessLevel; source: EventAccessSource },
  reason?: 'assignment_cancelled',
) {
  await tx.delete(eventAccess).where(linkWhere(c.eventId, c.userId));
  await recordChange(tx, {
    type: 'event_access.revoked',
    aggregateType: 'event',
    aggregateId: c.eventId,
    payload: { userId: c.userId, access: before.access, ...(reason ? { reason } : {}) },
    actorId: c.actorId,
    at: c.at,
    audit: { before: { userId: c.userId, ...before }, after: null, ...originOfChange(c) },
  });
}

/** Links a vendor or client user to the event by hand, or changes their link's level. Staff need no link. */
export async function setEventAccess(
  deps: Deps,
  viewer: Viewer,
  eventId: string,
  userId: string,
  access: EventAccessLevel,
  origin: Origin,
): Promise<EventAccessEntry> {
  await assertEvent(deps.db, eventId);
  const [user] = await deps.db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound('That user');
  if (!isScopedRole(user.role as Role))
    throw new AppError('unprocessable', 'Staff see every event: only vendor and client users are linked to events.', {
      fields: { userId: 'not a vendor or client user' },
    });
  if (!accessLevelsFor(user.role).includes(access))
    throw new AppError('unprocessable', 'A client reads their event; only vendors can be given write access.', {
      fields: { access: 'clients get read access only' },
    });
  const change: LinkChange = { eventId, userId, actorId: viewer.id, at: deps.now(), origin };
  await deps.db.transaction(async (tx) => {
    const before = await currentLink(tx, eventId, userId);
    if (!before) return insertLink(tx, change, access, 'manual');
    if (before.access === access) return;
    await tx.update(eventAccess).set({ access }).where(linkWhere(eventId, userId));
    await recordChange(tx, {
      type: 'event_access.changed',
      aggregateType: 'event',
      aggregateId: eventId,
      payload: { userId, from: before.access, to: access },
      actorId: viewer.id,
      at: change.at,
      audit: { before: { userId, access: before.access }, after: { userId, access }, ...origin },
    });
  });
  const entry = (await listEventAccess(deps, eventId)).find((p) => p.userId === userId);
  return entry as EventAccessEntry;
}

/** Removes a user's link to the event by hand: their pages and open documents of the event close. */
export async function removeEventAccess(
  deps: Deps,
  viewer: Viewer,
  eventId: string,
  userId: string,
  origin: Origin,
): Promise<void> {
  await assertEvent(deps.db, eventId);
  const change: LinkChange = { eventId, userId, actorId: viewer.id, at: deps.now(), origin };
  await deps.db.transaction(async (tx) => {
    const before = await currentLink(tx, eventId, userId);
    if (!before) throw notFound('That user’s access to this event');
    await deleteLink(tx, change, before);
  });
}

/**
 * Inside an assignment's transaction: links the vendor's user to the event with write access
 * (source `assignment`), journalled. An existing link (by hand, or from another assignment) is
 * left exactly as it is: a manager's choice of level is not overridden by a new PO.
 */
export async function linkForAssignment(tx: DbOrTx, change: LinkChange): Promise<void> {
  if (await currentLink(tx, change.eventId, change.userId)) return;
  await insertLink(tx, change, 'write', 'assignment');
}

/**
 * Inside an assignment's transaction, once the vendor has no live assignment left on the event:
 * removes their user's link if the link came from an assignment (a link added by hand stays),
 * journalled with the reason. Returns whether it was removed.
 */
export async function unlinkAfterAssignments(tx: DbOrTx, change: LinkChange): Promise<boolean> {
  const before = await currentLink(tx, change.eventId, change.userId);
  if (before?.source !== 'assignment') return false;
  await deleteLink(tx, change, before, 'assignment_cancelled');
  return true;
}
