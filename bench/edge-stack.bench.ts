import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDeps } from '../edge/src/bootstrap.ts';
import { parseEnv } from '../edge/src/env.ts';
import type { ServerProcess } from '../edge/src/testing/server-process.ts';
import { measureInterleaved } from './lib/load.ts';
import type { BenchReport } from './lib/report.ts';
import { serverStarter } from './lib/servers.ts';

/**
 * What our stack costs on top of its parts: GET /api/events (every demo event, joined to
 * its client) served by
 *   A. bare Hono + @libsql/client (bench/servers/raw-hono.ts), and
 *   B. the full app, edge/src/node.ts: createApp with request ids, per-request JSON log
 *      lines (LOG_LEVEL=info by default, stdout to /dev/null), secure headers, CORS/body-limit
 *      middleware, a real JWT verified on every request plus the user lookup that
 *      follows it, Drizzle, and the zod-openapi router.
 * Both run as child processes on loopback against the same seeded demo database file,
 * one at a time, so the load generator (this process) and the server each get a core. Both run
 * as built JavaScript under plain `node`, as `npm start` runs the edge (bench/lib/servers.ts).
 * Env: BENCH_SECONDS (10) per run, BENCH_ROUNDS (3) interleaved runs per server,
 * BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (16), BENCH_LOG_LEVEL (info) for server B,
 * BENCH_PROFILE_DIR: if set, both servers run with `--cpu-prof` and write their profiles there.
 */

const JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
/** info (the default, as deployed) or silent, to see what the per-request log line costs. */
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
const profileDir = process.env.BENCH_PROFILE_DIR;
const nodeFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

async function seedDatabase(dir: string): Promise<string> {
  const url = `file:${join(dir, 'mandap.db')}`;
  const deps = await prepareDeps(
    parseEnv({ DATABASE_URL: url, JWT_SECRET, PASSWORD_HASH_ITERATIONS: '1000', SEED_DEMO: 'true' }),
  );
  deps.db.$client.close();
  return url;
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@mandap.demo', password: 'Mandap@2026' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Both servers must answer the same events, or the comparison is meaningless. */
async function eventIds(url: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { events: { id: string }[] }).events.map((e) => e.id).join(',');
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-bench-'));
  const servers: ServerProcess[] = [];
  try {
    const databaseUrl = await seedDatabase(dir);
    const start = serverStarter(databaseUrl, servers);
    const raw = await start(['bench/servers/raw-hono.ts'], {}, nodeFlags);
    const full = await start(
      ['edge/src/node.ts'],
      { JWT_SECRET, LOG_LEVEL: logLevel, SEED_DEMO: 'false', PASSWORD_HASH_ITERATIONS: '1000' },
      nodeFlags,
    );

    const headers = { authorization: `Bearer ${await login(full.url)}` };
    const ids = await eventIds(`${raw.url}/api/events`, headers);
    if (ids !== (await eventIds(`${full.url}/api/events`, headers))) {
      throw new Error('raw and full servers returned different events');
    }

    // The same header goes to A (which ignores it), so both see identical requests.
    const variants = await measureInterleaved(
      [
        { label: 'A raw', url: `${raw.url}/api/events` },
        { label: 'B full', url: `${full.url}/api/events` },
      ],
      { connections, seconds, warmupSeconds, rounds, headers },
    );
    return {
      name: 'edge-stack: GET /api/events',
      settings: { connections, seconds, rounds, warmupSeconds, events: ids.split(',').length },
      variants,
      notes: [
        'A raw = bare Hono + @libsql/client; B full = edge/src/node.ts (createApp); both built JS under node.',
        'B does two queries per request (user lookup + events); A does one.',
        `B runs at LOG_LEVEL=${logLevel}, stdout to /dev/null (info: one JSON line per request).`,
      ],
    };
  } finally {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
