import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { prepareDeps } from '../../edge/src/bootstrap.ts';
import { parseEnv } from '../../edge/src/env.ts';
import type { ServerProcess } from '../../edge/src/testing/server-process.ts';
import { call, pct } from './http.ts';
import type { LoadFigures } from './report.ts';
import { serverStarter } from './servers.ts';

/**
 * What the benchmarks that seed a database and load the edge's API share: a temporary
 * database, the edge's dependencies on it (migrated, demo users seeded), batched raw inserts,
 * the full app as a child process, signing in, fixed-concurrency request timing and the
 * notes that compare each variant with the baseline.
 */

/** The JWT secret every bench database and server use. */
export const BENCH_JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
/** The demo users' password (edge/src/seed). */
export const DEMO_PASSWORD = 'Mandap@2026';

/** A fresh folder under the OS temp dir with a `file:` database URL in it; `remove` deletes both. */
export function benchDatabase(name: string): { dir: string; url: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `mandap-bench-${name}-`));
  return { dir, url: `file:${join(dir, 'bench.db')}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The edge's dependencies on `url`, migrated, with the demo data seeded unless `env` says
 * otherwise (SEED_DEMO: 'false'); fast password hashing, since benches sign in, not crack.
 */
export function openBenchDeps(url: string, env: Record<string, string> = {}) {
  return prepareDeps(
    parseEnv({
      DATABASE_URL: url,
      JWT_SECRET: BENCH_JWT_SECRET,
      PASSWORD_HASH_ITERATIONS: '1000',
      SEED_DEMO: 'true',
      ...env,
    }),
  );
}

type BatchClient = { batch(stmts: InStatement[], mode: 'write'): Promise<unknown> };

/** Runs statements in write batches of 500 (one transaction each). */
export async function writeInBatches(c: BatchClient, stmts: InStatement[], size = 500): Promise<void> {
  for (let i = 0; i < stmts.length; i += size) await c.batch(stmts.slice(i, i + size), 'write');
}

/** Inserts `count` rows made by `row(k)`, 500 per batch, without holding them all in memory. */
export async function insertMany(c: BatchClient, count: number, row: (k: number) => InStatement): Promise<void> {
  for (let i = 0; i < count; i += 500) {
    const stmts: InStatement[] = [];
    for (let k = i; k < Math.min(count, i + 500); k++) stmts.push(row(k));
    await c.batch(stmts, 'write');
  }
}

/**
 * The full app (edge/src/node.ts) as built JavaScript in a child process on `url`, as
 * `npm start` runs it (bench/lib/servers.ts), seeding nothing more and logging warnings only.
 */
export async function startBenchEdge(url: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const servers: ServerProcess[] = [];
  return serverStarter(url, servers)(['edge/src/node.ts'], {
    JWT_SECRET: BENCH_JWT_SECRET,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    PASSWORD_HASH_ITERATIONS: '1000',
    ...env,
  });
}

/**
 * Seeds a fresh bench database with `seed`, starts the edge on it, runs `body` against it, and
 * always stops the server and deletes the database afterwards.
 */
export async function onSeededEdge<S, R>(
  name: string,
  seed: (url: string) => Promise<S>,
  body: (server: ServerProcess, seeded: S) => Promise<R>,
): Promise<R> {
  const db = benchDatabase(name);
  let server: ServerProcess | null = null;
  try {
    const seeded = await seed(db.url);
    server = await startBenchEdge(db.url);
    return await body(server, seeded);
  } finally {
    await server?.stop();
    db.remove();
  }
}

/** Signs a demo user in and answers the Authorization header for their calls. */
export async function bearerFor(base: string, email: string): Promise<Record<string, string>> {
  const { accessToken } = await call(base, 'POST', '/api/auth/login', { email, password: DEMO_PASSWORD });
  return { authorization: `Bearer ${accessToken as string}` };
}

/** Load figures with the p95 beside them, from per-request times in ms over `totalMs`. */
export type RequestFigures = LoadFigures & { p95Ms: number };

export function figuresFromSamples(label: string, samples: number[], totalMs: number, failures = 0): RequestFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const perSecond = (samples.length * 1000) / totalMs;
  return {
    label,
    requestsPerSec: perSecond,
    p50Ms: pct(sorted, 50),
    p95Ms: pct(sorted, 95),
    p99Ms: pct(sorted, 99),
    failures,
    totalRequests: samples.length,
    requestsPerSecByRound: [perSecond],
  };
}

/**
 * GETs `url` `requests` times from `concurrency` workers (after 20 unmeasured warm-up calls)
 * and times each request including reading its body. With `inspect`, each body is parsed as
 * JSON and handed to it (the last one wins), e.g. to report how many results a query found.
 */
export async function measureRequests(
  label: string,
  url: string,
  headers: Record<string, string>,
  opts: { requests: number; concurrency: number; inspect?: (body: unknown) => void },
): Promise<RequestFigures> {
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next++ < opts.requests) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        const body = opts.inspect ? await res.json() : await res.arrayBuffer();
        times.push(performance.now() - t);
        if (!res.ok) failures++;
        opts.inspect?.(body);
      }
    }),
  );
  return figuresFromSamples(label, times, performance.now() - started, failures);
}

/** One note per variant: its p95 and its ratio to the first variant's (`baseline` names it), with optional detail. */
export function p95Notes<V extends RequestFigures>(
  variants: V[],
  baseline: string,
  detail: (v: V) => string = () => '',
): string[] {
  const base = variants[0]!.p95Ms;
  return variants.map(
    (v) => `${v.label}: p95 ${v.p95Ms.toFixed(2)} ms${detail(v)} (ratio to ${baseline} ${(v.p95Ms / base).toFixed(2)})`,
  );
}
