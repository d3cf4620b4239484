import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client.ts';
import type { Deps } from '../../lib/context.ts';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { deliverDue } from './deliver.ts';
import { queueMessage } from './outbox.ts';
import { type Answer, type SeenRequest, startProviderStandIn } from './testing/provider-stand-in.ts';

type StandIn = Awaited<ReturnType<typeof startProviderStandIn>>;
let answer: (req: SeenRequest, n: number) => Answer = () => ({ status: 200, body: { messages: [{ id: 'wamid.x' }] } });
let standIn: StandIn;
let t: TestApp;
let bare: TestApp;
let seq = 0;

beforeAll(async () => {
  standIn = await startProviderStandIn((req, n) => answer(req, n));
  t = await startTestApp({
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_API_URL: `${standIn.url}/v21.0`,
    WHATSAPP_PHONE_NUMBER_ID: '1098765432',
    WHATSAPP_ACCESS_TOKEN: 'meta-test-token',
    WHATSAPP_MAX_PER_SECOND: '1000',
    OUTBOX_MAX_ATTEMPTS: '3',
  });
  bare = await startTestApp();
});
afterAll(async () => {
  await standIn.close();
  t.cleanup();
  bare.cleanup();
});
afterEach(() => {
  standIn.seen.length = 0;
  answer = (_r, n) => ({ status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.${n}` }] } });
});

const phone = () => `+9198${String(20_000_000 + ++seq).padStart(8, '0')}`;

async function queueReminder(deps: Deps, recipient: string, payload: Record<string, unknown> = {}) {
  return (await queueMessage(deps.db, {
    channel: 'whatsapp',
    template: 'milestone_due_today',
    recipient,
    payload: {
      eventName: 'Mehta Sangeet',
      milestone: 'Advance',
      outstanding: '₹5,000.00',
      dueDate: '2026-12-01',
      ...payload,
    },
    at: deps.now(),
    dedupeKey: `test:${recipient}:${Object.keys(payload).join()}`,
  }))!;
}

const row = async (deps: Deps, id: string) =>
  (await deps.db.$client.execute({ sql: 'SELECT * FROM notification_outbox WHERE id = ?', args: [id] })).rows[0]!;

describe('outbox delivery', () => {
  it('with no WhatsApp provider configured records the message as not sent, never as sent', async () => {
    const id = await queueReminder(bare.deps, phone());
    const r = await deliverDue(bare.deps, bare.clock.now(), { runner: 'a', onlyId: id });
    expect(r).toMatchObject({ claimed: 1, sent: 0, notSent: 1 });
    const stored = await row(bare.deps, id);
    expect(stored.status).toBe('not_sent');
    expect(stored.last_error).toBe('not sent: no WhatsApp provider configured');
    expect(stored.sent_at).toBeNull();
  });

  it('sends a template through the Cloud API in its documented shape and keeps the message id and cost', async () => {
    const to = phone();
    const id = await queueReminder(t.deps, to);
    await deliverDue(t.deps, t.clock.now(), { runner: 'a', onlyId: id });
    expect(standIn.seen).toHaveLength(1);
    const req = standIn.seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v21.0/1098765432/messages');
    expect(req.headers.authorization).toBe('Bearer meta-test-token');
    expect(req.headers['content-type']).toContain('application/json');
    expect(req.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: to.slice(1),
      type: 'template',
      template: {
        name: 'payment_reminder_due',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: ['Mehta Sangeet', 'Advance', '₹5,000.00', '2026-12-01'].map((text) => ({ type: 'text', text })),
          },
        ],
      },
    });
    const stored = await row(t.deps, id);
    expect(stored.status).toBe('sent');
    expect(stored.provider).toBe('meta');
    expect(stored.provider_message_id).toBe('wamid.1');
    expect(stored.provider_status).toBe('sent');
    expect(stored.category).toBe('utility');
    expect(Number(stored.cost_minor)).toBeGreaterThan(0);
  });

  it('retries a 5xx later with exponential backoff, and sends it then', async () => {
    let calls = 0;
    answer = () =>
      ++calls === 1
        ? { status: 503, body: { error: { message: 'Service unavailable', code: 2 } } }
        : { status: 200, body: { messages: [{ id: 'wamid.ok' }] } };
    const id = await queueReminder(t.deps, phone());
    const now = t.clock.now();
    expect(await deliverDue(t.deps, now, { runner: 'a', onlyId: id })).toMatchObject({ retried: 1 });
    let stored = await row(t.deps, id);
    expect(stored.status).toBe('failed');
    expect(stored.last_error).toContain('meta 503');
    expect(new Date(String(stored.next_attempt_at)).getTime() - now.getTime()).toBe(30_000);
    // Not due yet: nothing is sent again.
    expect((await deliverDue(t.deps, new Date(now.getTime() + 29_000), { runner: 'a', onlyId: id })).claimed).toBe(0);
    await deliverDue(t.deps, new Date(now.getTime() + 30_000), { runner: 'a', onlyId: id });
    stored = await row(t.deps, id);
    expect(stored.status).toBe('sent');
    expect(Number(stored.attempts)).toBe(2);
    expect(standIn.seen).toHaveLength(2);
  });

  it('honours a 429 with Retry-After without spending an attempt, and holds the provider for the rest of the run', async () => {
    answer = () => ({
      status: 429,
      body: { error: { message: 'Too many', code: 130429 } },
      headers: { 'retry-after': '120' },
    });
    const a = await queueReminder(t.deps, phone());
    const b = await queueReminder(t.deps, phone());
    const now = t.clock.now();
    const r = await deliverDue(t.deps, now, { runner: 'a', concurrency: 1 });
    expect(r.retried).toBeGreaterThanOrEqual(2);
    expect(standIn.seen).toHaveLength(1);
    for (const id of [a, b]) {
      const stored = await row(t.deps, id);
      expect(stored.status).toBe('failed');
      expect(Number(stored.attempts)).toBe(0);
      expect(new Date(String(stored.next_attempt_at)).getTime() - now.getTime()).toBeGreaterThanOrEqual(100_000);
    }
    answer = () => ({ status: 200, body: { messages: [{ id: 'wamid.later' }] } });
    await deliverDue(t.deps, new Date(now.getTime() + 121_000), { runner: 'a' });
    expect((await row(t.deps, a)).status).toBe('sent');
    expect((await row(t.deps, b)).status).toBe('sent');
  });

  it('dead-letters after the last attempt with its error; a 4xx is final at once', async () => {
    answer = () => ({ status: 500, body: { error: { message: 'Internal error', code: 1 } } });
    const id = await queueReminder(t.deps, phone());
    let now = t.clock.now().getTime();
    for (let i = 0; i < 3; i++) {
      await deliverDue(t.deps, new Date(now), { runner: 'a', onlyId: id });
      now += 3_600_000;
    }
    const stored = await row(t.deps, id);
    expect(stored.status).toBe('dead');
    expect(stored.last_error).toMatch(/meta 500: Internal error .*gave up after 3 attempts/);

    answer = () => ({ status: 400, body: { error: { message: 'Template name does not exist', code: 132001 } } });
    const bad = await queueReminder(t.deps, phone());
    await deliverDue(t.deps, t.clock.now(), { runner: 'a', onlyId: bad });
    expect(await row(t.deps, bad)).toMatchObject({
      status: 'not_sent',
      last_error: 'not sent: meta 400: Template name does not exist (code 132001)',
    });
  });

  it('refuses a template with a missing variable before sending, naming it', async () => {
    const id = await queueReminder(t.deps, phone(), { outstanding: '' });
    await deliverDue(t.deps, t.clock.now(), { runner: 'a', onlyId: id });
    expect(standIn.seen).toHaveLength(0);
    expect(await row(t.deps, id)).toMatchObject({
      status: 'not_sent',
      last_error: 'not sent: Template milestone_due_today is missing {{outstanding}}',
    });
  });

  it('queues a message once per dedupe key', async () => {
    const to = phone();
    expect(await queueReminder(t.deps, to)).toBeTruthy();
    expect(await queueReminder(t.deps, to)).toBeNull();
  });

  it('two runners racing over the same outbox deliver each message exactly once', async () => {
    await deliverDue(t.deps, t.clock.now(), { runner: 'drain' });
    standIn.seen.length = 0;
    answer = (_r, n) => ({ status: 200, body: { messages: [{ id: `wamid.race.${n}` }] } });
    const recipients = Array.from({ length: 300 }, phone);
    for (const r of recipients) await queueReminder(t.deps, r);
    const other = await createDb(t.deps.env.DATABASE_URL);
    const second: Deps = { ...t.deps, db: other };
    const now = t.clock.now();
    const [a, b] = await Promise.all([
      deliverDue(t.deps, now, { runner: 'runner-a', batch: 25 }),
      deliverDue(second, now, { runner: 'runner-b', batch: 25 }),
    ]);
    other.$client.close();
    expect(a.sent + b.sent).toBe(300);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const sentTo = standIn.seen.map((s) => `+${String(s.body.to)}`).sort();
    expect(sentTo).toEqual([...recipients].sort());
    const left = await t.deps.db.$client.execute(
      "SELECT count(*) AS n FROM notification_outbox WHERE status != 'sent' AND recipient LIKE '+9198%' AND template = 'milestone_due_today' AND status IN ('pending','sending','failed')",
    );
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
