import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@mandap/shared';
import { prepareDeps } from '../edge/src/bootstrap.ts';
import { parseEnv } from '../edge/src/env.ts';
import { importLeads } from '../edge/src/features/imports/imports.service.ts';
import { freePort, localBin, type ServerProcess, startServer } from '../edge/src/testing/server-process.ts';
import type { BenchReport, LoadFigures } from './lib/report.ts';

/**
 * Leads at scale.
 *  1. GET /api/leads (page of 50 with the total) over 100k leads, served by the full app
 *     (edge/src/node.ts) as a child process: without a filter vs with stage+source, and with
 *     temperature+budget sorted by budget. p50/p95/p99 from per-request timings at a fixed
 *     concurrency; the ratio column compares each to the unfiltered list.
 *  2. Import of 10k spreadsheet rows through the import service (5 chunks of 2,000, as the
 *     wizard sends them): wall time in seconds.
 * Env: BENCH_LEADS (100000), BENCH_REQUESTS (400 per variant), BENCH_CONCURRENCY (4).
 */
const JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const STAGES = ['new', 'contacted', 'brief_captured', 'meeting_scheduled', 'quote_sent', 'negotiation', 'lost'];
const SOURCES = ['meta_ads', 'google_ads', 'wedmegood', 'website', 'referral', 'walk_in', 'manual'];
const TEMPS = ['hot', 'warm', 'cold'];

async function seed(url: string) {
  const deps = await prepareDeps(
    parseEnv({ DATABASE_URL: url, JWT_SECRET, PASSWORD_HASH_ITERATIONS: '1000', SEED_DEMO: 'true' }),
  );
  const c = deps.db.$client;
  const t0 = performance.now();
  const base = Date.parse('2026-01-01T00:00:00Z');
  const BATCH = 500;
  for (let i = 0; i < LEADS; i += BATCH) {
    const stmts = [];
    for (let k = i; k < Math.min(LEADS, i + BATCH); k++) {
      const at = new Date(base + k * 60_000).toISOString();
      stmts.push({
        sql: `INSERT INTO leads (id, code, name, phone, source, stage, temperature, budget_max_minor, budget_currency, is_destination, event_date_from, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'INR', 0, ?, ?, ?)`,
        args: [
          newId(),
          `LD-BENCH-${String(k).padStart(6, '0')}`,
          `Bench Lead ${k}`,
          `+9190${String(k).padStart(8, '0')}`,
          SOURCES[k % SOURCES.length]!,
          STAGES[Math.floor(k / 7) % STAGES.length]!,
          TEMPS[k % 3]!,
          ((k * 7919) % 150) * 100_000_00,
          new Date(base + (k % 365) * 86_400_000).toISOString().slice(0, 10),
          at,
          at,
        ],
      });
    }
    await c.batch(stmts, 'write');
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  return { deps, seedSeconds };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(
  label: string,
  url: string,
  headers: Record<string, string>,
): Promise<LoadFigures & { p95Ms: number }> {
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm-up
  const times: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        times.push(performance.now() - t);
        if (!res.ok) failures++;
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
  };
}

async function timeImport(
  deps: Awaited<ReturnType<typeof seed>>['deps'],
): Promise<{ seconds: number; created: number }> {
  const rows = Array.from({ length: 10_000 }, (_, i) => [
    `Import Guest ${i}`,
    `98${String(10_000_000 + i).padStart(8, '0')}`,
    `guest${i}@example.in`,
    `${String((i % 28) + 1).padStart(2, '0')}/12/2026`,
    ['New', 'Contacted', 'Negotiation'][i % 3]!,
    `${(i % 90) + 5} lakh`,
  ]);
  const mapping = { name: 0, phone: 1, email: 2, eventDate: 3, stage: 4, budgetMax: 5 };
  const t0 = performance.now();
  let created = 0;
  for (let i = 0; i < rows.length; i += 2000) {
    const out = await importLeads(
      deps,
      { fileName: 'bench.csv', firstLine: i + 2, mapping, rows: rows.slice(i, i + 2000), commit: true },
      { actorId: null },
    );
    created += out.counts.created;
  }
  return { seconds: (performance.now() - t0) / 1000, created };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-bench-leads-'));
  let server: ServerProcess | null = null;
  try {
    const url = `file:${join(dir, 'mandap.db')}`;
    const { deps, seedSeconds } = await seed(url);
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
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sales@mandap.demo', password: 'Mandap@2026' }),
    });
    const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const api = `${server.url}/api/leads?limit=50`;
    const variants = [
      await measure('no filter', api, headers),
      await measure('stage+source', `${api}&stage=contacted&source=meta_ads`, headers),
      await measure('temp+budget, by budget', `${api}&temperature=hot&budgetMin=10000000000&sort=budget`, headers),
    ];
    const imported = await timeImport(deps);
    deps.db.$client.close();
    return {
      name: `leads: GET /api/leads over ${LEADS.toLocaleString('en-IN')} leads; import of 10k rows`,
      settings: { leads: LEADS, requestsPerVariant: REQUESTS, concurrency: CONCURRENCY },
      variants,
      notes: [
        ...variants.map(
          (v) =>
            `${v.label}: p95 ${v.p95Ms.toFixed(2)} ms (ratio to no filter ${(v.p95Ms / variants[0]!.p95Ms).toFixed(2)})`,
        ),
        `seeding ${LEADS} leads by raw batched INSERTs took ${seedSeconds.toFixed(1)} s`,
        `import of 10,000 rows (5 chunks of 2,000, dedupe + validation + events + audit): ${imported.seconds.toFixed(2)} s, ${imported.created} created`,
      ],
    };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
