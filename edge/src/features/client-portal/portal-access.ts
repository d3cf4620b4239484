import { signLink, verifyLink } from '@mandap/shared/access';
import { PORTAL_PURPOSE } from '@mandap/shared/live';
import { formatIndianDate } from '@mandap/shared/time';
import { eq } from 'drizzle-orm';
import { events, portalLinks, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { canViewUnderEvent } from '../../lib/event-scope.ts';

const HOUR = 3_600_000;
/** A signed-in client's page token lasts a working day; the page asks for a new one on reload. */
export const SESSION_TTL_MS = 12 * HOUR;

/** What a valid page token opens: exactly one event, until `expiresAt`. */
export interface PortalAccess {
  eventId: string;
  expiresAt: Date;
  via: { kind: 'link'; linkId: string } | { kind: 'session'; userId: string };
}

const tampered = () =>
  new AppError('forbidden', 'This link is not valid: it may be incomplete or altered. Ask us to send it again.');

/** The page URL staff share: `/e/<token>` in the client app. */
export function portalUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/e/${token}`;
}

export function signPortalLink(secret: string, linkId: string, expiresAt: Date): Promise<string> {
  return signLink(secret, PORTAL_PURPOSE.link, linkId, expiresAt);
}

export function signPortalSession(secret: string, userId: string, eventId: string, expiresAt: Date): Promise<string> {
  return signLink(secret, PORTAL_PURPOSE.session, `${userId}_${eventId}`, expiresAt);
}

/**
 * Checks a page token on every request (page, stream, downloads): the signature, the expiry,
 * and then the row or the user behind it, so a revoked link or a removed client stops at once.
 * Tampered → 403, expired or revoked → 410, each with a sentence the page shows as it is.
 */
export async function resolvePortalToken(deps: Deps, token: string): Promise<PortalAccess> {
  const now = deps.now();
  const kind = token.startsWith('s.') ? 'session' : 'link';
  const raw = kind === 'session' ? token.slice(2) : token;
  const check = await verifyLink(deps.env.JWT_SECRET, PORTAL_PURPOSE[kind], raw, now);
  if (!check.ok && check.reason === 'invalid') throw tampered();
  if (!check.ok) {
    throw new AppError(
      'link_expired',
      kind === 'session'
        ? 'This page was open too long. Reload it to continue.'
        : `This link expired on ${formatIndianDate(check.expiresAt)}. Ask us for a new one.`,
    );
  }
  if (kind === 'link') {
    const [link] = await deps.db
      .select({ eventId: portalLinks.eventId, revokedAt: portalLinks.revokedAt, expiresAt: portalLinks.expiresAt })
      .from(portalLinks)
      .where(eq(portalLinks.id, check.subject))
      .limit(1);
    if (!link) throw tampered();
    if (link.revokedAt)
      throw new AppError(
        'link_expired',
        `This link was withdrawn on ${formatIndianDate(new Date(link.revokedAt))}. Ask us for a new one.`,
      );
    return { eventId: link.eventId, expiresAt: check.expiresAt, via: { kind: 'link', linkId: check.subject } };
  }
  const [userId, eventId] = check.subject.split('_') as [string, string | undefined];
  if (!eventId) throw tampered();
  const [user] = await deps.db
    .select({ role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (user?.status !== 'active') throw new AppError('link_expired', 'Your access has ended. Sign in again.');
  if (!(await canViewUnderEvent(deps.db, { id: userId, role: user.role }, eventId)))
    throw new AppError('link_expired', 'You no longer have access to this event.');
  const [event] = await deps.db.select({ id: events.id }).from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) throw tampered();
  return { eventId, expiresAt: check.expiresAt, via: { kind: 'session', userId } };
}

/** A session token for a signed-in user who may see the event (client: linked; staff: preview). */
export async function portalSessionToken(deps: Deps, userId: string, eventId: string): Promise<string> {
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  return `s.${await signPortalSession(deps.env.JWT_SECRET, userId, eventId, expiresAt)}`;
}
