import { newId } from '@mandap/shared/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDeps } from '../bootstrap.ts';
import { nextCode, recordChange } from '../lib/journal.ts';
import { seedDemo } from '../seed/demo.ts';
import { countRows, startTestApp, type TestApp } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.cleanup());

describe('database', () => {
  it('runs with foreign keys on and synchronous=FULL on every pooled connection', async () => {
    const [fk, sync] = await Promise.all([
      t.deps.db.$client.execute('PRAGMA foreign_keys'),
      t.deps.db.$client.execute('PRAGMA synchronous'),
    ]);
    expect(Number(fk.rows[0]!.foreign_keys)).toBe(1);
    expect(Number(sync.rows[0]!.synchronous)).toBe(2);
  });

  it('refuses to update or delete postings, journal entries, the event log and the audit log', async () => {
    const c = t.deps.db.$client;
    const entry = newId();
    await c.execute({
      sql: "INSERT INTO journal_entries (id, occurred_at, memo, source_type, created_at) VALUES (?, '2026-11-21', 'test', 'test', '2026-11-21')",
      args: [entry],
    });
    await c.execute({
      sql: "INSERT INTO postings (id, entry_id, account, amount_minor, currency, amount_inr_minor) VALUES (?, ?, 'bank:upi', 100, 'INR', 100)",
      args: [newId(), entry],
    });
    await recordChange(t.deps.db, {
      type: 'lead.updated',
      payload: { fields: [] },
      aggregateType: 'test',
      aggregateId: entry,
      actorId: null,
      at: new Date(),
      audit: { before: null, after: { a: 1 } },
    });
    await expect(c.execute('UPDATE postings SET amount_minor = 1')).rejects.toThrow(/append-only/);
    await expect(c.execute('DELETE FROM postings')).rejects.toThrow(/append-only/);
    await expect(c.execute("UPDATE journal_entries SET memo = 'x'")).rejects.toThrow(/append-only/);
    await expect(c.execute('DELETE FROM event_log')).rejects.toThrow(/append-only/);
    await expect(c.execute("UPDATE event_log SET type = 'x'")).rejects.toThrow(/append-only/);
    await expect(c.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(c.execute("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
  });

  it('seeds the demo house once: one user per role, 50 leads, 10 events; seeding again changes nothing', async () => {
    const roles = await t.deps.db.$client.execute('SELECT DISTINCT role FROM users');
    expect(roles.rows).toHaveLength(7);
    expect(await countRows(t.deps, 'leads')).toBe(50);
    expect(await countRows(t.deps, 'events')).toBe(10);
    const stages = await t.deps.db.$client.execute(
      'SELECT count(DISTINCT stage) AS n, count(DISTINCT source) AS s FROM leads',
    );
    expect(Number(stages.rows[0]!.n)).toBeGreaterThanOrEqual(6);
    expect(Number(stages.rows[0]!.s)).toBeGreaterThanOrEqual(6);
    expect(await seedDemo(t.deps.db, { now: new Date(), iterations: 1000 })).toBe(false);
    expect(await countRows(t.deps, 'users')).toBe(8);
    expect(await countRows(t.deps, 'leads')).toBe(50);
  });

  it('migrating and seeding an existing database again is a no-op (restart)', async () => {
    const again = await prepareDeps(t.deps.env);
    expect(again.seeded).toBe(false);
    expect(await countRows(again, 'leads')).toBe(50);
    again.db.$client.close();
  });

  it('continues human codes after the seed and never hands out one twice under concurrency', async () => {
    const at = new Date();
    const codes = await Promise.all(Array.from({ length: 20 }, () => nextCode(t.deps.db, 'lead', at)));
    expect(new Set(codes).size).toBe(20);
    const numbers = codes.map((c) => Number(c.split('-')[2])).sort((a, b) => a - b);
    expect(numbers[0]).toBe(51);
    expect(numbers[19]).toBe(70);
  });
});

describe('concurrent writes', () => {
  it('a plain write while a transaction is open waits its turn instead of stalling the process', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const tx = t.deps.db.transaction(async (txn) => {
      await recordChange(txn, {
        type: 'lead.updated',
        payload: { fields: [] },
        aggregateType: 'test',
        aggregateId: 'h',
        actorId: null,
        at: new Date(),
      });
      await held;
    });
    const started = Date.now();
    const write = recordChange(t.deps.db, {
      type: 'lead.updated',
      payload: { fields: [] },
      aggregateType: 'test',
      aggregateId: 'o',
      actorId: null,
      at: new Date(),
    });
    setTimeout(release, 50);
    await Promise.all([tx, write]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('take turns instead of failing with SQLITE_BUSY when they interleave across awaits', async () => {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.deps.db.transaction(async (tx) => {
          const code = await nextCode(tx, 'vendor', new Date());
          await new Promise((r) => setTimeout(r, 5));
          await recordChange(tx, {
            type: 'lead.updated',
            payload: { fields: [] },
            aggregateType: 'test',
            aggregateId: `c${i}`,
            actorId: null,
            at: new Date(),
          });
          return code;
        }),
      ),
    );
    expect(new Set(results).size).toBe(12);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
