import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tick } from '../../jobs/tick.ts';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { metaSignature } from '../intake/meta-signature.ts';
import { startProviderStandIn } from './testing/provider-stand-in.ts';

const SECRET = 'whatsapp-app-secret-for-tests';
type StandIn = Awaited<ReturnType<typeof startProviderStandIn>>;
let standIn: StandIn;
let t: TestApp;
let sales: Record<string, string>;
let finance: Record<string, string>;
let client: Record<string, string>;
const PHONE = '+919820055501';
const enc = encodeURIComponent(PHONE);

beforeAll(async () => {
  standIn = await startProviderStandIn();
  t = await startTestApp({
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_API_URL: `${standIn.url}/v21.0`,
    WHATSAPP_PHONE_NUMBER_ID: '1098765432',
    WHATSAPP_ACCESS_TOKEN: 'meta-test-token',
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_VERIFY_TOKEN: 'verify-token-123',
  });
  sales = (await t.login('sales@mandap.demo')).auth;
  finance = (await t.login('finance@mandap.demo')).auth;
  client = (await t.login('client@mandap.demo')).auth;
  await tick(t.deps, t.clock.now());
  const lead = await t.json('POST', '/api/leads', { name: 'Meera Joshi', phone: PHONE, eventType: 'wedding' }, sales);
  expect(lead.status).toBe(201);
});
afterAll(async () => {
  await standIn.close();
  t.cleanup();
});

const messageBody = (id: string, text: string, at = t.clock.now()) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '912212345678', phone_number_id: '1098765432' },
              contacts: [{ profile: { name: 'Meera' }, wa_id: PHONE.slice(1) }],
              messages: [
                {
                  from: PHONE.slice(1),
                  id,
                  timestamp: String(Math.floor(at.getTime() / 1000)),
                  type: 'text',
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
const statusBody = (id: string, status: string, errors?: unknown[]) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              statuses: [
                {
                  id,
                  status,
                  timestamp: String(Math.floor(t.clock.now().getTime() / 1000)),
                  recipient_id: PHONE.slice(1),
                  ...(errors ? { errors } : {}),
                },
              ],
            },
          },
        ],
      },
    ],
  });

async function post(body: string, signature?: string) {
  return t.app.request('/api/webhooks/whatsapp', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signature ?? (await metaSignature(SECRET, body)),
    },
    body,
  });
}
const thread = async () => (await t.json('GET', `/api/inbox/conversations/${enc}`, undefined, sales)).json();
const count = async (sql: string) => Number((await t.deps.db.$client.execute(sql)).rows[0]!.n);

describe('WhatsApp webhook and the team inbox', () => {
  it('answers the subscription check only with the right verify token', async () => {
    const ok = await t.app.request(
      '/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-token-123&hub.challenge=42',
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('42');
    expect(
      (await t.app.request('/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42')).status,
    ).toBe(403);
  });

  it('refuses a bad signature with 401 and records nothing', async () => {
    const body = messageBody('wamid.in.forged', 'hello');
    const before = await count("SELECT count(*) AS n FROM webhook_inbox WHERE provider = 'whatsapp'");
    expect((await post(body, await metaSignature('another-secret', body))).status).toBe(401);
    expect((await post(body.replace('hello', 'hellO'), await metaSignature(SECRET, body))).status).toBe(401);
    expect(await count("SELECT count(*) AS n FROM webhook_inbox WHERE provider = 'whatsapp'")).toBe(before);
    expect(await count('SELECT count(*) AS n FROM whatsapp_inbound')).toBe(0);
  });

  it('records an inbound message once, links it to the lead by phone, and counts it unread', async () => {
    const body = messageBody('wamid.in.1', 'Hi, is 14 Feb available?');
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200); // Meta redelivers
    const list = await (await t.json('GET', '/api/inbox/conversations', undefined, sales)).json();
    const conv = list.conversations.find((c: { phone: string }) => c.phone === PHONE);
    expect(conv).toMatchObject({ unread: 1, windowOpen: true, name: 'Meera' });
    expect(conv.leadCode).toMatch(/^LD-/);
    const th = await thread();
    expect(th.messages.filter((m: { direction: string }) => m.direction === 'in')).toHaveLength(1);
  });

  it('sends a free-text reply inside the window and keeps the furthest status, or failed with its error', async () => {
    const res = await t.json('POST', `/api/inbox/conversations/${enc}/reply`, { text: 'Yes, 14 Feb is open.' }, sales);
    expect(res.status).toBe(201);
    const sent = await res.json();
    expect(sent.status).toBe('sent');
    const req = standIn.seen.at(-1)!;
    expect(req.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: PHONE.slice(1),
      type: 'text',
      text: { preview_url: false, body: 'Yes, 14 Feb is open.' },
    });
    const [row] = (
      await t.deps.db.$client.execute({
        sql: 'SELECT provider_message_id FROM notification_outbox WHERE id = ?',
        args: [sent.id],
      })
    ).rows;
    const wamid = String(row!.provider_message_id);
    await post(statusBody(wamid, 'read'));
    await post(statusBody(wamid, 'delivered')); // late
    let mine = (await thread()).messages.find((m: { id: string }) => m.id === sent.id);
    expect(mine.status).toBe('read');
    await post(statusBody(wamid, 'failed', [{ code: 131026, title: 'Message undeliverable' }]));
    mine = (await thread()).messages.find((m: { id: string }) => m.id === sent.id);
    expect(mine.status).toBe('failed');
    expect(mine.error).toBe('WhatsApp failed: Message undeliverable (code 131026)');
  });

  it('outside the 24-hour window refuses free text with the reason; a template goes, a missing variable is named', async () => {
    t.clock.advance(25 * 3_600_000);
    const th = await thread();
    expect(th.contact.windowOpen).toBe(false);
    expect(th.contact.windowReason).toMatch(/24 hours/);
    const refused = await t.json('POST', `/api/inbox/conversations/${enc}/reply`, { text: 'Following up' }, sales);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/only an approved template/);
    const missing = await t.json(
      'POST',
      `/api/inbox/conversations/${enc}/reply`,
      { template: 'quote_shared', variables: { quoteCode: 'QT/2026-27/0001' } },
      sales,
    );
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.fields).toEqual({ 'variables.link': 'required by the template' });
    const ok = await t.json(
      'POST',
      `/api/inbox/conversations/${enc}/reply`,
      { template: 'quote_shared', variables: { quoteCode: 'QT/2026-27/0001', link: 'https://x.test/q' } },
      sales,
    );
    expect(ok.status).toBe(201);
    expect((standIn.seen.at(-1)!.body.template as { name: string }).name).toBe('quote_shared');
  });

  it('STOP opts the contact out (source and time kept): non-essential messages are refused, essential ones still go; START opts back in', async () => {
    await post(messageBody('wamid.in.stop', 'STOP'));
    let th = await thread();
    expect(th.contact.consent).toBe('opted_out');
    expect(th.contact.consentSource).toBe('WhatsApp keyword STOP');
    const refused = await t.json(
      'POST',
      `/api/inbox/conversations/${enc}/reply`,
      { template: 'event_reminder_2h', variables: { eventName: 'Haldi', venue: 'Sea Lawn' } },
      sales,
    );
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/opted out/);
    const essential = await t.json(
      'POST',
      `/api/inbox/conversations/${enc}/reply`,
      { template: 'payment_received', variables: { amount: '₹10.00', receiptLink: 'https://x.test/r' } },
      sales,
    );
    expect(essential.status).toBe(201);
    await post(messageBody('wamid.in.start', 'start'));
    th = await thread();
    expect(th.contact.consent).toBe('opted_in');
    expect(await count(`SELECT count(*) AS n FROM consent_log WHERE phone = '${PHONE}'`)).toBe(2);
  });

  it('assigns the conversation to an agent and clears unread', async () => {
    const [u] = (await t.deps.db.$client.execute("SELECT id FROM users WHERE email = 'sales@mandap.demo'")).rows;
    expect(
      (await t.json('POST', `/api/inbox/conversations/${enc}/assign`, { assigneeId: String(u!.id) }, sales)).status,
    ).toBe(200);
    expect((await t.json('POST', `/api/inbox/conversations/${enc}/read`, undefined, sales)).status).toBe(200);
    const mine = await (await t.json('GET', '/api/inbox/conversations?filter=mine', undefined, sales)).json();
    expect(mine.conversations.map((c: { phone: string; unread: number }) => [c.phone, c.unread])).toEqual([[PHONE, 0]]);
    expect((await t.json('GET', '/api/inbox/conversations', undefined, client)).status).toBe(403);
  });

  it('a broadcast shows reach and expected cost first, leaves out contacts without opt-in for marketing, and reports progress', async () => {
    expect(
      (await t.json('PUT', '/api/notifications/prices', { utility: 15, marketing: 100, authentication: 15 }, finance))
        .status,
    ).toBe(200);
    const segment = { eventTypes: ['wedding'], excludeStages: ['lost'] };
    const preview = await (
      await t.json(
        'POST',
        '/api/notifications/broadcasts/preview',
        { template: 'broadcast_offer', segment, variables: { offer: 'Dates left in Feb.' } },
        sales,
      )
    ).json();
    expect(preview.matched).toBeGreaterThan(preview.recipients);
    expect(preview.recipients).toBe(1); // only Meera opted in
    expect(preview.expectedCostMinor).toBe(100);
    const created = await t.json(
      'POST',
      '/api/notifications/broadcasts',
      { name: 'Feb dates', template: 'broadcast_offer', segment, variables: { offer: 'Dates left in Feb.' } },
      sales,
    );
    expect(created.status).toBe(201);
    const b = await created.json();
    expect(b).toMatchObject({ recipients: 1, expectedCostMinor: 100, waiting: 1 });
    await tick(t.deps, t.clock.now());
    const progress = await (await t.json('GET', `/api/notifications/broadcasts/${b.id}`, undefined, sales)).json();
    expect(progress).toMatchObject({ sent: 1, waiting: 0, costMinor: 100 });
    const log = await (await t.json('GET', `/api/notifications/log?broadcastId=${b.id}`, undefined, finance)).json();
    expect(log.messages).toHaveLength(1);
    expect(log.messages[0]).toMatchObject({ recipient: PHONE, channel: 'whatsapp', status: 'sent', costMinor: 100 });
  });

  it("the preview checks the broadcast's shared request (blank template, an overlong variable) and prices their shared bounds, naming the field", async () => {
    const preview = await t.json(
      'POST',
      '/api/notifications/broadcasts/preview',
      { template: '', segment: {}, variables: { offer: 'x'.repeat(1001) } },
      sales,
    );
    expect(preview.status).toBe(400);
    expect(Object.keys((await preview.json()).error.fields).sort()).toEqual(['template', 'variables.offer']);
    const price = await t.json(
      'PUT',
      '/api/notifications/prices',
      { utility: 15, marketing: 10_000_01, authentication: 15 },
      finance,
    );
    expect(price.status).toBe(400);
    expect((await price.json()).error.fields).toEqual({ marketing: 'at most ₹10,000 a message' });
  });
});
