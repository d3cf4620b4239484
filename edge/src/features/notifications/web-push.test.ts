import { createECDH, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { deliverDue } from './deliver.ts';
import { queueMessage } from './outbox.ts';
import { startProviderStandIn } from './testing/provider-stand-in.ts';

type StandIn = Awaited<ReturnType<typeof startProviderStandIn>>;
let pushService: StandIn;
let t: TestApp;
const vapid = webpush.generateVAPIDKeys();

beforeAll(async () => {
  pushService = await startProviderStandIn((req) => ({ status: req.path.endsWith('/gone') ? 410 : 201, body: {} }));
  t = await startTestApp({
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:ops@gulmohar.test',
  });
});
afterAll(async () => {
  await pushService.close();
  t.cleanup();
});

/** A browser's subscription keys: a P-256 public key and a 16-byte auth secret. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

describe('web push for staff', () => {
  it('sends an encrypted, VAPID-signed push for an in-app message, and forgets a subscription that is gone', async () => {
    const ops = await t.login('ops@mandap.demo');
    expect(await (await t.json('GET', '/api/notifications/push/key', undefined, ops.auth)).json()).toEqual({
      publicKey: vapid.publicKey,
    });
    for (const path of ['/push/abc', '/push/gone'])
      expect(
        (
          await t.json(
            'POST',
            '/api/notifications/push/subscriptions',
            { endpoint: `${pushService.url}${path}`, keys: browserKeys() },
            ops.auth,
          )
        ).status,
      ).toBe(201);
    const id = (await queueMessage(t.deps.db, {
      channel: 'in_app',
      template: 'task_assigned',
      recipient: ops.userId,
      payload: { title: 'Confirm the dhol players', link: '/my-tasks' },
      at: t.clock.now(),
      dedupeKey: null,
    }))!;
    await deliverDue(t.deps, t.clock.now(), { runner: 'push', onlyId: id });
    expect(pushService.seen.map((r) => r.path).sort()).toEqual(['/push/abc', '/push/gone']);
    const req = pushService.seen.find((r) => r.path === '/push/abc')!;
    expect(req.method).toBe('POST');
    expect(req.headers['content-encoding']).toBe('aes128gcm');
    expect(req.headers.ttl).toBe('3600');
    expect(req.headers.authorization).toMatch(
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`),
    );
    const subs = await t.deps.db.$client.execute('SELECT endpoint FROM push_subscriptions');
    expect(subs.rows.map((r) => String(r.endpoint))).toEqual([`${pushService.url}/push/abc`]);
    const bell = await (await t.json('GET', '/api/notifications/mine', undefined, ops.auth)).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({
      text: 'A task was assigned to you: Confirm the dhol players',
      link: '/my-tasks',
      read: false,
    });
    await t.json('POST', '/api/notifications/mine/read', {}, ops.auth);
    expect((await (await t.json('GET', '/api/notifications/mine', undefined, ops.auth)).json()).unread).toBe(0);
  });

  it('a user forgets only their own browser; a bad endpoint is refused with the field named', async () => {
    const ops = await t.login('ops@mandap.demo');
    const sales = await t.login('sales@mandap.demo');
    const endpoint = `${pushService.url}/push/ops-laptop`;
    const sub = { endpoint, keys: browserKeys() };
    expect((await t.json('POST', '/api/notifications/push/subscriptions', sub, ops.auth)).status).toBe(201);
    const count = async () =>
      Number(
        (
          await t.deps.db.$client.execute({
            sql: 'SELECT count(*) AS n FROM push_subscriptions WHERE endpoint = ?',
            args: [endpoint],
          })
        ).rows[0]!.n,
      );
    // Someone else's endpoint is not theirs to remove.
    const other = await t.json('DELETE', '/api/notifications/push/subscriptions', { endpoint }, sales.auth);
    expect(await other.json()).toEqual({ removed: 0 });
    expect(await count()).toBe(1);
    const bad = await t.json('DELETE', '/api/notifications/push/subscriptions', { endpoint: 'not a url' }, ops.auth);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('endpoint');
    const mine = await t.json('DELETE', '/api/notifications/push/subscriptions', { endpoint }, ops.auth);
    expect(await mine.json()).toEqual({ removed: 1 });
    expect(await count()).toBe(0);
  });
});
