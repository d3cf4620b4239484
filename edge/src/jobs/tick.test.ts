import { addDays, indiaDate as istDate } from '@mandap/shared/time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedEvent, postPayment } from '../features/payments/payments-test-kit.ts';
import { startTestApp, type TestApp } from '../test-support.ts';
import { tick } from './tick.ts';

let t: TestApp;
let finance: Record<string, string>;
beforeAll(async () => {
  // An SMTP server that refuses connections: the tick's delivery step fails each reminder
  // retryably, so it stays queued ('failed', due again later) and a payment can still cancel it.
  t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

const reminders = async (eventCode: string) =>
  (
    await t.deps.db.$client.execute({
      sql: "SELECT template, status FROM notification_outbox WHERE template LIKE 'milestone_%' AND payload LIKE ? ORDER BY template",
      args: [`%${eventCode}%`],
    })
  ).rows.map((r) => `${r.template}:${r.status}`);

describe('job tick', () => {
  it('queues reminders for milestones due today and in 3 days once, cancels them when paid, marks overdue', async () => {
    const today = istDate(t.clock.now());
    const e = await plannedEvent(t, finance, { totalMinor: 1000, startDate: addDays(today, 33) });
    const code = String(
      (await t.deps.db.$client.execute({ sql: 'SELECT code FROM events WHERE id = ?', args: [e.eventId] })).rows[0]!
        .code,
    );
    const first = await tick(t.deps, t.clock.now());
    expect(first.remindersQueued).toBeGreaterThanOrEqual(2);
    expect(await reminders(code)).toEqual(['milestone_due_in_3_days:failed', 'milestone_due_today:failed']);
    const again = await tick(t.deps, t.clock.now());
    expect(again.remindersQueued).toBe(0);
    expect(await reminders(code)).toHaveLength(2);

    const paid = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'cash',
      receivedOn: today,
      amountMinor: 300,
      currency: 'INR',
    });
    expect(paid.status).toBe(201);
    expect(await reminders(code)).toEqual(['milestone_due_in_3_days:failed', 'milestone_due_today:cancelled']);

    const later = new Date(t.clock.now().getTime() + 5 * 86_400_000);
    const r = await tick(t.deps, later);
    expect(r.overdueMarked).toBeGreaterThanOrEqual(1);
    const ms = await (await t.json('GET', `/api/payments/events/${e.eventId}/milestones`, undefined, finance)).json();
    expect(ms.milestones.map((m: { status: string }) => m.status)).toEqual(['paid', 'overdue', 'pending']);
    expect((await tick(t.deps, later)).overdueMarked).toBe(0);
  });
});
