import type { Session } from '@mandap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../edge/src/seed/demo-data.ts';
import { startTestApp, TEST_CONNECTION, type TestApp } from '../../../edge/src/test-support.ts';
import { ApiError } from './errors.ts';
import { call, edge, publicEdge } from './rpc.ts';
import { accessToken, setSession } from './session.ts';

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
