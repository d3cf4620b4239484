import { newId } from '@mandap/shared/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { clientEvents } from '../quotes/quote-test-kit.ts';
import { plannedEvent, postPayment } from './payments-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

const pay = (eventId: string, amountMinor: number, extra: Record<string, unknown> = {}) => ({
  eventId,
  mode: 'upi',
  reference: 'UPI-REF-1',
  receivedOn: '2026-05-02',
  amountMinor,
  currency: 'INR',
  ...extra,
});

describe('milestone plans', () => {
  it('splits the accepted total 30/50/20 to the paisa', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 10_00_000_01 });
    expect(e.milestones.map((m) => m.amountMinor)).toEqual([3_00_000_00, 5_00_000_01, 2_00_000_00]);
    expect(e.milestones.every((m) => m.status === 'pending')).toBe(true);
  });
  it('refuses a second plan and an edit that does not add up', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000 });
    const again = await t.json('POST', '/api/payments/milestone-plans', { eventId: e.eventId }, finance);
    expect(again.status).toBe(409);
    const bad = await t.json(
      'PUT',
      `/api/payments/events/${e.eventId}/milestones`,
      { milestones: [{ label: 'All', dueDate: '2099-01-01', amountMinor: 999 }] },
      finance,
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/add up to 999/);
    const ok = await t.json(
      'PUT',
      `/api/payments/events/${e.eventId}/milestones`,
      {
        milestones: [
          { id: e.milestones[0]!.id, label: 'Advance', dueDate: '2099-01-01', amountMinor: 600 },
          { label: 'Balance', dueDate: '2099-02-01', amountMinor: 400 },
        ],
      },
      finance,
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).milestones.map((m: { amountMinor: number }) => m.amountMinor)).toEqual([600, 400]);
  });
});

describe('recording payments', () => {
  it('allocates, posts a balanced entry, numbers a receipt and confirms the booking', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1_00_000_00 });
    const r = await postPayment(t, finance, pay(e.eventId, 40_000_00));
    expect(r.status).toBe(201);
    expect(r.body.payment.code).toMatch(/^RCPT\/\d{4}-\d{2}\/\d{4}$/);
    expect(r.body.milestones.map((m) => [m.paidMinor, m.status])).toEqual([
      [30_000_00, 'paid'],
      [10_000_00, 'partially_paid'],
      [0, 'pending'],
    ]);
    const ev = await t.deps.db.$client.execute({ sql: 'SELECT status FROM events WHERE id = ?', args: [e.eventId] });
    expect(ev.rows[0]!.status).toBe('deposit_paid');
    const bal = await (await t.json('GET', `/api/payments/balances?eventId=${e.eventId}`, undefined, finance)).json();
    expect(bal.accounts).toEqual([
      { account: 'bank:upi', currency: 'INR', amountMinor: 40_000_00, amountInrMinor: 40_000_00 },
      {
        account: `client:${e.clientId}:receivable`,
        currency: 'INR',
        amountMinor: -40_000_00,
        amountInrMinor: -40_000_00,
      },
    ]);
  });

  it('replays the same key and body, refuses the same key with another body (422)', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000 });
    const key = newId();
    const a = await postPayment(t, finance, pay(e.eventId, 100), key);
    const b = await postPayment(t, finance, pay(e.eventId, 100), key);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    const c = await postPayment(t, finance, pay(e.eventId, 101), key);
    expect(c.status).toBe(422);
    expect(c.body.error?.code).toBe('idempotency_mismatch');
    const missing = await t.json('POST', '/api/payments', pay(e.eventId, 100), finance);
    expect(missing.status).toBe(400);
  });

  it.each([
    ['zero', { amountMinor: 0 }],
    ['negative', { amountMinor: -5 }],
    ['fractional paise', { amountMinor: 10.5 }],
    ['beyond range', { amountMinor: 1e17 }],
    ['unknown currency', { currency: 'XYZ' }],
    ['allocations beyond the payment', { amountMinor: 100, allocations: 'beyond' }],
    ['an FX rate on an INR payment', { fxRate: '83.5' }],
    ['a zero FX rate', { currency: 'USD', fxRate: '0' }],
    ['a future date', { receivedOn: '2999-01-01' }],
    ['a date years back', { receivedOn: '2001-01-01' }],
    ['allocation beyond a milestone', { amountMinor: 400, allocations: 'first' }],
  ] as [string, Record<string, unknown>][])('refuses %s with a 4xx and no ledger effect', async (_name, over) => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000 });
    const before = await countRows(t.deps, 'postings');
    const body: Record<string, unknown> = pay(e.eventId, 100, over);
    if (over.allocations === 'first') body.allocations = [{ milestoneId: e.milestones[0]!.id, amountMinor: 400 }];
    if (over.allocations === 'beyond') body.allocations = [{ milestoneId: e.milestones[1]!.id, amountMinor: 200 }];
    const r = await postPayment(t, finance, body);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error?.message.length).toBeGreaterThan(10);
    expect(await countRows(t.deps, 'postings')).toBe(before);
  });

  it('refunds in part and reverses in full with reversing entries, never edits', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000 });
    const p = await postPayment(t, finance, pay(e.eventId, 500));
    const id = p.body.payment.id;
    const refund = await t.json(
      'POST',
      `/api/payments/${id}/refunds`,
      { kind: 'refund', amountMinor: 250, reason: 'date moved' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect(refund.status).toBe(201);
    const rb = await refund.json();
    // Nothing was invoiced, so no GST credit note: the refund is named after the receipt it pays back.
    expect(rb.payment.code).toBe(`${p.body.payment.code}-RF1`);
    expect(rb.milestones.map((m: { paidMinor: number }) => m.paidMinor)).toEqual([250, 0, 0]);
    const reverse = await t.json(
      'POST',
      `/api/payments/${id}/refunds`,
      { kind: 'reversal', reason: 'entered twice' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect(reverse.status).toBe(422);
    const rest = await t.json(
      'POST',
      `/api/payments/${id}/refunds`,
      { kind: 'refund', reason: 'cancelled' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect((await rest.json()).milestones.map((m: { paidMinor: number }) => m.paidMinor)).toEqual([0, 0, 0]);
    const p2 = await postPayment(t, finance, pay(e.eventId, 300));
    const rev = await t.json(
      'POST',
      `/api/payments/${p2.body.payment.id}/refunds`,
      { kind: 'reversal', reason: 'wrong event' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect(rev.status).toBe(201);
    const bal = await (await t.json('GET', `/api/payments/balances?eventId=${e.eventId}`, undefined, finance)).json();
    expect(bal.accounts.every((a: { amountMinor: number }) => a.amountMinor === 0)).toBe(true);
    await expect(t.deps.db.$client.execute('UPDATE postings SET amount_minor = 0')).rejects.toThrow(/append-only/);
    await expect(t.deps.db.$client.execute('DELETE FROM postings')).rejects.toThrow(/append-only/);
  });

  it('keeps clients to their own events (404 for foreign) and out of recording (403)', async () => {
    const client = (await t.login('client@mandap.demo')).auth;
    const { linked, foreign } = await clientEvents(t);
    expect((await t.json('GET', `/api/payments/events/${linked}/payments`, undefined, client)).status).toBe(200);
    expect((await t.json('GET', `/api/payments/events/${foreign}/payments`, undefined, client)).status).toBe(404);
    expect((await t.json('GET', `/api/payments/events/${foreign}/milestones`, undefined, client)).status).toBe(404);
    const r = await postPayment(t, client, pay(linked, 100));
    expect(r.status).toBe(403);
  });

  it('reports a whole ledger: trial balance balances, integrity check finds nothing', async () => {
    const tb = await (await t.json('GET', '/api/payments/trial-balance', undefined, finance)).json();
    expect(tb.isBalanced).toBe(true);
    expect(tb.totalDebitInrMinor).toBeGreaterThan(0);
    const check = await (await t.json('GET', '/api/payments/integrity', undefined, finance)).json();
    expect(check.mismatches).toEqual([]);
  });

  it('names clients and events in the trial balance and the ledger, never raw ids', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000 });
    expect((await postPayment(t, finance, pay(e.eventId, 400))).status).toBe(201);
    const client = (
      await t.deps.db.$client.execute({
        sql: 'SELECT c.id, c.name, c.code, e.code AS event_code FROM events e JOIN clients c ON c.id = e.client_id WHERE e.id = ?',
        args: [e.eventId],
      })
    ).rows[0]!;
    const tb = await (await t.json('GET', '/api/payments/trial-balance', undefined, finance)).json();
    const receivable = tb.accounts.find((a: { account: string }) => a.account === `client:${client.id}:receivable`);
    expect(receivable.label).toBe(`Receivable · ${client.name} (${client.code})`);
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-/;
    expect(tb.accounts.filter((a: { label: string }) => uuid.test(a.label))).toEqual([]);
    const ledger = await (await t.json('GET', `/api/payments/ledger?eventId=${e.eventId}`, undefined, finance)).json();
    expect(ledger.lines.length).toBeGreaterThan(0);
    for (const line of ledger.lines) {
      expect(line.accountLabel).not.toMatch(uuid);
      expect(line.eventLabel).toContain(String(client.event_code));
    }
  });
});

describe('idempotency under concurrency', () => {
  it('a duplicate that arrives while the first is inside its transaction waits for it and gets the same reply', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000 });
    const before = await countRows(t.deps, 'payments');
    // The first request is held INSIDE its transaction (claim written, not committed) when the
    // duplicate lands: one commit holds claim and payment, so the duplicate cannot see a
    // half-done claim; it takes its turn after the commit and replays the stored reply.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const original = t.deps.db.transaction;
    t.deps.db.transaction = ((fn, config) => {
      t.deps.db.transaction = original;
      return original.call(
        t.deps.db,
        async (tx) => {
          entered();
          await gate;
          return fn(tx);
        },
        config,
      );
    }) as typeof original;
    const key = newId();
    const first = postPayment(t, finance, pay(e.eventId, 100), key);
    await inside;
    // The duplicate has landed once it asks for its transaction (its turn is then queued behind the first's).
    let queued!: () => void;
    const dupWaits = new Promise<void>((r) => (queued = r));
    t.deps.db.transaction = ((fn, config) => {
      t.deps.db.transaction = original;
      const running = original.call(t.deps.db, fn, config);
      queued();
      return running;
    }) as typeof original;
    const dup = postPayment(t, finance, pay(e.eventId, 100), key);
    await dupWaits;
    expect(await countRows(t.deps, 'payments')).toBe(before);
    release();
    const [a, b] = await Promise.all([first, dup]);
    expect(a.status).toBe(201);
    expect(b).toEqual(a);
    expect(await countRows(t.deps, 'payments')).toBe(before + 1);
  });

  it('a payment beyond what is owed is recorded: the milestones are paid and the rest held as credit on account', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000 });
    const r = await postPayment(t, finance, pay(e.eventId, 1250));
    expect(r.status).toBe(201);
    expect(r.body.payment.unallocatedMinor).toBe(250);
    expect(r.body.milestones.every((m) => m.status === 'paid')).toBe(true);
    const credits = await (await t.json('GET', '/api/payments/credits', undefined, finance)).json();
    expect(credits.credits.find((c: { eventId: string }) => c.eventId === e.eventId)?.creditMinor).toBe(250);
    const told = await t.deps.db.$client.execute({
      sql: "SELECT count(*) AS n FROM notification_outbox WHERE template = 'finance_credit_on_account' AND payload LIKE ?",
      args: [`%${r.body.payment.id}%`],
    });
    expect(Number(told.rows[0]!.n)).toBe(1);
    // Finance refunds part of it, and may not refund more than is held.
    const over = await t.json(
      'POST',
      `/api/payments/events/${e.eventId}/credit/refund`,
      { amountMinor: 251, reason: 'too much' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect(over.status).toBe(422);
    expect((await over.json()).error.message).toContain('250');
    const back = await t.json(
      'POST',
      `/api/payments/events/${e.eventId}/credit/refund`,
      { amountMinor: 50, reason: 'paid twice' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect(back.status).toBe(201);
    const check = await (await t.json('GET', '/api/payments/integrity', undefined, finance)).json();
    expect(check.mismatches).toEqual([]);
  });

  it('20 keys × 50 concurrent identical posts record exactly 20 payments with identical replies per key', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1_00_000_00 });
    const before = await countRows(t.deps, 'payments');
    const keys = Array.from({ length: 20 }, () => newId());
    const results = await Promise.all(
      keys.flatMap((key, i) =>
        Array.from({ length: 50 }, () => postPayment(t, finance, pay(e.eventId, 1000 + i), key)),
      ),
    );
    expect(await countRows(t.deps, 'payments')).toBe(before + 20);
    for (const [i, key] of keys.entries()) {
      const mine = results.slice(i * 50, i * 50 + 50);
      const ok = mine.filter((r) => r.status === 201);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      // One commit per payment: duplicates wait their turn and replay; none sees a half-done claim.
      expect(mine.every((r) => r.status === 201)).toBe(true);
      for (const r of ok) expect(r.body).toEqual(ok[0]!.body);
      const later = await postPayment(t, finance, pay(e.eventId, 1000 + i), key);
      expect(later.body).toEqual(ok[0]!.body);
    }
  }, 60_000);
});
