import { type BriefShareLink, LINK_PURPOSE, signLink } from '@mandap/shared';
import { formatDocName, formatLeadBriefName } from '@mandap/shared/docs';
import { eq } from 'drizzle-orm';
import { events, leads } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';

const DAY_MS = 86_400_000;

/** The public page that renders a shared brief read-only (client/src/features/workspace/share). */
export function briefShareUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/b/${token}`;
}

/**
 * A signed, expiring, read-only link to the brief of one lead or event. The token names the
 * document (`lead:<id>:brief` or `event:<id>:brief`) and is signed with a key derived from
 * JWT_SECRET for brief links only; the collab-server opens exactly that brief, read-only.
 * Issuing one is recorded (brief.shared) so a manager can see who shared what, until when.
 */
export async function createBriefShareLink(
  deps: Deps,
  viewer: Viewer,
  target: { scope: 'lead' | 'event'; id: string },
  days: number,
  origin: { ip: string | null; requestId: string },
): Promise<BriefShareLink> {
  const table = target.scope === 'lead' ? leads : events;
  const [row] = await deps.db.select({ id: table.id }).from(table).where(eq(table.id, target.id));
  if (!row) throw new AppError('not_found', target.scope === 'lead' ? 'No such lead.' : 'No such event.');
  const docName = target.scope === 'lead' ? formatLeadBriefName(row.id) : formatDocName(row.id, 'brief');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const token = await signLink(deps.env.JWT_SECRET, LINK_PURPOSE.briefShare, docName, expiresAt);
  await deps.db.transaction(async (tx) => {
    await recordChange(tx, {
      type: 'brief.shared',
      aggregateType: target.scope,
      aggregateId: row.id,
      payload: { document: docName, expiresAt: expiresAt.toISOString() },
      actorId: viewer.id,
      at: now,
      audit: { before: null, after: { sharedUntil: expiresAt.toISOString() }, ...origin },
    });
  });
  return { url: briefShareUrl(deps.env.PUBLIC_URL, token), token, expiresAt: expiresAt.toISOString() };
}
