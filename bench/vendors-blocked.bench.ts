import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDeps } from '../edge/src/bootstrap.ts';
import { parseEnv } from '../edge/src/env.ts';
import { blockedReasonsFor } from '../edge/src/features/vendors/blocked.query.ts';
import { insertGraph } from '../edge/src/features/vendors/graph-fixture.ts';
import type { BenchReport, LoadFigures } from './lib/report.ts';

/**
 * The "blocked" query (one recursive CTE over vendor_dependencies, with a reason per blocker at
 * any depth) over one event with 2,000 assignments, against a plain list of the same
 * assignments with their vendor names. Real libSQL file, the demo house seeded, a generated
 * acyclic graph (seeded, up to 2 dependencies each, random statuses).
 * Env: BENCH_VENDOR_ASSIGNMENTS (2000), BENCH_ROUNDS (5), BENCH_REPS (10).
 */
const N = Number(process.env.BENCH_VENDOR_ASSIGNMENTS ?? 2000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const reps = Number(process.env.BENCH_REPS ?? 10);

async function timeAsync(variants: { label: string; op: () => Promise<unknown> }[]): Promise<LoadFigures[]> {
  for (const v of variants) await v.op();
  const samples = variants.map(() => [] as number[]);
  const perRound = variants.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (const [i, v] of variants.entries()) {
      const start = performance.now();
      for (let k = 0; k < reps; k++) {
        const t0 = performance.now();
        await v.op();
        samples[i]!.push(performance.now() - t0);
      }
      perRound[i]!.push((reps * 1000) / (performance.now() - start));
    }
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  return variants.map((v, i) => ({
    label: v.label,
    requestsPerSec: pct(perRound[i]!, 0.5),
    p50Ms: pct(samples[i]!, 0.5),
    p99Ms: pct(samples[i]!, 0.99),
    failures: 0,
    totalRequests: samples[i]!.length,
    requestsPerSecByRound: perRound[i]!,
  }));
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-bench-vendors-'));
  const env = parseEnv({
    DATABASE_URL: `file:${join(dir, 'bench.db')}`,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1',
    PASSWORD_HASH_ITERATIONS: '1000',
    LOG_LEVEL: 'silent',
  });
  const deps = await prepareDeps(env);
  try {
    const c = deps.db.$client;
    const eventId = String((await c.execute('SELECT id FROM events ORDER BY code DESC LIMIT 1')).rows[0]!.id);
    const vendorId = String((await c.execute('SELECT id FROM vendors LIMIT 1')).rows[0]!.id);
    const graph = await insertGraph(deps.db, { eventId, vendorId, n: N, seed: 2026 });
    const blocked = await blockedReasonsFor(deps.db, { eventId });
    const list = () =>
      c.execute({
        sql: `SELECT a.id, a.scope, a.status, a.po_number, a.amount_minor, v.name
              FROM vendor_assignments a JOIN vendors v ON v.id = a.vendor_id
              WHERE a.event_id = ? ORDER BY v.name, a.id`,
        args: [eventId],
      });
    const variants = await timeAsync([
      { label: 'plain list', op: list },
      { label: 'blocked (recursive CTE)', op: () => blockedReasonsFor(deps.db, { eventId }) },
    ]);
    return {
      name: `vendor blocked query, ${N} assignments`,
      settings: { assignments: N, dependencies: graph.edges.length, rounds, reps },
      variants,
      notes: [
        `requests/s = queries per second; ${new Set(blocked.map((b) => b.assignmentId)).size} assignments blocked, ${blocked.length} reasons (any depth)`,
      ],
    };
  } finally {
    deps.db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
