import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { notificationOutbox } from '../db/schema/index.ts';

/** Outbox rows so far (to report how many a tick queued). */
export async function countRows(tx: DbOrTx): Promise<number> {
  const [r] = await tx.select({ n: sql<number>`count(*)` }).from(notificationOutbox);
  return Number(r?.n ?? 0);
}
