import { newId } from '@mandap/shared/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads } from '../../db/schema/index.ts';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { eventWithAcceptedQuote, postPayment } from './payments-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
let manager: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
  manager = (await t.login('manager@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

async function leadInNegotiation() {
  const id = newId();
  const at = t.clock.now().toISOString();
  await t.deps.db.insert(leads).values({
    id,
    code: `LD-T-${id.slice(-8)}`,
    name: 'Mehta–Kapoor wedding',
    source: 'referral',
    stage: 'negotiation',
    eventType: 'wedding',
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

const one = async (sql: string, args: string[]) => (await t.deps.db.$client.execute({ sql, args })).rows[0]!;
const move = (eventId: string, to: string) =>
  t.json('POST', `/api/payments/events/${eventId}/booking`, { to }, manager);
const pay = (eventId: string, amountMinor: number) =>
  postPayment(t, finance, {
    eventId,
    mode: 'neft',
    reference: 'UTR-1',
    receivedOn: '2026-05-02',
    amountMinor,
    currency: 'INR',
  });

describe('booking lifecycle through the route', () => {
  it('confirms on the first advance (lead Won), then refuses Completed until every milestone is settled', async () => {
    const leadId = await leadInNegotiation();
    const e = await eventWithAcceptedQuote(t, { totalMinor: 1_000_00, leadId });
    const plan = await t.json('POST', '/api/payments/milestone-plans', { eventId: e.eventId }, finance);
    expect(plan.status).toBe(201);

    const early = await move(e.eventId, 'deposit_paid');
    expect(early.status).toBe(422);
    expect((await early.json()).error.message).toMatch(/needs an advance in the ledger/);
    expect((await one('SELECT stage FROM leads WHERE id = ?', [leadId])).stage).toBe('negotiation');

    expect((await pay(e.eventId, 300_00)).status).toBe(201);
    expect((await one('SELECT status FROM events WHERE id = ?', [e.eventId])).status).toBe('deposit_paid');
    expect((await one('SELECT stage FROM leads WHERE id = ?', [leadId])).stage).toBe('won');
    const effects = await t.deps.db.$client.execute({
      sql: 'SELECT type FROM event_log WHERE aggregate_id IN (?, ?) ORDER BY rowid',
      args: [e.eventId, leadId],
    });
    expect(effects.rows.map((r) => r.type)).toEqual(
      expect.arrayContaining(['booking.confirmed', 'event.confirmed', 'event.status_changed', 'lead.stage_changed']),
    );

    const back = await move(e.eventId, 'proposal_sent');
    expect(back.status).toBe(422);
    expect((await back.json()).error.message).toMatch(/cannot move from Deposit paid/);
    expect((await move(e.eventId, 'active_preparation')).status).toBe(200);
    expect((await move(e.eventId, 'event_day')).status).toBe(200);

    const done = await move(e.eventId, 'completed');
    expect(done.status).toBe(422);
    expect((await done.json()).error.message).toMatch(/every milestone paid or waived: 2 still open/);
    expect((await one('SELECT status FROM events WHERE id = ?', [e.eventId])).status).toBe('event_day');

    // The payment that settles the last milestone of an event on its day completes it on its
    // own (cause recorded); a person's move to Completed is then a move from Completed, refused.
    expect((await pay(e.eventId, 700_00)).status).toBe(201);
    expect((await one('SELECT status FROM events WHERE id = ?', [e.eventId])).status).toBe('completed');
    const log = await one(
      "SELECT payload FROM event_log WHERE aggregate_id = ? AND type = 'event.status_changed' ORDER BY seq DESC LIMIT 1",
      [e.eventId],
    );
    expect(JSON.parse(String(log.payload))).toMatchObject({
      from: 'event_day',
      to: 'completed',
      cause: 'event_completed',
    });
    expect((await move(e.eventId, 'completed')).status).toBe(422);
  });

  it('is refused to finance (no events:write) and answers 404 for an unknown event', async () => {
    const e = await eventWithAcceptedQuote(t);
    const r = await t.json('POST', `/api/payments/events/${e.eventId}/booking`, { to: 'cancelled' }, finance);
    expect(r.status).toBe(403);
    expect((await move(newId(), 'cancelled')).status).toBe(404);
    expect((await move(e.eventId, 'cancelled')).status).toBe(200);
  });
});

describe('money on a cancelled booking', () => {
  const held = async (eventId: string) => {
    const r = await t.json('GET', '/api/payments/cancelled-bookings', undefined, finance);
    expect(r.status).toBe(200);
    return ((await r.json()).bookings as { eventId: string; heldMinor: number; payments: number }[]).find(
      (b) => b.eventId === eventId,
    );
  };

  it('is listed for finance until it is refunded, then leaves the list', async () => {
    const e = await eventWithAcceptedQuote(t, { totalMinor: 1_000_00 });
    expect((await t.json('POST', '/api/payments/milestone-plans', { eventId: e.eventId }, finance)).status).toBe(201);
    const paid = await pay(e.eventId, 300_00);
    expect(paid.status).toBe(201);
    // A live booking holding money is not on the list.
    expect(await held(e.eventId)).toBeUndefined();

    expect((await move(e.eventId, 'cancelled')).status).toBe(200);
    expect(await held(e.eventId)).toMatchObject({ heldMinor: 300_00, payments: 1 });

    const refund = (amountMinor: number) =>
      t.json(
        'POST',
        `/api/payments/${paid.body.payment.id}/refunds`,
        { kind: 'refund', amountMinor, reason: 'booking cancelled by the family' },
        { ...finance, 'idempotency-key': newId() },
      );
    expect((await refund(100_00)).status).toBe(201);
    expect(await held(e.eventId)).toMatchObject({ heldMinor: 200_00, payments: 1 });
    expect((await refund(200_00)).status).toBe(201);
    expect(await held(e.eventId)).toBeUndefined();
  });

  it('is finance’s list: sales may not read it', async () => {
    const sales = (await t.login('sales@mandap.demo')).auth;
    expect((await t.json('GET', '/api/payments/cancelled-bookings', undefined, sales)).status).toBe(403);
  });
});
