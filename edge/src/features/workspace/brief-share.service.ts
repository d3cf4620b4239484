import { LINK_PURPOSE, signLink } from '@mandap/shared/access';
import { newId } from '@mandap/shared/common';
import { formatBriefShareSubject, formatDocName, formatLeadBriefName } from '@mandap/shared/docs';
import type { BriefShareLink, BriefShareLinkRow } from '@mandap/shared/events';
import { desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { briefShareLinks, events, leads, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';

const DAY_MS = 86_400_000;

/** Whose brief: a lead's (sales share it before conversion) or an event's. */
export interface BriefTarget {
  scope: 'lead' | 'event';
  id: string;
}

/** The public page that renders a shared brief read-only (client/src/features/workspace/share). */
export function briefShareUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/b/${token}`;
}

/**
 * The brief documents a target's links may open: a lead's brief; an event's brief and, for an
 * event converted from a lead, the lead's brief too (the same document, see briefStorageName).
 */
async function targetDocuments(deps: Deps, target: BriefTarget): Promise<{ id: string; documents: string[] }> {
  if (target.scope === 'lead') {
    const [row] = await deps.db.select({ id: leads.id }).from(leads).where(eq(leads.id, target.id));
    if (!row) throw new AppError('not_found', 'No such lead.');
    return { id: row.id, documents: [formatLeadBriefName(row.id)] };
  }
  const [row] = await deps.db
    .select({ id: events.id, leadId: events.leadId })
    .from(events)
    .where(eq(events.id, target.id));
  if (!row) throw new AppError('not_found', 'No such event.');
  const documents = [formatDocName(row.id, 'brief')];
  if (row.leadId) documents.push(formatLeadBriefName(row.leadId));
  return { id: row.id, documents };
}

/**
 * A signed, expiring, read-only link to the brief of one lead or event. The token names the
 * document and the link's row (`<document>~<id>`) and is signed with a key derived from
 * JWT_SECRET for brief links only; the collab-server opens exactly that brief, read-only, while
 * the row is not revoked. Issuing one is recorded (brief.shared) with who shared what, until when.
 */
export async function createBriefShareLink(
  deps: Deps,
  viewer: Viewer,
  target: BriefTarget,
  days: number,
  origin: Origin,
): Promise<BriefShareLink> {
  const { id: targetId, documents } = await targetDocuments(deps, target);
  const docName = documents[0] as string;
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const linkId = newId();
  const token = await signLink(
    deps.env.JWT_SECRET,
    LINK_PURPOSE.briefShare,
    formatBriefShareSubject(docName, linkId),
    expiresAt,
  );
  await deps.db.transaction(async (tx) => {
    await tx.insert(briefShareLinks).values({
      id: linkId,
      document: docName,
      eventId: target.scope === 'event' ? targetId : null,
      leadId: target.scope === 'lead' ? targetId : null,
      expiresAt: expiresAt.toISOString(),
      createdBy: viewer.id,
      createdAt: now.toISOString(),
    });
    await recordChange(tx, {
      type: 'brief.shared',
      aggregateType: target.scope,
      aggregateId: targetId,
      payload: { linkId, document: docName, expiresAt: expiresAt.toISOString() },
      actorId: viewer.id,
      at: now,
      audit: { before: null, after: { linkId, sharedUntil: expiresAt.toISOString() }, ...origin },
    });
  });
  return { id: linkId, url: briefShareUrl(deps.env.PUBLIC_URL, token), token, expiresAt: expiresAt.toISOString() };
}

const revoker = alias(users, 'revoker');

async function selectLinks(deps: Deps, documents: string[]): Promise<BriefShareLinkRow[]> {
  const rows = await deps.db
    .select({ l: briefShareLinks, by: users.name, revokedBy: revoker.name })
    .from(briefShareLinks)
    .leftJoin(users, eq(users.id, briefShareLinks.createdBy))
    .leftJoin(revoker, eq(revoker.id, briefShareLinks.revokedBy))
    .where(inArray(briefShareLinks.document, documents))
    .orderBy(desc(briefShareLinks.createdAt), desc(briefShareLinks.id));
  return rows.map(({ l, by, revokedBy }) => ({
    id: l.id,
    document: l.document,
    createdAt: l.createdAt,
    createdByName: by,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    revokedByName: revokedBy,
  }));
}

/** The links issued for a lead's or event's brief, newest first (the token itself is never kept). */
export async function listBriefShareLinks(deps: Deps, target: BriefTarget): Promise<BriefShareLinkRow[]> {
  return selectLinks(deps, (await targetDocuments(deps, target)).documents);
}

/**
 * Withdraws a link at once: new connections with it are refused, and the journal entry
 * (`brief.share_link_revoked`) reaches the collab-server over the access feed, which closes the
 * open ones. Revoking a withdrawn link again changes nothing.
 */
export async function revokeBriefShareLink(
  deps: Deps,
  viewer: Viewer,
  target: BriefTarget,
  linkId: string,
  origin: Origin,
): Promise<BriefShareLinkRow> {
  const { documents } = await targetDocuments(deps, target);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [link] = await tx.select().from(briefShareLinks).where(eq(briefShareLinks.id, linkId));
    if (!link || !documents.includes(link.document)) throw notFound('That link');
    if (link.revokedAt) return;
    await tx
      .update(briefShareLinks)
      .set({ revokedAt: now.toISOString(), revokedBy: viewer.id })
      .where(eq(briefShareLinks.id, linkId));
    await recordChange(tx, {
      type: 'brief.share_link_revoked',
      aggregateType: link.eventId ? 'event' : 'lead',
      aggregateId: (link.eventId ?? link.leadId) as string,
      payload: { linkId, document: link.document },
      actorId: viewer.id,
      at: now,
      audit: { before: { revokedAt: null }, after: { revokedAt: now.toISOString() }, ...origin },
    });
  });
  const [row] = (await selectLinks(deps, documents)).filter((l) => l.id === linkId);
  return row as BriefShareLinkRow;
}
