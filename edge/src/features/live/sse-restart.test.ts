import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, localBin, type ServerProcess, startServer } from '../../testing/server-process.ts';
import { sseReader } from './sse-client.ts';

/**
 * The client page's live feed survives an edge restart: a page that reconnects with its
 * Last-Event-ID to a freshly started process (same database) receives each update it missed
 * exactly once, then live ones. Run against the real Node and Deno entries.
 */

const JWT_SECRET = 'sse-restart-test-secret-0123456789abcdef';
const RUNTIMES = {
  node: () => ({ command: localBin('tsx'), args: ['edge/src/node.ts'] }),
  deno: () => ({ command: localBin('deno'), args: ['run', '-A', 'edge/src/deno.ts'] }),
};

async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function login(base: string, email: string) {
  return (await call(base, 'POST', '/api/auth/login', { email, password: 'Mandap@2026' })).accessToken as string;
}

describe.each(Object.keys(RUNTIMES) as (keyof typeof RUNTIMES)[])(
  'SSE resume across an edge restart (%s)',
  (runtime) => {
    const dir = mkdtempSync(join(tmpdir(), `mandap-sse-${runtime}-`));
    let server: ServerProcess | null = null;
    const start = async () => {
      const port = await freePort();
      server = await startServer({
        ...RUNTIMES[runtime](),
        port,
        readyTimeoutMs: 60_000,
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: `file:${join(dir, 'db', 'mandap.db')}`,
          JWT_SECRET,
          PASSWORD_HASH_ITERATIONS: '1000',
          LOG_LEVEL: 'warn',
          SEED_DEMO: 'true',
          DATA_DIR: dir,
          CLIENT_DIST: join(dir, 'no-client'),
        },
      });
      return server.url;
    };
    afterAll(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }, 15_000);

    it('receives each update missed while the edge was down exactly once', async () => {
      let base = await start();
      let ops = await login(base, 'ops@mandap.demo');
      const manager = await login(base, 'manager@mandap.demo');
      const { events } = (await call(base, 'GET', '/api/events', undefined, manager)) as { events: { id: string }[] };
      const eventId = events[0]!.id;
      const { link } = (await call(base, 'POST', `/api/portal/events/${eventId}/links`, { days: 5 }, manager)) as {
        link: { url: string };
      };
      const token = link.url.split('/e/')[1]!;
      const step = (title: string, clientVisible: boolean) =>
        call(base, 'POST', `/api/portal/events/${eventId}/preparation`, { title, clientVisible }, ops);

      const view = (await call(base, 'GET', `/api/portal/${token}`)) as { lastEventId: number };
      const first = sseReader(await fetch(`${base}/api/portal/${token}/stream?after=${view.lastEventId}`));
      expect((await first.next(10_000))?.event).toBe('ready');
      await step('Venue walkthrough done', true);
      const seen = await first.updates(1500);
      expect(seen.length).toBe(1);
      const lastId = seen[0]!.id!;

      await server!.stop();
      base = await start();
      ops = await login(base, 'ops@mandap.demo');
      // Committed while no page was connected (after the restart, before the page came back).
      await step('Mehendi artist confirmed', true);
      await step('Internal: settle the tent deposit', false);
      await step('Sound check slot booked', true);

      const second = sseReader(
        await fetch(`${base}/api/portal/${token}/stream`, { headers: { 'Last-Event-ID': lastId } }),
      );
      expect((await second.next(10_000))?.event).toBe('ready');
      const missed = await second.updates(1500);
      const ids = missed.map((m) => Number(m.id));
      expect(ids.length).toBe(2);
      expect(ids[0]!).toBeGreaterThan(Number(lastId));
      expect(ids[1]!).toBeGreaterThan(ids[0]!);
      await step('Photographer briefed', true);
      const live = await second.updates(1500);
      expect(live.map((m) => Number(m.id))).toEqual([expect.any(Number)]);
      expect(Number(live[0]!.id)).toBeGreaterThan(ids[1]!);
      await second.close();
      await first.close();
    }, 150_000);
  },
);
