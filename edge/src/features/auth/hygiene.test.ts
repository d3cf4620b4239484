import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

/** Token and response hygiene (issue 10, item 6). */
let t: TestApp;
const SECRET = 'test-secret-test-secret-test-secret-42';

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.cleanup());

describe('token and response hygiene', () => {
  it('refuses a correctly signed access token that has no exp', async () => {
    const sales = await t.login('sales@mandap.demo');
    const [row] = (
      await t.deps.db.$client.execute({ sql: 'SELECT token_version FROM users WHERE id = ?', args: [sales.userId] })
    ).rows;
    const forever = await sign(
      { sub: sales.userId, role: 'sales', tv: Number(row!.token_version), typ: 'access', iat: 1 },
      SECRET,
      'HS256',
    );
    const res = await t.json('GET', '/api/auth/me', undefined, { authorization: `Bearer ${forever}` });
    expect(res.status).toBe(401);
    expect((await t.json('GET', '/api/auth/me', undefined, sales.auth)).status).toBe(200);
  });

  it('a new password reset retires the older link', async () => {
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      expect((await t.json('POST', '/api/auth/password-reset/request', { email: 'kavya@mandap.demo' })).status).toBe(
        202,
      );
    }
    const rows = (
      await t.deps.db.$client.execute(
        "SELECT a.used_at FROM auth_tokens a JOIN users u ON u.id = a.user_id WHERE u.email = 'kavya@mandap.demo' AND a.purpose = 'password_reset' ORDER BY a.created_at",
      )
    ).rows;
    for (const r of rows) links.push(r.used_at === null ? 'open' : 'retired');
    expect(links).toEqual(['retired', 'open']);
  });

  it('authenticated JSON and the login answer carry Cache-Control: no-store', async () => {
    const login = await t.json('POST', '/api/auth/login', { email: 'sales@mandap.demo', password: 'Mandap@2026' });
    expect(login.headers.get('cache-control')).toBe('no-store');
    const sales = await t.login('sales@mandap.demo');
    for (const path of ['/api/auth/me', '/api/events', '/api/leads', '/api/quotes']) {
      const res = await t.json('GET', path, undefined, sales.auth);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('an unknown /api path answers a JSON 404', async () => {
    const res = await t.json('GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('refresh and logout refuse another site’s Origin; no cookie is a quiet 204, not a 401', async () => {
    const sales = await t.login('sales@mandap.demo');
    const cookie = { cookie: sales.cookie };
    const evil = await t.json('POST', '/api/auth/refresh', undefined, { ...cookie, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const out = await t.json('POST', '/api/auth/logout', undefined, { ...cookie, origin: 'https://evil.example' });
    expect(out.status).toBe(403);
    // The cookie still works from our own origin (the logout above changed nothing).
    const own = await t.json('POST', '/api/auth/refresh', undefined, { ...cookie, origin: 'http://localhost' });
    expect(own.status).toBe(200);
    const none = await t.json('POST', '/api/auth/refresh');
    expect(none.status).toBe(204);
  });

  it('the anonymous website form never echoes an existing lead’s code', async () => {
    const form = { name: 'Neha Joshi', phone: '98200 55511', formStartedAt: Date.now() - 60_000 };
    const first = await (
      await t.json('POST', '/api/intake/website', form, { 'x-forwarded-for': '203.0.113.1' })
    ).json();
    expect(first.reference).toMatch(/^LD-/);
    const again = await (
      await t.json(
        'POST',
        '/api/intake/website',
        { ...form, name: 'Someone Else' },
        { 'x-forwarded-for': '203.0.113.2' },
      )
    ).json();
    expect(again.reference).toBe('received');
  });
});
