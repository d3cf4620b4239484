import { permissionsOf } from '@mandap/shared/access';
import type { Me } from '@mandap/shared/auth';
import { newId } from '@mandap/shared/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { authTokens, loginThrottle, sessions, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { enqueueMessage, recordChange } from '../../lib/journal.ts';
import { dummyVerify, hashPassword, verifyPassword } from './password.ts';
import { openSession, revokeAllSessions, revokeFamily } from './sessions.ts';
import {
  afterFailure,
  EMAIL_POLICY,
  IP_POLICY,
  lockRemaining,
  type ThrottlePolicy,
  type ThrottleState,
} from './throttle.ts';
import { signAccessToken } from './tokens.ts';

/** A rotated refresh token presented again within this window (two tabs refreshing at once) is honoured. */
const ROTATION_GRACE_MS = 30_000;
const RESET_TTL_MS = 60 * 60_000;
const INVITE_TTL_MS = 7 * 86_400_000;

import type { Origin } from '../../lib/journal.ts';

export interface IssuedSession {
  accessToken: string;
  expiresAt: string;
  user: Me;
  refreshToken: string;
}

type UserRow = typeof users.$inferSelect;

function toMe(u: Pick<UserRow, 'id' | 'email' | 'name' | 'role'>): Me {
  return { id: u.id, email: u.email, name: u.name, role: u.role, permissions: permissionsOf(u.role) };
}

export async function issue(deps: Deps, user: UserRow, refreshToken: string): Promise<IssuedSession> {
  const { token, expiresAt } = await signAccessToken(
    user,
    deps.env.JWT_SECRET,
    deps.now(),
    deps.env.ACCESS_TOKEN_TTL_SECONDS,
  );
  return { accessToken: token, expiresAt: expiresAt.toISOString(), user: toMe(user), refreshToken };
}

async function readThrottle(deps: Deps, key: string): Promise<ThrottleState | null> {
  const [row] = await deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
  if (!row) return null;
  return {
    failures: row.failures,
    windowStartedAt: Date.parse(row.windowStartedAt),
    lockedUntil: row.lockedUntil ? Date.parse(row.lockedUntil) : null,
  };
}

async function noteFailure(deps: Deps, key: string, policy: ThrottlePolicy): Promise<void> {
  const next = afterFailure(await readThrottle(deps, key), deps.now().getTime(), policy);
  const values = {
    failures: next.failures,
    windowStartedAt: new Date(next.windowStartedAt).toISOString(),
    lockedUntil: next.lockedUntil ? new Date(next.lockedUntil).toISOString() : null,
  };
  await deps.db
    .insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values });
}

function throttleKeys(email: string, ip: string | null) {
  return [{ key: `email:${email}`, policy: EMAIL_POLICY }, ...(ip ? [{ key: `ip:${ip}`, policy: IP_POLICY }] : [])];
}

async function refuseIfLocked(deps: Deps, email: string, ip: string | null): Promise<void> {
  for (const { key } of throttleKeys(email, ip)) {
    const wait = lockRemaining(await readThrottle(deps, key), deps.now().getTime());
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw new AppError(
        'too_many_attempts',
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
        { headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } },
      );
    }
  }
}

export async function login(
  deps: Deps,
  input: { email: string; password: string },
  origin: Origin,
): Promise<IssuedSession> {
  await refuseIfLocked(deps, input.email, origin.ip);
  const [user] = await deps.db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const ok = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : false;
  if (!user?.passwordHash) await dummyVerify(input.password, deps.env.PASSWORD_HASH_ITERATIONS);
  if (!user || !ok) {
    for (const { key, policy } of throttleKeys(input.email, origin.ip)) await noteFailure(deps, key, policy);
    throw new AppError('invalid_credentials', 'Email or password is wrong.');
  }
  if (user.status !== 'active') {
    throw new AppError('account_deactivated', 'This account has been deactivated. Ask a manager to reactivate it.');
  }
  const now = deps.now();
  const refreshToken = await deps.db.transaction(async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, `email:${input.email}`));
    await tx.update(users).set({ lastLoginAt: now.toISOString() }).where(eq(users.id, user.id));
    return openSession(tx, {
      userId: user.id,
      now,
      ttlDays: deps.env.REFRESH_TOKEN_TTL_DAYS,
      ...origin,
      userAgent: origin.userAgent ?? null,
    });
  });
  return issue(deps, user, refreshToken);
}

/**
 * Trades a refresh token for a new access token and a new refresh token (rotation).
 * A token already rotated, presented again after the grace window, means it was copied:
 * the whole family is revoked and everyone holding it must sign in again.
 */
export async function refresh(deps: Deps, token: string | undefined, origin: Origin): Promise<IssuedSession> {
  const signIn = new AppError('unauthenticated', 'Your session has ended. Sign in again.');
  if (!token) throw signIn;
  const now = deps.now();
  const hash = await sha256Hex(token);
  const result = await deps.db.transaction(async (tx) => {
    const [session] = await tx.select().from(sessions).where(eq(sessions.tokenHash, hash)).limit(1);
    if (!session || session.revokedAt || Date.parse(session.expiresAt) <= now.getTime()) return null;
    if (session.rotatedAt && now.getTime() - Date.parse(session.rotatedAt) > ROTATION_GRACE_MS) {
      await revokeFamily(tx, session.familyId, now);
      return null;
    }
    const [user] = await tx.select().from(users).where(eq(users.id, session.userId)).limit(1);
    if (user?.status !== 'active') return null;
    if (!session.rotatedAt) {
      await tx.update(sessions).set({ rotatedAt: now.toISOString() }).where(eq(sessions.id, session.id));
    }
    const next = await openSession(tx, {
      userId: user.id,
      familyId: session.familyId,
      now,
      ttlDays: deps.env.REFRESH_TOKEN_TTL_DAYS,
      ...origin,
      userAgent: origin.userAgent ?? null,
    });
    return { user, next };
  });
  if (!result) throw signIn;
  return issue(deps, result.user, result.next);
}

/** Ends the session family behind this refresh token. Signing out twice is fine. */
export async function logout(deps: Deps, token: string | undefined): Promise<void> {
  if (!token) return;
  const [session] = await deps.db
    .select({ familyId: sessions.familyId })
    .from(sessions)
    .where(eq(sessions.tokenHash, await sha256Hex(token)))
    .limit(1);
  if (session) await revokeFamily(deps.db, session.familyId, deps.now());
}

export async function getMe(deps: Deps, userId: string): Promise<Me> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
  return toMe(user);
}

/** Changes the password, ends every other session and returns a fresh one for this device. */
export async function changePassword(
  deps: Deps,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  origin: Origin,
): Promise<IssuedSession> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('validation_failed', 'The current password is wrong.', {
      fields: { currentPassword: 'does not match' },
    });
  }
  const now = deps.now();
  const passwordHash = await hashPassword(input.newPassword, deps.env.PASSWORD_HASH_ITERATIONS);
  const { refreshToken, updated } = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: now.toISOString() })
      .where(eq(users.id, userId))
      .returning();
    await revokeAllSessions(tx, userId, now);
    await recordChange(tx, {
      type: 'user.password_changed',
      aggregateType: 'user',
      aggregateId: userId,
      actorId: userId,
      at: now,
      audit: { before: null, after: null, ...origin },
    });
    const refreshToken = await openSession(tx, {
      userId,
      now,
      ttlDays: deps.env.REFRESH_TOKEN_TTL_DAYS,
      ...origin,
      userAgent: origin.userAgent ?? null,
    });
    return { refreshToken, updated: updated! };
  });
  return issue(deps, updated, refreshToken);
}

/** Creates a single-use link token and queues the message carrying it. */
export async function sendLinkToken(
  tx: Tx,
  deps: Deps,
  user: { id: string; email: string; name: string },
  purpose: 'password_reset' | 'invite',
  extra: Record<string, unknown> = {},
): Promise<void> {
  const now = deps.now();
  const token = randomToken();
  await tx.insert(authTokens).values({
    id: newId(),
    userId: user.id,
    purpose,
    tokenHash: await sha256Hex(token),
    expiresAt: new Date(now.getTime() + (purpose === 'invite' ? INVITE_TTL_MS : RESET_TTL_MS)).toISOString(),
    createdAt: now.toISOString(),
  });
  const path = purpose === 'invite' ? '/accept-invite' : '/reset-password';
  await enqueueMessage(tx, {
    channel: 'email',
    template: purpose,
    recipient: user.email,
    payload: { name: user.name, link: `${deps.env.PUBLIC_URL}${path}?token=${token}`, ...extra },
    at: now,
  });
}

/** Always answers the same way, so the form does not reveal which emails have accounts. */
export async function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (user?.status !== 'active') return;
  await deps.db.transaction(async (tx) => {
    // A new reset link retires every older one that is still unused.
    await tx
      .update(authTokens)
      .set({ usedAt: deps.now().toISOString() })
      .where(and(eq(authTokens.userId, user.id), eq(authTokens.purpose, 'password_reset'), isNull(authTokens.usedAt)));
    await sendLinkToken(tx, deps, user, 'password_reset');
  });
}

/** Sets a password from a reset or invite link. The link works once; every old session ends. */
export async function redeemLinkToken(
  deps: Deps,
  purpose: 'password_reset' | 'invite',
  input: { token: string; newPassword: string },
): Promise<void> {
  const now = deps.now();
  const hash = await sha256Hex(input.token);
  const passwordHash = await hashPassword(input.newPassword, deps.env.PASSWORD_HASH_ITERATIONS);
  const ok = await deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(authTokens)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(authTokens.tokenHash, hash), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)))
      .returning();
    if (!claimed || Date.parse(claimed.expiresAt) <= now.getTime()) return false;
    const [user] = await tx.select().from(users).where(eq(users.id, claimed.userId)).limit(1);
    if (!user || user.status === 'deactivated') return false;
    await tx
      .update(users)
      .set({
        passwordHash,
        status: 'active',
        tokenVersion: sql`${users.tokenVersion} + 1`,
        updatedAt: now.toISOString(),
      })
      .where(eq(users.id, user.id));
    await revokeAllSessions(tx, user.id, now);
    await recordChange(tx, {
      type: purpose === 'invite' ? 'user.invite_accepted' : 'user.password_reset',
      aggregateType: 'user',
      aggregateId: user.id,
      actorId: user.id,
      at: now,
      audit: { before: { status: user.status }, after: { status: 'active' } },
    });
    return true;
  });
  if (!ok) {
    throw new AppError(
      'unprocessable',
      purpose === 'invite'
        ? 'This invite link has expired or was already used. Ask a manager to send a new invite.'
        : 'This reset link has expired or was already used. Request a new one from the sign-in page.',
    );
  }
}
