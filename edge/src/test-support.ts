import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { prepareDeps } from './bootstrap.ts';
import { parseEnv } from './env.ts';
import type { Deps } from './lib/context.ts';
import { DEMO_PASSWORD } from './seed/demo-data.ts';

/** A clock the test can move. It starts at real time: JWT expiry is checked against the real clock. */
export function testClock(start = new Date()) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/**
 * The real app on a real libSQL file in a temp folder, migrated and seeded with the demo
 * house. Fast password hashing (1000 iterations) keeps the suite quick.
 */
/** What @hono/node-server hands the app for a request from 127.0.0.1. */
export const TEST_CONNECTION = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

export async function startTestApp(overrides: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-test-'));
  const clock = testClock();
  const env = parseEnv({
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    PASSWORD_HASH_ITERATIONS: '1000',
    LOG_LEVEL: 'silent',
    // Requests below come from 127.0.0.1 as if through one local proxy, so a test's X-Forwarded-For
    // stands for a visitor's address. Tests of the proxy rule itself override this.
    TRUST_PROXY: '1',
    ...overrides,
  });
  const deps: Deps = await prepareDeps(env, clock.now);
  const app = createApp(() => deps);
  const json = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(
      path,
      {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      TEST_CONNECTION,
    );
  async function login(email: string, password = DEMO_PASSWORD) {
    const res = await json('POST', '/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { accessToken: string; user: { id: string } };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return {
      token: body.accessToken,
      userId: body.user.id,
      cookie,
      auth: { authorization: `Bearer ${body.accessToken}` },
    };
  }
  const cleanup = () => {
    deps.db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { app, deps, clock, json, login, cleanup, dir };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function countRows(deps: Deps, table: string): Promise<number> {
  const rs = await deps.db.$client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(rs.rows[0]!.n);
}
