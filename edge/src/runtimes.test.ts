import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, localBin, type ServerProcess, startServer } from './testing/server-process.ts';

/**
 * The same app (createApp) must answer under every runtime we ship: Node (node.ts),
 * Deno (deno.ts) and workerd (worker.ts through wrangler dev). Each runtime runs as a
 * real child process on a free loopback port.
 */

const JWT_SECRET = 'runtimes-test-secret-0123456789abcdef';
const ADMIN = { email: 'admin@mandap.demo', password: 'Mandap@2026' };
// wrangler's first bundle and workerd start take 10-20 s on two cores.
const START_TIMEOUT_MS = 90_000;

/** Env for the entries that own a database file: a fresh seeded demo house per runtime. */
function localDbEnv(dir: string, port: number): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'db', 'mandap.db')}`,
    JWT_SECRET,
    PASSWORD_HASH_ITERATIONS: '1000',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
  };
}

async function getJson(url: string, token?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, body: await res.json() };
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const body = (await res.json()) as { accessToken?: string; user?: { email: string } };
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(body.user?.email).toBe(ADMIN.email);
  expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return body.accessToken!;
}

/** Starts one runtime around a describe block and stops its whole process group after. */
function useServer(start: (port: number, dir: string) => Promise<ServerProcess>) {
  const ctx: { server?: ServerProcess; dir?: string } = {};
  beforeAll(async () => {
    ctx.dir = mkdtempSync(join(tmpdir(), 'mandap-runtime-'));
    ctx.server = await start(await freePort(), ctx.dir);
  }, START_TIMEOUT_MS + 10_000);
  afterAll(async () => {
    await ctx.server?.stop();
    if (ctx.dir) rmSync(ctx.dir, { recursive: true, force: true });
  }, 15_000);
  return () => {
    if (!ctx.server) throw new Error('server did not start');
    return ctx.server.url;
  };
}

describe('Node (tsx edge/src/node.ts)', () => {
  const url = useServer((port, dir) =>
    startServer({
      command: localBin('tsx'),
      args: ['edge/src/node.ts'],
      port,
      env: localDbEnv(dir, port),
      readyTimeoutMs: START_TIMEOUT_MS,
    }),
  );

  it('answers health as node and signs the admin in', async () => {
    expect(await getJson(`${url()}/api/health`)).toMatchObject({
      status: 200,
      body: { status: 'ok', runtime: 'node' },
    });
    await login(url());
  });
});

describe('Deno (deno run -A edge/src/deno.ts)', () => {
  const url = useServer((port, dir) =>
    startServer({
      command: localBin('deno'),
      args: ['run', '-A', 'edge/src/deno.ts'],
      port,
      env: localDbEnv(dir, port),
      readyTimeoutMs: START_TIMEOUT_MS,
    }),
  );

  it('answers health as deno', async () => {
    expect(await getJson(`${url()}/api/health`)).toMatchObject({
      status: 200,
      body: { status: 'ok', runtime: 'deno' },
    });
  });

  it('signs in and lists events from its own libSQL file', async () => {
    const token = await login(url());
    const { status, body } = await getJson(`${url()}/api/events`, token);
    expect(status).toBe(200);
    const events = (body as { events: { id: string; code: string }[] }).events;
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ id: expect.any(String), code: expect.any(String) });
  });
});

describe('workerd (wrangler dev edge/src/worker.ts)', () => {
  const url = useServer(async (port, dir) =>
    startServer({
      command: localBin('wrangler'),
      args: [
        'dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        // A fixed inspector port would clash with another wrangler dev on this machine.
        '--inspector-port',
        String(await freePort()),
        '--persist-to',
        join(dir, 'wrangler-state'),
        '--var',
        `JWT_SECRET:${JWT_SECRET}`,
        // Unreachable on purpose: the routes tested here must not touch the database.
        '--var',
        'DATABASE_URL:http://127.0.0.1:9',
      ],
      port,
      env: { WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      readyTimeoutMs: START_TIMEOUT_MS,
    }),
  );

  it('answers health as workerd', async () => {
    expect(await getJson(`${url()}/api/health`)).toMatchObject({
      status: 200,
      body: { status: 'ok', runtime: 'workerd' },
    });
  });

  it('serves the OpenAPI document', async () => {
    const { status, body } = await getJson(`${url()}/api/openapi.json`);
    expect(status).toBe(200);
    expect(Object.keys((body as { paths: object }).paths)).toContain('/api/events');
  });

  it('refuses a protected route without a token before touching the database', async () => {
    const { status, body } = await getJson(`${url()}/api/users`);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
