import { newId } from '@mandap/shared/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent, postPayment } from './payments-test-kit.ts';

// Credit on account held in a foreign currency is worth a different INR amount than the
// milestones it is applied to (they are carried at the quote's rate): the difference is FX gain
// or loss, booked in the same entry, and the trial balance still balances.

let t: TestApp;
let finance: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

const fxOf = async (entryId: string) =>
  (
    await t.deps.db.$client.execute({
      sql: "SELECT amount_inr_minor AS inr FROM postings WHERE entry_id = ? AND account = 'fx:gain_loss'",
      args: [entryId],
    })
  ).rows.map((r) => Number(r.inr));

describe('credit on account in a foreign currency', () => {
  it('applied to milestones carried at the quote rate books the difference to FX gain/loss; the books balance', async () => {
    // A USD booking priced at ₹83.00 a dollar: $10,000 in three milestones.
    const fx = {
      base: 'USD',
      quote: 'INR',
      rate: '83.00',
      source: 'manual',
      asOf: '2026-11-01T00:00:00.000Z',
    } as const;
    const e = await plannedEvent(t, finance, { totalMinor: 10_000_00, currency: 'USD', fx });
    // The client wires $5,000 at ₹84.00; finance puts $1,000 on the first milestone and holds the rest.
    const first = e.milestones[0]!;
    const pay = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'neft',
      reference: 'SWIFT-USD-1',
      receivedOn: new Date().toISOString().slice(0, 10),
      amountMinor: 5_000_00,
      currency: 'USD',
      fxRate: '84.00',
      fxRateConfirmed: true,
      allocations: [{ milestoneId: first.id, amountMinor: 1_000_00 }],
    });
    expect(pay.status).toBe(201);
    expect(pay.body.payment.unallocatedMinor).toBe(4_000_00);

    // Applying the $4,000 held (worth ₹3,36,000 at 84) to milestones carried at 83 (₹3,32,000):
    // the client's dollars were worth ₹4,000 more than the receivable they settle, a gain (credit).
    const applied = await t.json(
      'POST',
      `/api/payments/events/${e.eventId}/credit/apply`,
      {},
      { ...finance, 'idempotency-key': newId() },
    );
    expect(applied.status).toBe(201);
    expect((await applied.json()).applied).toBe(4_000_00);
    const entry = (
      await t.deps.db.$client.execute({
        sql: 'SELECT journal_entry_id AS id FROM credit_applications WHERE event_id = ?',
        args: [e.eventId],
      })
    ).rows[0]!;
    expect(await fxOf(String(entry.id))).toEqual([-4_000_00]);
    const receivable = (
      await t.deps.db.$client.execute({
        sql: "SELECT amount_inr_minor AS inr FROM postings WHERE entry_id = ? AND account LIKE 'client:%:receivable'",
        args: [String(entry.id)],
      })
    ).rows.map((r) => Number(r.inr));
    expect(receivable).toEqual([-3_32_000_00]);

    const tb = await (await t.json('GET', '/api/payments/trial-balance', undefined, finance)).json();
    expect(tb.isBalanced).toBe(true);
    const check = await (await t.json('GET', '/api/payments/integrity', undefined, finance)).json();
    expect(check.mismatches).toEqual([]);
  });

  it('INR credit applied to INR milestones books no FX line', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1_000_00 });
    const pay = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'neft',
      reference: 'UTR-INR-1',
      receivedOn: new Date().toISOString().slice(0, 10),
      amountMinor: 500_00,
      currency: 'INR',
      allocations: [{ milestoneId: e.milestones[0]!.id, amountMinor: 100_00 }],
    });
    expect(pay.status).toBe(201);
    const applied = await t.json(
      'POST',
      `/api/payments/events/${e.eventId}/credit/apply`,
      {},
      { ...finance, 'idempotency-key': newId() },
    );
    expect(applied.status).toBe(201);
    const entry = (
      await t.deps.db.$client.execute({
        sql: 'SELECT journal_entry_id AS id FROM credit_applications WHERE event_id = ?',
        args: [e.eventId],
      })
    ).rows[0]!;
    expect(await fxOf(String(entry.id))).toEqual([]);
  });
});
