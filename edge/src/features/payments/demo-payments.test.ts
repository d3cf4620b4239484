import { BOOKING_STATES, type BookingState } from '@mandap/shared/events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { seedDemoPayments } from './demo-payments.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

const get = async (path: string, auth: Record<string, string>) => {
  const res = await t.json('GET', path, undefined, auth);
  expect(res.status).toBe(200);
  return res.json();
};

describe('demo payments', () => {
  it('the accepted demo quote has a 30/50/20 plan, a UPI advance received, the booking at least confirmed', async () => {
    const rs = await t.deps.db.$client.execute(
      `SELECT q.event_id, v.total_minor FROM quotes q JOIN quote_versions v ON v.quote_id = q.id
       WHERE v.status = 'accepted'`,
    );
    const eventId = String(rs.rows[0]!.event_id);
    const total = Number(rs.rows[0]!.total_minor);
    const finance = (await t.login('finance@mandap.demo')).auth;
    const { milestones } = await get(`/api/payments/events/${eventId}/milestones`, finance);
    expect(milestones.map((m: { status: string }) => m.status)).toEqual(['paid', 'overdue', 'pending']);
    expect(milestones.reduce((s: number, m: { amountMinor: number }) => s + m.amountMinor, 0)).toBe(total);
    expect(milestones[0].amountMinor).toBe(Math.round(total * 0.3));
    const { payments } = await get(`/api/payments/events/${eventId}/payments`, finance);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ mode: 'upi', amountMinor: milestones[0].amountMinor });
    expect(payments[0].code).toMatch(/\S/);
    const event = await t.deps.db.$client.execute({ sql: 'SELECT status FROM events WHERE id = ?', args: [eventId] });
    const stage = BOOKING_STATES.indexOf(event.rows[0]!.status as BookingState);
    expect(stage).toBeGreaterThanOrEqual(BOOKING_STATES.indexOf('deposit_paid'));
    const events = await t.deps.db.$client.execute(
      "SELECT type FROM event_log WHERE type IN ('milestones.planned', 'payment.recorded', 'milestones.edited')",
    );
    expect(events.rows.map((r) => r.type).sort()).toEqual([
      'milestones.edited',
      'milestones.planned',
      'payment.recorded',
    ]);
  });

  it('finance sees the event outstanding and the unpaid instalment overdue; the ledger balances', async () => {
    const finance = (await t.login('finance@mandap.demo')).auth;
    const { events } = await get('/api/payments/outstanding', finance);
    expect(events).toHaveLength(1);
    const { milestones } = await get('/api/payments/overdue', finance);
    expect(milestones).toHaveLength(1);
    const trial = await get('/api/payments/trial-balance', finance);
    expect(trial.isBalanced).toBe(true);
    expect(trial.totalDebitInrMinor).toBeGreaterThan(0);
  });

  it('seeding again changes nothing', async () => {
    const before = await countRows(t.deps, 'payments');
    expect(before).toBe(1);
    expect(await seedDemoPayments(t.deps)).toBe(false);
    expect(await countRows(t.deps, 'payments')).toBe(before);
    expect(await countRows(t.deps, 'milestones')).toBe(3);
  });
});
