import { fromBase64Url, timingSafeEqual, toBase64Url } from '@mandap/shared/access';
import { buildIcs, type IcsEvent } from '@mandap/shared/calendar';
import { addDays, indiaToday } from '@mandap/shared/time';
import { eq } from 'drizzle-orm';
import { calendarFeeds, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { calendarEntries } from './calendar.service.ts';

async function sha256(text: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

/** `/api/calendar/feed/<userId>_<secret>.ics`: the secret is 32 random bytes; only its SHA-256 is stored. */
export function feedUrl(publicUrl: string, userId: string, secret: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/calendar/feed/${userId}_${secret}.ics`;
}

/** Makes (or replaces: the old URL stops at once) the viewer's calendar feed secret. */
export async function rotateFeed(deps: Deps, viewer: Viewer): Promise<{ url: string; createdAt: string }> {
  const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const createdAt = deps.now().toISOString();
  const secretHash = await sha256(secret);
  await deps.db
    .insert(calendarFeeds)
    .values({ userId: viewer.id, secretHash, createdAt })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { secretHash, createdAt } });
  return { url: feedUrl(deps.env.PUBLIC_URL, viewer.id, secret), createdAt };
}

export async function feedStatus(deps: Deps, viewer: Viewer): Promise<{ createdAt: string | null }> {
  const [row] = await deps.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id));
  return { createdAt: row?.createdAt ?? null };
}

export async function revokeFeed(deps: Deps, viewer: Viewer): Promise<void> {
  await deps.db.delete(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id));
}

const notFound = () => new AppError('not_found', 'No such calendar feed.');

/**
 * The .ics text behind a feed URL: the user's own calendar (staff: what they own; vendors and
 * clients: their events) from a month back to a year ahead, scoped exactly like the calendar
 * page. A wrong, revoked or malformed secret, or a deactivated user, is a plain 404.
 */
export async function feedIcs(deps: Deps, file: string): Promise<string> {
  const m = /^([0-9a-f-]{36})_([A-Za-z0-9_-]{43})\.ics$/.exec(file);
  if (!m) throw notFound();
  const [, userId, secret] = m as unknown as [string, string, string];
  const [row] = await deps.db
    .select({ hash: calendarFeeds.secretHash, user: users })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.userId, userId));
  if (!row || !timingSafeEqual(fromBase64Url(await sha256(secret)), fromBase64Url(row.hash))) throw notFound();
  if (row.user.status !== 'active') throw notFound();
  const viewer: Viewer = { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role };
  const today = indiaToday(deps.now());
  const staff = viewer.role !== 'vendor' && viewer.role !== 'client';
  const entries = await calendarEntries(deps, viewer, {
    from: addDays(today, -31),
    to: addDays(today, 365),
    types: undefined,
    ...(staff ? { owner: viewer.id } : {}),
  });
  const base = deps.env.PUBLIC_URL.replace(/\/$/, '');
  const stamp = deps.now();
  const events: IcsEvent[] = entries.map((e) => ({
    uid: `${e.key}@mandap`,
    title: e.title,
    description: e.subtitle,
    url: e.href ? `${base}${e.href}` : null,
    allDay: e.allDay,
    start: e.start,
    end: e.end,
    stamp,
  }));
  return buildIcs({ name: `Mandap · ${viewer.name}`, events });
}
