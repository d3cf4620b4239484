import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_CONNECTION, type TestApp } from '../../test-support.ts';
import { metaSignature } from '../intake/meta-signature.ts';
import { type SseMessage, sseReader } from '../live/sse-client.ts';
import { startProviderStandIn } from './testing/provider-stand-in.ts';

const SECRET = 'whatsapp-app-secret-for-live-tests';
let standIn: Awaited<ReturnType<typeof startProviderStandIn>>;
let t: TestApp;
let sales: Record<string, string>;
const PHONE = '+919820055577';

beforeAll(async () => {
  standIn = await startProviderStandIn();
  t = await startTestApp({
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_API_URL: `${standIn.url}/v21.0`,
    WHATSAPP_PHONE_NUMBER_ID: '1098765432',
    WHATSAPP_ACCESS_TOKEN: 'meta-test-token',
    WHATSAPP_APP_SECRET: SECRET,
  });
  sales = (await t.login('sales@mandap.demo')).auth;
});
afterAll(async () => {
  await standIn.close();
  t.cleanup();
});

const webhook = async (value: Record<string, unknown>) => {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', ...value } }] }],
  });
  const res = await t.app.request('/api/webhooks/whatsapp', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': await metaSignature(SECRET, body) },
    body,
  });
  expect(res.status).toBe(200);
};
const inbound = (id: string, text: string) =>
  webhook({
    contacts: [{ profile: { name: 'Tara' }, wa_id: PHONE.slice(1) }],
    messages: [
      {
        from: PHONE.slice(1),
        id,
        timestamp: String(Math.floor(t.clock.now().getTime() / 1000)),
        type: 'text',
        text: { body: text },
      },
    ],
  });

const open = (headers: Record<string, string> = sales, query = '') =>
  t.app.request(`/api/inbox/stream${query}`, { headers }, TEST_CONNECTION);

/** Updates until one matches, or null after `ms`. */
async function until(reader: ReturnType<typeof sseReader>, match: (d: Record<string, unknown>) => boolean, ms = 3000) {
  const deadline = Date.now() + ms;
  for (let m = await reader.next(ms); m; m = await reader.next(Math.max(1, deadline - Date.now()))) {
    if (m.event === 'update' && match(JSON.parse(m.data))) return m;
    if (Date.now() > deadline) break;
  }
  return null;
}
const data = (m: SseMessage | null) => (m ? JSON.parse(m.data) : null);

describe('the inbox over server-sent events', () => {
  it('refuses without a session, and a role without the inbox', async () => {
    expect((await open({})).status).toBe(401);
    const client = (await t.login('client@mandap.demo')).auth;
    expect((await open(client)).status).toBe(403);
    const bad = await open({ ...sales, 'last-event-id': 'abc' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('Last-Event-ID');
  });

  it('an inbound message, a reply, its status and an assignment arrive live; a reconnect replays exactly what was missed', async () => {
    const res = await open();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const live = sseReader(res);
    expect((await live.next(3000))?.event).toBe('ready');

    const started = Date.now();
    await inbound('wamid.live.1', 'Do you do mehendi decor?');
    const message = await until(live, (d) => d.kind === 'message');
    expect(data(message)).toMatchObject({ kind: 'message', phones: [PHONE] });
    expect(Date.now() - started).toBeLessThan(2000);

    const reply = await t.json(
      'POST',
      `/api/inbox/conversations/${encodeURIComponent(PHONE)}/reply`,
      { text: 'Yes, we do.' },
      sales,
    );
    expect(reply.status).toBe(201);
    const sent = (await reply.json()) as { id: string; status: string };
    expect(sent.status).toBe('sent');
    expect(data(await until(live, (d) => d.kind === 'conversation'))).toMatchObject({ phones: [PHONE] });
    // The send itself (the outbox row went out) is a status change for that conversation.
    expect(data(await until(live, (d) => d.kind === 'status'))).toMatchObject({ phones: [PHONE] });

    const [row] = (
      await t.deps.db.$client.execute({
        sql: 'SELECT provider_message_id FROM notification_outbox WHERE id = ?',
        args: [sent.id],
      })
    ).rows;
    await webhook({
      statuses: [
        {
          id: String(row!.provider_message_id),
          status: 'read',
          timestamp: String(Math.floor(t.clock.now().getTime() / 1000)),
          recipient_id: PHONE.slice(1),
        },
      ],
    });
    const read = await until(live, (d) => d.kind === 'status');
    expect(data(read)).toMatchObject({ phones: [PHONE] });
    await live.close();

    // Missed while away: an assignment and a second message. The browser resumes with Last-Event-ID.
    const me = await (await t.json('GET', '/api/auth/me', undefined, sales)).json();
    await t.json(
      'POST',
      `/api/inbox/conversations/${encodeURIComponent(PHONE)}/assign`,
      { assigneeId: me.user?.id ?? me.id },
      sales,
    );
    await inbound('wamid.live.2', 'And the haldi?');
    await inbound('wamid.live.2', 'And the haldi?'); // a provider's retry adds nothing
    const again = sseReader(await open({ ...sales, 'last-event-id': read!.id! }));
    expect((await again.next(3000))?.event).toBe('ready');
    const replayed = (await again.updates(800)).map((m) => data(m).kind);
    expect(replayed).toEqual(['conversation', 'message']);
    await again.close();
  });
});
