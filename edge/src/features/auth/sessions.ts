import { newId } from '@mandap/shared/common';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';

/** Opens a refresh-token session (a new family unless one is given) and returns the raw token for the cookie. */
export async function openSession(
  tx: DbOrTx,
  opts: { userId: string; familyId?: string; now: Date; ttlDays: number; ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomToken();
  await tx.insert(sessions).values({
    id: newId(),
    userId: opts.userId,
    familyId: opts.familyId ?? newId(),
    tokenHash: await sha256Hex(token),
    expiresAt: new Date(opts.now.getTime() + opts.ttlDays * 86_400_000).toISOString(),
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
    createdAt: opts.now.toISOString(),
  });
  return token;
}

export async function revokeFamily(tx: DbOrTx, familyId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
}

export async function revokeAllSessions(tx: DbOrTx, userId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
