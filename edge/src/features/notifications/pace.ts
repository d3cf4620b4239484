import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Whole milliseconds between sends, rounded up: the pace never exceeds `perSecond`. */
export const gapMs = (perSecond: number) => Math.ceil(1000 / perSecond);

/**
 * Reserves `count` consecutive send slots for `key`, shared by every runner on this database:
 * one statement (an upsert that returns), so two runners never get the same slot. Returns the
 * first slot's time in ms since the epoch; slot i starts at first + i × gap. A slot is never
 * earlier than `nowMs`, and slots are never closer than the gap, whoever reserved them.
 */
export async function reserveSlots(db: Db, key: string, gap: number, count: number, nowMs: number): Promise<number> {
  const span = gap * count;
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await db.all<{ first: number }>(sql`
        INSERT INTO delivery_pace (key, next_at_ms) VALUES (${key}, ${nowMs + span})
        ON CONFLICT (key) DO UPDATE SET next_at_ms = max(delivery_pace.next_at_ms, ${nowMs}) + ${span}
        RETURNING next_at_ms - ${span} AS first`);
      return Number(row!.first);
    } catch (err) {
      // Another process holding the write lock past the busy timeout (a long import, a
      // second runner): the reservation is one idempotent-enough statement, so try again.
      if (attempt >= BUSY_ATTEMPTS || !isBusy(err)) throw err;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

const BUSY_ATTEMPTS = 4;

/** SQLITE_BUSY / SQLITE_LOCKED anywhere in the error's causes (drizzle wraps the driver's error). */
export function isBusy(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; depth++, e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
  }
  return false;
}

/**
 * Paces sends to at most `perSecond` across every runner (and the concurrent senders of each):
 * slots are reserved from the shared row in blocks of a quarter second, so the database sees one
 * write per block, not per message. Slots a runner reserved and did not use only slow the others a little.
 */
export function sharedPacer(db: Db, key: string, perSecond: number) {
  const gap = gapMs(perSecond);
  // A quarter of a second's slots per reservation: a few writes a second at most, little waste at the end of a run.
  const size = Math.max(1, Math.ceil(perSecond / 4));
  // How late a slot may still be used: a small catch-up after a hiccup stays within the pace over any second.
  const tolerance = Math.max(2 * gap, 100);
  const slots: number[] = [];
  let reserving: Promise<void> | null = null;
  return async (): Promise<void> => {
    for (;;) {
      while (slots.length === 0) {
        reserving ??= reserveSlots(db, key, gap, size, Date.now())
          .then((first) => {
            for (let i = 0; i < size; i++) slots.push(first + i * gap);
          })
          .finally(() => {
            reserving = null;
          });
        await reserving;
      }
      const slot = slots.shift()!;
      // A slot long past is dropped, not used: after a stall (a busy event loop, a slow database) the
      // overdue sends would otherwise go out back to back, faster than the pace.
      if (Date.now() - slot > tolerance) continue;
      const wait = slot - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return;
    }
  };
}
