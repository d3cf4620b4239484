import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { metaSignature } from '../intake/meta-signature.ts';
import { startProviderStandIn } from './testing/provider-stand-in.ts';

const SECRET = 'interakt-webhook-secret-for-tests';
let standIn: Awaited<ReturnType<typeof startProviderStandIn>>;
let t: TestApp;
let sales: Record<string, string>;
const PHONE = '+919820066601';

beforeAll(async () => {
  // Interakt's send API answers { result, message, id }: the id its status webhooks name.
  standIn = await startProviderStandIn((_req, n) => ({
    status: 201,
    body: { result: true, message: 'Message created successfully', id: `ik-msg-${n}` },
  }));
  t = await startTestApp({
    WHATSAPP_PROVIDER: 'interakt',
    INTERAKT_API_URL: standIn.url,
    INTERAKT_API_KEY: 'aW50ZXJha3Qta2V5',
    INTERAKT_WEBHOOK_SECRET: SECRET,
  });
  sales = (await t.login('sales@mandap.demo')).auth;
  const lead = await t.json('POST', '/api/leads', { name: 'Rhea Menon', phone: PHONE, eventType: 'wedding' }, sales);
  expect(lead.status).toBe(201);
});
afterAll(async () => {
  await standIn.close();
  t.cleanup();
});

const received = (id: string, text: string) =>
  JSON.stringify({
    version: '1.0',
    timestamp: '2026-11-30T08:00:00.000000',
    type: 'message_received',
    data: {
      customer: {
        id: 'cust-1',
        channel_phone_number: '919820066601',
        phone_number: '9820066601',
        country_code: '+91',
        traits: { name: 'Rhea' },
      },
      message: {
        id,
        chat_message_type: 'CustomerMessage',
        message_content_type: 'Text',
        message: text,
        received_at_utc: new Date(t.clock.now().getTime() - 60_000).toISOString().replace('Z', ''),
        is_template_message: false,
      },
    },
  });
const status = (type: string, id: string, failure?: { code: string; reason: string }) =>
  JSON.stringify({
    version: '1.0',
    timestamp: t.clock.now().toISOString().replace('Z', ''),
    type,
    data: {
      customer: { phone_number: '9820066601', country_code: '+91' },
      message: {
        id,
        message_status: type.replace('message_api_', ''),
        ...(failure ? { channel_error_code: failure.code, channel_failure_reason: failure.reason } : {}),
      },
    },
  });

async function post(body: string, signature?: string) {
  return t.app.request('/api/webhooks/whatsapp/interakt', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'interakt-signature': signature ?? (await metaSignature(SECRET, body)),
    },
    body,
  });
}
const count = async (sql: string) => Number((await t.deps.db.$client.execute(sql)).rows[0]!.n);

describe('the Interakt webhook', () => {
  it('refuses a bad or missing signature with 401 and records nothing', async () => {
    const body = received('ik-in-forged', 'hello');
    const before = await count("SELECT count(*) AS n FROM webhook_inbox WHERE provider = 'interakt'");
    expect((await post(body, 'sha256=00')).status).toBe(401);
    expect((await post(body, await metaSignature('another-secret-entirely', body))).status).toBe(401);
    const none = await t.app.request('/api/webhooks/whatsapp/interakt', { method: 'POST', body });
    expect(none.status).toBe(401);
    expect(await count('SELECT count(*) AS n FROM whatsapp_inbound')).toBe(0);
    expect(await count("SELECT count(*) AS n FROM webhook_inbox WHERE provider = 'interakt'")).toBe(before);
  });

  it('records an incoming message once, linked to the lead by phone; a retry adds nothing', async () => {
    const body = received('ik-in-1', 'Is 14 Feb free for a sangeet?');
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ messages: 1, statuses: 0 });
    expect(await (await post(body)).json()).toMatchObject({ messages: 0 });
    // The bare hex form of the signature (no "sha256=") is accepted too.
    const hexOnly = (await metaSignature(SECRET, body)).slice('sha256='.length);
    expect((await post(body, hexOnly)).status).toBe(200);
    expect(
      await count("SELECT count(*) AS n FROM whatsapp_inbound WHERE provider_message_id = 'interakt:ik-in-1'"),
    ).toBe(1);
    const thread = await (
      await t.json('GET', `/api/inbox/conversations/${encodeURIComponent(PHONE)}`, undefined, sales)
    ).json();
    expect(thread.contact).toMatchObject({ phone: PHONE, unread: 1, windowOpen: true });
    expect(thread.contact.leadId).toBeTruthy();
    expect(thread.messages.map((m: { text: string }) => m.text)).toContain('Is 14 Feb free for a sangeet?');
  });

  it('a reply goes out through Interakt; its statuses, out of order, end at the furthest, or failed with the reason', async () => {
    const reply = await t.json(
      'POST',
      `/api/inbox/conversations/${encodeURIComponent(PHONE)}/reply`,
      { text: 'Yes, 14 Feb is open.' },
      sales,
    );
    expect(reply.status).toBe(201);
    const { id } = (await reply.json()) as { id: string };
    const sent = standIn.seen.at(-1)!;
    expect(sent.path).toBe('/v1/public/message/');
    expect(sent.body).toMatchObject({ countryCode: '+91', phoneNumber: '9820066601', type: 'Text' });
    const row = async () =>
      (
        await t.deps.db.$client.execute({
          sql: 'SELECT provider_message_id, provider_status, last_error FROM notification_outbox WHERE id = ?',
          args: [id],
        })
      ).rows[0]!;
    const providerId = String((await row()).provider_message_id);
    expect(providerId).toMatch(/^ik-msg-\d+$/);

    expect(await (await post(status('message_api_read', providerId))).json()).toMatchObject({ statuses: 1 });
    await post(status('message_api_delivered', providerId)); // late: read stays
    await post(status('message_api_sent', providerId));
    expect((await row()).provider_status).toBe('read');
    await post(status('message_api_failed', providerId, { code: '131047', reason: 'Re-engagement message' }));
    expect(await row()).toMatchObject({
      provider_status: 'failed',
      last_error: 'WhatsApp failed: Re-engagement message (code 131047)',
    });
    // Interakt echoes our callbackData (the outbox id): that finds the row even under another message id.
    expect(sent.body.callbackData).toBe(id);
    const echoed = JSON.parse(status('message_api_read', 'ik-other-id'));
    echoed.data.message.meta_data = { source: 'API', source_data: { callback_data: id } };
    expect(await (await post(JSON.stringify(echoed))).json()).toMatchObject({ statuses: 1 });
    expect((await row()).provider_status).toBe('failed'); // failed stays failed
    // A status for a message we never sent changes nothing, and the call still succeeds.
    expect(await (await post(status('message_api_read', 'ik-unknown'))).json()).toMatchObject({ statuses: 0 });
    // A body that is not JSON, correctly signed, is a 400 naming the problem.
    const bad = await post('{not json');
    expect(bad.status).toBe(400);
  });
});
