import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client.ts';
import type { Deps } from '../../lib/context.ts';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { deliverDue } from './deliver.ts';
import { queueMessage } from './outbox.ts';
import { gapMs, reserveSlots } from './pace.ts';
import { startProviderStandIn } from './testing/provider-stand-in.ts';

const PER_SECOND = 20;
let standIn: Awaited<ReturnType<typeof startProviderStandIn>>;
let t: TestApp;
const arrivals: number[] = [];

beforeAll(async () => {
  standIn = await startProviderStandIn((_req, n) => {
    arrivals.push(Date.now());
    return { status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.pace.${n}` }] } };
  });
  t = await startTestApp({
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_API_URL: `${standIn.url}/v21.0`,
    WHATSAPP_PHONE_NUMBER_ID: '1098765432',
    WHATSAPP_ACCESS_TOKEN: 'meta-test-token',
    WHATSAPP_MAX_PER_SECOND: String(PER_SECOND),
  });
});
afterAll(async () => {
  await standIn.close();
  t.cleanup();
});

describe('the provider pace is global across runners', () => {
  it('slots reserved at once from two database clients never overlap', async () => {
    const other = await createDb(t.deps.env.DATABASE_URL);
    const now = Date.now();
    const firsts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reserveSlots(i % 2 ? other : t.deps.db, 'test:slots', 10, 4, now)),
    );
    other.$client.close();
    const starts = firsts.sort((a, b) => a - b);
    // 20 blocks of 4 slots, 10 ms apart: the blocks tile the time line with no gap and no overlap.
    expect(starts[0]).toBe(now);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBe(40);
  });

  it('two runners on two database clients together send no faster than WHATSAPP_MAX_PER_SECOND', async () => {
    await deliverDue(t.deps, t.clock.now(), { runner: 'drain' }); // the demo house's own queue
    arrivals.length = 0;
    const count = 100;
    for (let i = 0; i < count; i++)
      await queueMessage(t.deps.db, {
        channel: 'whatsapp',
        template: 'milestone_due_today',
        recipient: `+9198${String(30_000_000 + i).padStart(8, '0')}`,
        payload: { eventName: 'Shah Reception', milestone: 'Balance', outstanding: '₹1,000.00', dueDate: '2026-12-01' },
        at: t.clock.now(),
        dedupeKey: `pace:${i}`,
      });
    const other = await createDb(t.deps.env.DATABASE_URL);
    const second: Deps = { ...t.deps, db: other };
    const now = t.clock.now();
    const [a, b] = await Promise.all([
      deliverDue(t.deps, now, { runner: 'pace-a', batch: 10 }),
      deliverDue(second, now, { runner: 'pace-b', batch: 10 }),
    ]);
    other.$client.close();
    expect(a.sent + b.sent).toBe(count);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(arrivals).toHaveLength(count);

    // Each runner alone would go at 20/s, so the two together would run at ~40/s: ~2.5 s for the 100, and ~80
    // in a two-second window. Shared slots keep the pair at 20/s. The slots are exact; what the stand-in sees
    // jitters by up to a few hundred ms on this loaded 2-core machine (a libSQL file call blocks the event loop
    // while it waits for the other runner's write), so the checks allow for that jitter and no more:
    // the 100 span at least 99 gaps less 0.5 s (an average of at most ~22/s; per-runner pacing measured ~2.0-2.5 s
    // here for 60), and no two-second window holds more than 2 × 20 × 1.6 (a gross burst; the jitter alone has
    // put 53 in one window on this machine).
    arrivals.sort((x, y) => x - y);
    const span = arrivals.at(-1)! - arrivals[0]!;
    expect(span).toBeGreaterThanOrEqual((count - 1) * gapMs(PER_SECOND) - 500);
    let most = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while (arrivals[i]! - arrivals[j]! >= 2000) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBeLessThanOrEqual(Math.floor(2 * PER_SECOND * 1.6));
  });

  it('a send slot that cannot be reserved holds that message for the next round; the round still records every outcome', async () => {
    await deliverDue(t.deps, t.clock.now(), { runner: 'drain' });
    arrivals.length = 0;
    const c = t.deps.db.$client;
    const queue = (channel: 'whatsapp' | 'in_app', i: number) =>
      queueMessage(t.deps.db, {
        channel,
        template: channel === 'whatsapp' ? 'milestone_due_today' : 'payment_received_staff',
        recipient: channel === 'whatsapp' ? `+9198${String(40_000_000 + i).padStart(8, '0')}` : 'finance',
        payload: { eventName: 'Shah Reception', milestone: 'Balance', outstanding: '₹1,000.00', dueDate: '2026-12-01' },
        at: t.clock.now(),
        dedupeKey: `pace-fail:${channel}:${i}`,
      });
    for (let i = 0; i < 3; i++) await queue('whatsapp', i);
    await queue('in_app', 0);
    // The shared pace row refuses every write, as a database that will not take the write would.
    await c.execute(
      `CREATE TRIGGER pace_refused_insert BEFORE INSERT ON delivery_pace BEGIN SELECT RAISE(ABORT, 'pace row refused'); END`,
    );
    await c.execute(
      `CREATE TRIGGER pace_refused_update BEFORE UPDATE ON delivery_pace BEGIN SELECT RAISE(ABORT, 'pace row refused'); END`,
    );
    const ours = async () =>
      (
        await c.execute(
          `SELECT channel, status, attempts, last_error FROM notification_outbox WHERE dedupe_key LIKE 'pace-fail:%' ORDER BY dedupe_key`,
        )
      ).rows.map((r) => ({
        channel: r.channel,
        status: r.status,
        attempts: Number(r.attempts),
        lastError: r.last_error,
      }));
    const first = await deliverDue(t.deps, t.clock.now(), { runner: 'pace-refused' });
    await c.execute('DROP TRIGGER pace_refused_insert');
    await c.execute('DROP TRIGGER pace_refused_update');
    expect(first.retried).toBe(3);
    expect(arrivals).toHaveLength(0);
    const after = await ours();
    // Nothing is left claimed ("sending") to go again when its lease lapses; a held message keeps its attempts.
    expect(after.find((r) => r.channel === 'in_app')?.status).toBe('sent');
    for (const r of after.filter((x) => x.channel === 'whatsapp'))
      expect(r).toMatchObject({ status: 'failed', attempts: 0, lastError: expect.stringMatching(/no send slot/) });

    // The next round after the hold sends each one, once.
    t.clock.advance(10_000);
    const second = await deliverDue(t.deps, t.clock.now(), { runner: 'pace-ok' });
    expect(second.sent).toBe(3);
    expect(arrivals).toHaveLength(3);
    expect((await ours()).every((r) => r.status === 'sent')).toBe(true);
  });
});
