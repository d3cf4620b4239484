import { newId } from '@mandap/shared/common';
import { FIRST_NAMES, LAST_NAMES } from '../edge/src/seed/demo-data.ts';
import {
  bearerFor,
  insertMany,
  measureRequests,
  onSeededEdge,
  openBenchDeps,
  p95Notes,
  type RequestFigures,
} from './lib/edge-bench.ts';
import type { BenchReport } from './lib/report.ts';

/**
 * Global search (GET /api/search, FTS5 kept by triggers) over 100k leads, served by the full app
 * (edge/src/node.ts, built) as a child process. Queries: a common name prefix (thousands of matches,
 * ranked, top 20), a full name, a phone typed in national format, a lead code, and, for a client,
 * the same name (scoped to their events: the FTS match is filtered through event_access). The
 * baseline is the leads list page (GET /api/leads?limit=20). Also: the cost of the triggers when
 * inserting the leads (raw batched INSERTs with the index kept in step).
 * Env: BENCH_LEADS (100000), BENCH_REQUESTS (400 per variant), BENCH_CONCURRENCY (4).
 */
const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

async function seed(url: string) {
  const deps = await openBenchDeps(url);
  const t0 = performance.now();
  const base = Date.parse('2026-01-01T00:00:00Z');
  await insertMany(deps.db.$client, LEADS, (k) => {
    const at = new Date(base + k * 60_000).toISOString();
    const name = `${FIRST_NAMES[k % FIRST_NAMES.length]} ${LAST_NAMES[(k * 7) % LAST_NAMES.length]}`;
    return {
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
    };
  });
  const seedSeconds = (performance.now() - t0) / 1000;
  deps.db.$client.close();
  return { seedSeconds };
}

/** One search (or list) variant, with how many results its last answer held. */
async function measure(
  label: string,
  url: string,
  headers: Record<string, string>,
): Promise<RequestFigures & { found: number }> {
  let found = 0;
  const figures = await measureRequests(label, url, headers, {
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    inspect: (body) => {
      const b = body as { results?: unknown[]; leads?: unknown[] };
      found = (b.results ?? b.leads ?? []).length;
    },
  });
  return { ...figures, found };
}

export async function run(): Promise<BenchReport> {
  return onSeededEdge('search', seed, async (server, { seedSeconds }) => {
    const manager = await bearerFor(server.url, 'manager@mandap.demo');
    const client = await bearerFor(server.url, 'client@mandap.demo');
    const s = (q: string) => `${server.url}/api/search?q=${encodeURIComponent(q)}`;
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
        ...p95Notes(variants, 'the list page', (v) => `, ${v.found} results`),
        `inserting ${LEADS} leads by raw batched INSERTs, with the search triggers, took ${seedSeconds.toFixed(1)} s`,
      ],
    };
  });
}
