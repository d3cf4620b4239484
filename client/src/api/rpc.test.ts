import type { Session } from '@mandap/shared/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../edge/src/seed/demo-data.ts';
import { changePassword, login } from '../features/auth/api.ts';
import { ApiError } from './errors.ts';
import { paths } from './paths.ts';
import { call, edge, publicEdge } from './rpc.ts';
import { accessToken, setSession } from './session.ts';

/**
 * The edge's test app, imported by a path the client's typecheck does not follow: its sources
 * (every route handler's inferred types) are the edge's typecheck's to check, and pulling them in
 * here made `tsc -p client` as slow as checking the edge. The client reads the app's declaration.
 */
interface TestApp {
  app: { request(input: string, init: RequestInit, env: unknown): Response | Promise<Response> };
  cleanup(): void;
}
const testSupport: string = new URL('../../../edge/src/test-support.ts', import.meta.url).pathname;
const { startTestApp, TEST_CONNECTION } = (await import(/* @vite-ignore */ testSupport)) as {
  startTestApp(): Promise<TestApp>;
  TEST_CONNECTION: unknown;
};

/**
 * The typed client against the real edge app (in process, on a fresh seeded libSQL file). The
 * browser's fetch is played by the app itself, keeping the refresh cookie as a browser would.
 */
let t: TestApp;
let cookie = '';
let requests: string[] = [];
const browserFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const headers = new Headers(init?.headers);
  if (cookie) headers.set('cookie', cookie);
  requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
  const res = await t.app.request(String(input), { ...init, headers }, TEST_CONNECTION);
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0]!;
  return res;
}) as typeof fetch;

async function signIn(): Promise<Session> {
  const res = await browserFetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@mandap.demo', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Session;
}

beforeAll(async () => {
  t = await startTestApp();
  globalThis.fetch = browserFetch;
});
afterAll(() => {
  setSession(null);
  t.cleanup();
});

describe('the typed client (hc<App>) with the session fetch', () => {
  it('calls the edge with the bearer token and returns the typed answer', async () => {
    setSession(await signIn());
    const { leads } = await call(edge.leads.$get({ query: { limit: '3' } }));
    expect(leads.length).toBeGreaterThan(0);
    expect(leads.length).toBeLessThanOrEqual(3);
    expect(typeof leads[0]!.code).toBe('string');
  });

  it('after a 401 refreshes the session once and retries', async () => {
    const session = await signIn();
    setSession({ ...session, accessToken: 'stale.token.here' });
    requests = [];
    const { events } = await call(edge.payments.outstanding.$get({ query: {} }));
    expect(Array.isArray(events)).toBe(true);
    expect(requests).toEqual([
      'GET /api/payments/outstanding',
      'POST /api/auth/refresh',
      'GET /api/payments/outstanding',
    ]);
    expect(accessToken()).not.toBe('stale.token.here');
  });

  it("turns a refusal into an ApiError with the server's code and the field named", async () => {
    setSession(await signIn());
    const refused = await call(edge.leads.$post({ json: { name: '', source: 'walk_in' } as never })).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('validation_failed');
    expect(Object.keys(refused.fields ?? {}).length).toBeGreaterThan(0);
  });

  it('the public client sends no token', async () => {
    setSession(await signIn());
    requests = [];
    const refused = await call(publicEdge.public.quotes[':token'].$get({ param: { token: 'x'.repeat(40) } })).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(403);
    expect(requests).toEqual([`GET /api/public/quotes/${'x'.repeat(40)}`]);
  });

  it('a changed password answers with a new session for this device, which replaces the old one at once', async () => {
    const first = await login('finance@mandap.demo', DEMO_PASSWORD);
    expect(accessToken()).toBe(first.accessToken);
    const next = await changePassword(DEMO_PASSWORD, 'a-new-password-2026');
    expect(next.user.email).toBe('finance@mandap.demo');
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(accessToken()).toBe(next.accessToken);
    // The old token died with the change; the new one works with no refresh in between.
    requests = [];
    const me = await call(edge.auth.me.$get());
    expect(me.email).toBe('finance@mandap.demo');
    expect(requests).toEqual(['GET /api/auth/me']);
  });

  it('builds stream and download paths from the same typed routes', () => {
    expect(paths.portal[':token'].stream.$path({ param: { token: 'abc' }, query: { after: '7' } })).toBe(
      '/api/portal/abc/stream?after=7',
    );
    expect(paths.public.po[':token'].pdf.$path({ param: { token: 'abc' } })).toBe('/api/public/po/abc/pdf');
    expect(paths.inbox.stream.$path()).toBe('/api/inbox/stream');
  });

  it('with no network it is an ApiError with status 0 (what the offline queues wait on)', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    try {
      const err = await call(edge.leads.counts.$get({ query: {} })).catch((e) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err.status).toBe(0);
    } finally {
      globalThis.fetch = browserFetch;
    }
  });
});
