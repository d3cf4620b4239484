import { isScopedRole } from '@mandap/shared/access';
import { newId } from '@mandap/shared/common';
import type {
  CreatePortalLink,
  PortalLink,
  PreparationMilestone,
  ZCreatePreparationMilestone,
  ZUpdatePreparationMilestone,
} from '@mandap/shared/live';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { events, portalLinks, preparationMilestones, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';
import { loadVisibleEvent } from '../payments/event-scope.ts';
import { portalSessionToken, portalUrl, signPortalLink } from './portal-access.ts';

const DAY = 86_400_000;

function staffOnly(viewer: Viewer) {
  if (isScopedRole(viewer.role)) throw new AppError('forbidden', 'Only the house’s staff manage client page links.');
}

async function eventExists(deps: Deps, eventId: string) {
  const [row] = await deps.db.select({ id: events.id }).from(events).where(eq(events.id, eventId)).limit(1);
  if (!row) throw notFound('That event');
}

/** A new signed, expiring link to the event's client page; the row makes it revocable. */
export async function createPortalLink(
  deps: Deps,
  viewer: Viewer,
  eventId: string,
  input: CreatePortalLink,
  origin: Origin,
): Promise<PortalLink> {
  staffOnly(viewer);
  await eventExists(deps, eventId);
  const now = deps.now();
  const id = newId();
  const expiresAt = new Date(now.getTime() + input.days * DAY);
  const row = {
    id,
    eventId,
    label: input.label || null,
    expiresAt: expiresAt.toISOString(),
    createdBy: viewer.id,
    createdAt: now.toISOString(),
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(portalLinks).values(row);
    await recordChange(tx, {
      type: 'portal_link.created',
      aggregateType: 'event',
      aggregateId: eventId,
      payload: { linkId: id, expiresAt: row.expiresAt },
      actorId: viewer.id,
      at: now,
      audit: { before: null, after: { linkId: id, label: row.label, expiresAt: row.expiresAt }, ...origin },
    });
  });
  return {
    id,
    label: row.label,
    expiresAt: row.expiresAt,
    revokedAt: null,
    lastOpenedAt: null,
    createdAt: row.createdAt,
    createdByName: viewer.name,
    url: portalUrl(deps.env.PUBLIC_URL, await signPortalLink(deps.env.JWT_SECRET, id, expiresAt)),
  };
}

export async function listPortalLinks(deps: Deps, viewer: Viewer, eventId: string): Promise<PortalLink[]> {
  staffOnly(viewer);
  await eventExists(deps, eventId);
  const rows = await deps.db
    .select({ l: portalLinks, by: users.name })
    .from(portalLinks)
    .leftJoin(users, eq(users.id, portalLinks.createdBy))
    .where(eq(portalLinks.eventId, eventId))
    .orderBy(desc(portalLinks.createdAt));
  return rows.map(({ l, by }) => ({
    id: l.id,
    label: l.label,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    lastOpenedAt: l.lastOpenedAt,
    createdAt: l.createdAt,
    createdByName: by,
  }));
}

/** Withdraws a link at once: the page, its stream and its downloads all refuse it from now on. */
export async function revokePortalLink(
  deps: Deps,
  viewer: Viewer,
  linkId: string,
  origin: Origin,
): Promise<PortalLink> {
  staffOnly(viewer);
  const now = deps.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const [link] = await tx.select().from(portalLinks).where(eq(portalLinks.id, linkId)).limit(1);
    if (!link) throw notFound('That link');
    if (link.revokedAt) return;
    await tx.update(portalLinks).set({ revokedAt: now, revokedBy: viewer.id }).where(eq(portalLinks.id, linkId));
    await recordChange(tx, {
      type: 'portal_link.revoked',
      aggregateType: 'event',
      aggregateId: link.eventId,
      payload: { linkId },
      actorId: viewer.id,
      at: deps.now(),
      audit: { before: { revokedAt: null }, after: { revokedAt: now }, ...origin },
    });
  });
  const [row] = await deps.db
    .select({ eventId: portalLinks.eventId })
    .from(portalLinks)
    .where(eq(portalLinks.id, linkId));
  return (await listPortalLinks(deps, viewer, row!.eventId)).find((l) => l.id === linkId)!;
}

/**
 * A signed-in user's page token for one event: a client linked to it, or staff previewing what
 * the client sees. Vendors have no client page (it shows the client's money).
 */
export async function openPortalSession(deps: Deps, viewer: Viewer, eventId: string): Promise<{ token: string }> {
  if (viewer.role === 'vendor') throw notFound('That event');
  await loadVisibleEvent(deps.db, viewer, eventId);
  return { token: await portalSessionToken(deps, viewer.id, eventId) };
}

// Preparation milestones: steps staff track, some shown to the client.

type PrepRow = typeof preparationMilestones.$inferSelect;
const toPrep = (r: PrepRow): PreparationMilestone => ({
  id: r.id,
  eventId: r.eventId,
  title: r.title,
  dueDate: r.dueDate,
  clientVisible: r.clientVisible,
  doneAt: r.doneAt,
});

export async function listPreparation(deps: Deps, viewer: Viewer, eventId: string): Promise<PreparationMilestone[]> {
  staffOnly(viewer);
  await eventExists(deps, eventId);
  const rows = await deps.db
    .select()
    .from(preparationMilestones)
    .where(eq(preparationMilestones.eventId, eventId))
    .orderBy(asc(preparationMilestones.createdAt));
  return rows.map(toPrep);
}

export async function createPreparation(
  deps: Deps,
  viewer: Viewer,
  eventId: string,
  input: z.infer<typeof ZCreatePreparationMilestone>,
): Promise<PreparationMilestone> {
  staffOnly(viewer);
  await eventExists(deps, eventId);
  const now = deps.now();
  const row: PrepRow = {
    id: newId(),
    eventId,
    title: input.title,
    dueDate: input.dueDate,
    clientVisible: input.clientVisible,
    doneAt: null,
    ownerId: viewer.id,
    createdBy: viewer.id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(preparationMilestones).values(row);
    await recordChange(tx, {
      type: 'preparation.updated',
      aggregateType: 'event',
      aggregateId: eventId,
      payload: { milestoneId: row.id, clientVisible: row.clientVisible, wasClientVisible: false, done: false },
      actorId: viewer.id,
      at: now,
    });
  });
  return toPrep(row);
}

export async function updatePreparation(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: z.infer<typeof ZUpdatePreparationMilestone>,
): Promise<PreparationMilestone> {
  staffOnly(viewer);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(preparationMilestones).where(eq(preparationMilestones.id, id)).limit(1);
    if (!before) throw notFound('That preparation step');
    const patch: Partial<PrepRow> = { updatedAt: now.toISOString() };
    if (input.title !== undefined) patch.title = input.title;
    if (input.dueDate !== undefined) patch.dueDate = input.dueDate;
    if (input.clientVisible !== undefined) patch.clientVisible = input.clientVisible;
    if (input.done !== undefined) patch.doneAt = input.done ? (before.doneAt ?? now.toISOString()) : null;
    await tx
      .update(preparationMilestones)
      .set(patch)
      .where(and(eq(preparationMilestones.id, id)));
    const after = { ...before, ...patch };
    await recordChange(tx, {
      type: 'preparation.updated',
      aggregateType: 'event',
      aggregateId: before.eventId,
      payload: {
        milestoneId: id,
        clientVisible: after.clientVisible,
        wasClientVisible: before.clientVisible,
        done: after.doneAt !== null,
      },
      actorId: viewer.id,
      at: now,
    });
    return toPrep(after);
  });
}
