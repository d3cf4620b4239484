import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@mandap/shared/common';
import { prepareDeps } from '../edge/src/bootstrap.ts';
import { parseEnv } from '../edge/src/env.ts';
import { FIRST_NAMES, LAST_NAMES } from '../edge/src/seed/demo-data.ts';
import { freePort, localBin, type ServerProcess, startServer } from '../edge/src/testing/server-process.ts';
import type { BenchReport, LoadFigures } from './lib/report.ts';

/**
 * Global search (GET /api/search, FTS5 kept by triggers) over 100k leads, served by the full app
 * (edge/src/node.ts) as a child process. Queries: a common name prefix (thousands of matches,
 * ranked, top 20), a full name, a phone typed in national format, a lead code, and, for a client,
 * the same name (scoped to their events: the FTS match is filtered through event_access). The
 * baseline is the leads list page (GET /api/leads?limit=20). Also: the cost of the triggers when
 * inserting the leads (raw batched INSERTs with the index kept in step).
 * Env: BENCH_LEADS (100000), BENCH_REQUESTS (400 per variant), BENCH_CONCURRENCY (4).
 */
const JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

async function seed(url: string) {
  const deps = await prepareDeps(
    parseEnv({ DATABASE_URL: url, JWT_SECRET, PASSWORD_HASH_ITERATIONS: '1000', SEED_DEMO: 'true' }),
  );
  const c = deps.db.$client;
  const t0 = performance.now();
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < LEADS; i += 500) {
    const stmts = [];
    for (let k = i; k < Math.min(LEADS, i + 500); k++) {
      const at = new Date(base + k * 60_000).toISOString();
      const name = `${FIRST_NAMES[k % FIRST_NAMES.length]} ${LAST_NAMES[(k * 7) % LAST_NAMES.length]}`;
      stmts.push({
        sql: `INSERT INTO leads (id, code, name, phone, email, source, stage, temperature, is_destination, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, 'manual', 'new', 'warm', 0, ?, ?)`,
        args: [
          newId(),
          `LD-BENCH-${String(k).padStart(6, '0')}`,
          name,
          `+9190${String(k).padStart(8, '0')}`,
          `lead${k}@example.com`,
          at,
          at,
        ],
      });
    }
    await c.batch(stmts, 'write');
  }
  return { deps, seedSeconds: (performance.now() - t0) / 1000 };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(label: string, url: string, headers: Record<string, string>) {
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  let failures = 0;
  let next = 0;
  let found = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        const body = (await res.json()) as { results?: unknown[]; leads?: unknown[] };
        times.push(performance.now() - t);
        if (!res.ok) failures++;
        found = (body.results ?? body.leads ?? []).length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    label,
    requestsPerSec: times.length / seconds,
    p50Ms: pct(times, 50),
    p95Ms: pct(times, 95),
    p99Ms: pct(times, 99),
    failures,
    totalRequests: times.length,
    requestsPerSecByRound: [times.length / seconds],
    found,
  } satisfies LoadFigures & { p95Ms: number; found: number };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-bench-search-'));
  const url = `file:${join(dir, 'bench.db')}`;
  let server: ServerProcess | null = null;
  try {
    const { deps, seedSeconds } = await seed(url);
    deps.db.$client.close();
    const port = await freePort();
    server = await startServer({
      command: localBin('tsx'),
      args: ['edge/src/node.ts'],
      port,
      env: {
        PORT: String(port),
        DATABASE_URL: url,
        JWT_SECRET,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        PASSWORD_HASH_ITERATIONS: '1000',
      },
      discardStdout: true,
    });
    const tokenOf = async (email: string) => {
      const login = await fetch(`${server!.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'Mandap@2026' }),
      });
      return { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    };
    const manager = await tokenOf('manager@mandap.demo');
    const client = await tokenOf('client@mandap.demo');
    const s = (q: string) => `${server!.url}/api/search?q=${encodeURIComponent(q)}`;
    const variants = [
      await measure('leads list page (baseline)', `${server.url}/api/leads?limit=20`, manager),
      await measure('name prefix "ri"', s('ri'), manager),
      await measure('full name "Aarav Shah"', s('Aarav Shah'), manager),
      await measure('phone "090 0005 4321"', s('090 0005 4321'), manager),
      await measure('code "LD-BENCH-054321"', s('LD-BENCH-054321'), manager),
      await measure('client, name prefix "ri"', s('ri'), client),
    ];
    return {
      name: `search: GET /api/search over ${LEADS.toLocaleString('en-IN')} leads (FTS5, scoped)`,
      settings: { leads: LEADS, requestsPerVariant: REQUESTS, concurrency: CONCURRENCY },
      variants,
      notes: [
        ...variants.map(
          (v) =>
            `${v.label}: p95 ${v.p95Ms.toFixed(2)} ms, ${v.found} results (ratio to the list page ${(v.p95Ms / variants[0]!.p95Ms).toFixed(2)})`,
        ),
        `inserting ${LEADS} leads by raw batched INSERTs, with the search triggers, took ${seedSeconds.toFixed(1)} s`,
      ],
    };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
