import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { MAGIC_LINK_TTL_MS } from './magic-link.service.ts';

let t: TestApp;
type Login = Awaited<ReturnType<TestApp['login']>>;
let manager: Login;
let ops: Login;
let clientUserId: string;
let clientEvent: string;

interface OutboxRow {
  channel: string;
  recipient: string;
  payload: string;
}

/** Where the outbox stands now, to read what is queued after it. */
async function outboxMark(): Promise<number> {
  const [r] = await t.deps.db.all<{ n: number | null }>(sql`SELECT max(rowid) AS n FROM notification_outbox`);
  return Number(r?.n ?? 0);
}
/** The sign-in links queued in the outbox after `mark` (the real messages a client would receive). */
async function linksSince(mark: number) {
  const rows = await t.deps.db.all<OutboxRow>(
    sql`SELECT channel, recipient, payload FROM notification_outbox WHERE template = 'client_sign_in' AND rowid > ${mark} ORDER BY rowid`,
  );
  return rows.map((r) => ({ ...r, link: (JSON.parse(r.payload) as { link: string }).link }));
}
const tokenOf = (link: string) => new URL(link).pathname.split('/m/')[1]!;
const redeem = (token: string) => t.json('POST', '/api/portal/sign-in/redeem', { token });

async function sendLink() {
  const since = await outboxMark();
  const res = await t.json('POST', `/api/portal/events/${clientEvent}/sign-in-link`, undefined, ops.auth);
  expect(res.status, await res.clone().text()).toBe(200);
  const [email] = (await linksSince(since)).filter((m) => m.channel === 'email');
  return tokenOf(email!.link);
}

beforeAll(async () => {
  t = await startTestApp();
  [manager, ops] = await Promise.all([t.login('manager@mandap.demo'), t.login('ops@mandap.demo')]);
  const client = await t.login('client@mandap.demo');
  clientUserId = client.userId;
  const [row] = await t.deps.db.all<{ event_id: string }>(
    sql`SELECT event_id FROM event_access WHERE user_id = ${clientUserId} LIMIT 1`,
  );
  clientEvent = row!.event_id;
});
afterAll(() => t?.cleanup());

describe('client sign-in by a one-time link', () => {
  it('staff send it through the outbox (email, and WhatsApp to the client phone); it signs the client in once', async () => {
    const since = await outboxMark();
    const res = await t.json('POST', `/api/portal/events/${clientEvent}/sign-in-link`, undefined, ops.auth);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { sent: { email: string }[]; expiresInMinutes: number };
    expect(body.sent.map((s) => s.email)).toEqual(['client@mandap.demo']);
    expect(body.expiresInMinutes).toBe(60);
    const queued = await linksSince(since);
    expect(queued.map((q) => q.channel).sort()).toContain('email');
    const email = queued.find((q) => q.channel === 'email')!;
    expect(email.recipient).toBe('client@mandap.demo');
    expect(email.link).toMatch(new RegExp(`/m/[A-Za-z0-9_-]{20,}\\?event=${clientEvent}$`));
    // Only the hash is stored.
    const token = tokenOf(email.link);
    const stored = await t.deps.db.all<{ token_hash: string }>(
      sql`SELECT token_hash FROM auth_tokens WHERE purpose = 'magic_link' AND user_id = ${clientUserId}`,
    );
    expect(stored.some((s) => s.token_hash.includes(token))).toBe(false);

    const first = await redeem(token);
    expect(first.status, await first.clone().text()).toBe(200);
    const session = (await first.json()) as { accessToken: string; user: { id: string; role: string } };
    expect(session.user).toMatchObject({ id: clientUserId, role: 'client' });
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    // The session is a real one: the client reads their own event's page.
    const page = await t.json('POST', `/api/portal/events/${clientEvent}/session`, undefined, {
      authorization: `Bearer ${session.accessToken}`,
    });
    expect(page.status, await page.clone().text()).toBe(200);

    // Single use: the same link again is refused, saying so.
    const again = await redeem(token);
    expect(again.status).toBe(410);
    expect(JSON.stringify(await again.json())).toContain('already been used');
  });

  it('refuses an expired link, and a tampered or made-up one, without signing anyone in', async () => {
    const token = await sendLink();
    // An hour and a second later (moved in the table: the test's JWTs follow the real clock).
    const issuedAt = new Date(t.clock.now().getTime() - MAGIC_LINK_TTL_MS - 1000).toISOString();
    await t.deps.db.run(
      sql`UPDATE auth_tokens SET expires_at = ${new Date(Date.parse(issuedAt) + MAGIC_LINK_TTL_MS).toISOString()}
        WHERE purpose = 'magic_link' AND used_at IS NULL`,
    );
    const late = await redeem(token);
    expect(late.status).toBe(410);
    expect(JSON.stringify(await late.json())).toContain('expired');
    expect(late.headers.get('set-cookie')).toBeNull();

    const fresh = await sendLink();
    const flipped = fresh.slice(0, -1) + (fresh.at(-1) === 'A' ? 'B' : 'A');
    const tampered = await redeem(flipped);
    expect(tampered.status).toBe(401);
    expect(JSON.stringify(await tampered.json())).toContain('not valid');
    expect((await redeem('x'.repeat(43))).status).toBe(401);
    // Too short or with extra fields: a 400 naming the field.
    const short = await t.json('POST', '/api/portal/sign-in/redeem', { token: 'abc' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toContain('token');
    // The untouched link still works (tampering did not burn it).
    expect((await redeem(fresh)).status).toBe(200);
  });

  it('is for client logins only: a staff password-reset token or a staff user cannot sign in through it', async () => {
    // Asking for one with a staff address sends nothing.
    const since = await outboxMark();
    await t.json('POST', '/api/portal/sign-in/request', { email: 'manager@mandap.demo' });
    expect(await linksSince(since)).toEqual([]);
    await t.json('POST', '/api/auth/password-reset/request', { email: 'ops@mandap.demo' });
    const [reset] = await t.deps.db.all<{ payload: string }>(
      sql`SELECT payload FROM notification_outbox WHERE template = 'password_reset' AND recipient = 'ops@mandap.demo' ORDER BY created_at DESC LIMIT 1`,
    );
    const resetToken = new URL((JSON.parse(reset!.payload) as { link: string }).link).searchParams.get('token')!;
    expect((await redeem(resetToken)).status).toBe(401);
  });

  it('a client may ask for a link by email; the answer never reveals whether the address has a login', async () => {
    const since = await outboxMark();
    const known = await t.json(
      'POST',
      '/api/portal/sign-in/request',
      { email: 'client@mandap.demo' },
      {
        'x-forwarded-for': '203.0.113.7',
      },
    );
    const unknown = await t.json(
      'POST',
      '/api/portal/sign-in/request',
      { email: 'nobody@example.com' },
      {
        'x-forwarded-for': '203.0.113.7',
      },
    );
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    const sent = await linksSince(since);
    expect(sent.map((s) => s.recipient)).toEqual(['client@mandap.demo']);
    expect((await redeem(tokenOf(sent[0]!.link))).status).toBe(200);
    // Asked for too often from one address: 429 with Retry-After.
    let last = known;
    for (let i = 0; i < 6; i++)
      last = await t.json(
        'POST',
        '/api/portal/sign-in/request',
        { email: 'client@mandap.demo' },
        {
          'x-forwarded-for': '203.0.113.8',
        },
      );
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBeTruthy();
    const bad = await t.json('POST', '/api/portal/sign-in/request', { email: 'not-an-email' });
    expect(bad.status).toBe(400);
  });

  it('only staff who manage events may send one, and only for an event with a client login', async () => {
    const client = await t.login('client@mandap.demo');
    expect(
      (await t.json('POST', `/api/portal/events/${clientEvent}/sign-in-link`, undefined, client.auth)).status,
    ).toBe(403);
    const [other] = await t.deps.db.all<{ id: string }>(
      sql`SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_access WHERE user_id = ${clientUserId}) LIMIT 1`,
    );
    const none = await t.json('POST', `/api/portal/events/${other!.id}/sign-in-link`, undefined, manager.auth);
    expect(none.status).toBe(422);
    expect(JSON.stringify(await none.json())).toContain('no client login');
  });
});
