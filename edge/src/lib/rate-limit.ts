import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { intakeRateLimits } from '../db/schema/index.ts';
import { AppError } from './errors.ts';

/**
 * Counts a hit against `key` in a fixed window, in the database so every instance shares it.
 * Returns the seconds to wait when over the limit, else 0.
 */
export async function hitRateLimit(db: DbOrTx, key: string, max: number, windowMs: number, now: Date): Promise<number> {
  const t = now.getTime();
  const windowStart = t - (t % windowMs);
  const [row] = await db
    .insert(intakeRateLimits)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: intakeRateLimits.key,
      set: {
        hits: sql`CASE WHEN ${intakeRateLimits.windowStart} = ${windowStart} THEN ${intakeRateLimits.hits} + 1 ELSE 1 END`,
        windowStart,
      },
    })
    .returning({ hits: intakeRateLimits.hits });
  return row!.hits > max ? Math.ceil((windowStart + windowMs - t) / 1000) : 0;
}

/** Counts a hit and refuses with a 429 (and Retry-After) when `key` is over `max` in the window. */
export async function enforceRateLimit(
  db: DbOrTx,
  limit: { key: string; max: number; windowMs: number; now: Date; message: (waitSeconds: number) => string },
): Promise<void> {
  const wait = await hitRateLimit(db, limit.key, limit.max, limit.windowMs, limit.now);
  if (wait > 0)
    throw new AppError('too_many_attempts', limit.message(wait), { headers: { 'retry-after': String(wait) } });
}
