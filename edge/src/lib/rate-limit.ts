import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { intakeRateLimits } from '../../db/schema/index.ts';

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
