import { newId } from '@mandap/shared/common';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { authTokens, clients, eventAccess, events, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { enqueueMessage, type Origin } from '../../lib/journal.ts';
import { hitRateLimit } from '../../lib/rate-limit.ts';
import { type IssuedSession, issue } from '../auth/auth.service.ts';
import { openSession } from '../auth/sessions.ts';

/** A sign-in link works once, for an hour. */
export const MAGIC_LINK_TTL_MS = 60 * 60_000;

type UserRow = typeof users.$inferSelect;

/**
 * Makes a one-time sign-in link for a client user and queues it through the notification outbox:
 * by email always, and by WhatsApp to the event's client phone when there is one (the outbox
 * applies consent; the template is essential). Only the token's SHA-256 is stored.
 */
async function queueLink(
  tx: DbOrTx,
  deps: Deps,
  user: Pick<UserRow, 'id' | 'email' | 'name'>,
  target: { eventId: string | null; phone: string | null },
): Promise<{ email: string; whatsapp: string | null }> {
  const now = deps.now();
  const token = randomToken();
  await tx.insert(authTokens).values({
    id: newId(),
    userId: user.id,
    purpose: 'magic_link',
    tokenHash: await sha256Hex(token),
    expiresAt: new Date(now.getTime() + MAGIC_LINK_TTL_MS).toISOString(),
    createdAt: now.toISOString(),
  });
  const link = `${deps.env.PUBLIC_URL}/m/${token}${target.eventId ? `?event=${target.eventId}` : ''}`;
  const payload = { name: user.name.split(' ')[0] ?? user.name, link };
  await enqueueMessage(tx, { channel: 'email', template: 'client_sign_in', recipient: user.email, payload, at: now });
  if (target.phone)
    await enqueueMessage(tx, {
      channel: 'whatsapp',
      template: 'client_sign_in',
      recipient: target.phone,
      payload,
      at: now,
    });
  return { email: user.email, whatsapp: target.phone };
}

/** Staff send the client of an event a sign-in link to its page (every active client login linked to the event). */
export async function sendClientSignInLink(deps: Deps, _by: Viewer, eventId: string) {
  const [event] = await deps.db
    .select({ id: events.id, phone: clients.phone })
    .from(events)
    .leftJoin(clients, eq(clients.id, events.clientId))
    .where(eq(events.id, eventId))
    .limit(1);
  if (!event) throw new AppError('not_found', 'No such event.');
  const logins = await deps.db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(eventAccess)
    .innerJoin(users, eq(users.id, eventAccess.userId))
    .where(and(eq(eventAccess.eventId, eventId), eq(users.role, 'client'), eq(users.status, 'active')));
  if (logins.length === 0)
    throw new AppError(
      'unprocessable',
      'This event has no client login yet. Invite the client as a user linked to the event, or share the page link instead.',
    );
  const sent = await deps.db.transaction(async (tx) => {
    const out = [];
    for (const u of logins) out.push(await queueLink(tx, deps, u, { eventId, phone: event.phone ?? null }));
    return out;
  });
  return { sent, expiresInMinutes: MAGIC_LINK_TTL_MS / 60_000 };
}

/**
 * A client asks for a sign-in link by email. The answer is the same whether or not the address
 * has a client login (no way to learn who is a client); at most 5 a quarter-hour per address and
 * 20 per network address.
 */
export async function requestClientSignInLink(deps: Deps, email: string, origin: Origin): Promise<void> {
  const now = deps.now();
  const window = 15 * 60_000;
  const overAddress = await hitRateLimit(deps.db, `magic:email:${email}`, 5, window, now);
  const overIp = origin.ip ? await hitRateLimit(deps.db, `magic:ip:${origin.ip}`, 20, window, now) : 0;
  const wait = Math.max(overAddress, overIp);
  if (wait > 0)
    throw new AppError(
      'too_many_attempts',
      `Too many sign-in links asked for. Try again in ${Math.ceil(wait / 60)} minutes.`,
      { headers: { 'retry-after': String(wait) } },
    );
  const [user] = await deps.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (user?.role !== 'client' || user.status !== 'active') return;
  const linked = await deps.db
    .select({ eventId: eventAccess.eventId })
    .from(eventAccess)
    .where(eq(eventAccess.userId, user.id));
  await deps.db.transaction(async (tx) => {
    await queueLink(tx, deps, user, { eventId: linked.length === 1 ? linked[0]!.eventId : null, phone: null });
  });
}

const REFUSED = {
  unknown: 'This sign-in link is not valid. Check that the whole link was copied, or ask for a new one.',
  used: 'This sign-in link has already been used. Ask for a new one.',
  expired: 'This sign-in link has expired. Ask for a new one.',
  inactive: 'This account cannot sign in. Ask the event team for help.',
} as const;

/**
 * Trades a sign-in link for a session, once. A tampered or unknown token, a used one and an
 * expired one are each refused with a message that says which; the claim is one conditional
 * UPDATE, so two clicks at once sign in only one of them. Client logins only.
 */
export async function redeemClientSignInLink(deps: Deps, token: string, origin: Origin): Promise<IssuedSession> {
  const now = deps.now();
  const hash = await sha256Hex(token);
  const refuse = (why: keyof typeof REFUSED) =>
    new AppError(
      why === 'unknown' ? 'unauthenticated' : why === 'inactive' ? 'account_deactivated' : 'link_expired',
      REFUSED[why],
    );
  const result = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.tokenHash, hash), eq(authTokens.purpose, 'magic_link')))
      .limit(1);
    if (!row) return refuse('unknown');
    if (row.usedAt) return refuse('used');
    if (Date.parse(row.expiresAt) <= now.getTime()) return refuse('expired');
    const [claimed] = await tx
      .update(authTokens)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(authTokens.id, row.id), isNull(authTokens.usedAt)))
      .returning({ id: authTokens.id });
    if (!claimed) return refuse('used');
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).limit(1);
    if (user?.role !== 'client' || user.status !== 'active') return refuse('inactive');
    await tx.update(users).set({ lastLoginAt: now.toISOString() }).where(eq(users.id, user.id));
    const refreshToken = await openSession(tx, {
      userId: user.id,
      now,
      ttlDays: deps.env.REFRESH_TOKEN_TTL_DAYS,
      ip: origin.ip,
      userAgent: origin.userAgent ?? null,
    });
    return { user, refreshToken };
  });
  if (result instanceof AppError) throw result;
  return issue(deps, result.user, result.refreshToken);
}
