import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sseReader } from '../edge/src/features/live/sse-client.ts';
import { freePort, localBin, type ServerProcess, startServer } from '../edge/src/testing/server-process.ts';
import { call, pct } from './lib/http.ts';
import type { BenchReport, LoadFigures } from './lib/report.ts';

/**
 * SSE fan-out: N open client pages (GET /api/portal/:token/stream) on one edge process
 * (edge/src/node.ts as a child), and K client-visible changes committed through the API. The
 * latency of each delivery is from the moment the committing request answered (the change is
 * committed by then) to the moment that page read the update. Baseline: one page. Every page
 * must receive every update exactly once ("missed" and "repeated" must be 0).
 * Env: BENCH_SSE_PAGES (500), BENCH_SSE_UPDATES (20).
 */
const JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
const PAGES = Number(process.env.BENCH_SSE_PAGES ?? 500);
const UPDATES = Number(process.env.BENCH_SSE_UPDATES ?? 20);

async function fanOut(base: string, pages: number, token: string, eventId: string, ops: string) {
  const view = (await call(base, 'GET', `/api/portal/${token}`)) as { lastEventId: number };
  const arrivals = new Map<number, number[]>();
  let repeated = 0;
  const readers = await Promise.all(
    Array.from({ length: pages }, async () => {
      const r = sseReader(await fetch(`${base}/api/portal/${token}/stream?after=${view.lastEventId}`));
      const first = await r.next(30_000);
      if (first?.event !== 'ready') throw new Error('stream did not open');
      const seen = new Set<number>();
      void (async () => {
        for (let m = await r.next(120_000); m; m = await r.next(120_000)) {
          if (m.event !== 'update') continue;
          const seq = Number(m.id);
          if (seen.has(seq)) repeated++;
          seen.add(seq);
          const list = arrivals.get(seq) ?? [];
          list.push(performance.now());
          arrivals.set(seq, list);
        }
      })();
      return r;
    }),
  );
  const latencies: number[] = [];
  const committed: { at: number; seq: number }[] = [];
  const t0 = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    await call(
      base,
      'POST',
      `/api/portal/events/${eventId}/preparation`,
      { title: `Step ${i}`, clientVisible: true },
      ops,
    );
    const at = performance.now();
    // The sequence number of that change: the newest in the log visible to the page.
    const v = (await call(base, 'GET', `/api/portal/${token}`)) as { lastEventId: number };
    committed.push({ at, seq: v.lastEventId });
    await new Promise((r) => setTimeout(r, 200));
  }
  // Wait until every page has every update (or 20 s).
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && committed.some((c) => (arrivals.get(c.seq)?.length ?? 0) < pages))
    await new Promise((r) => setTimeout(r, 100));
  let missed = 0;
  for (const c of committed) {
    const got = arrivals.get(c.seq) ?? [];
    missed += pages - Math.min(pages, got.length);
    for (const t of got) latencies.push(Math.max(0, t - c.at));
  }
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(readers.map((r) => r.close()));
  latencies.sort((a, b) => a - b);
  return {
    figures: {
      label: `${pages} page${pages === 1 ? '' : 's'}`,
      requestsPerSec: latencies.length / seconds,
      p50Ms: pct(latencies, 50),
      p99Ms: pct(latencies, 99),
      failures: missed + repeated,
      totalRequests: latencies.length,
      requestsPerSecByRound: [latencies.length / seconds],
    } satisfies LoadFigures,
    p95: pct(latencies, 95),
    missed,
    repeated,
  };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-bench-sse-'));
  let server: ServerProcess | null = null;
  try {
    const port = await freePort();
    server = await startServer({
      command: localBin('tsx'),
      args: ['edge/src/node.ts'],
      port,
      env: {
        PORT: String(port),
        DATABASE_URL: `file:${join(dir, 'bench.db')}`,
        JWT_SECRET,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'true',
        PASSWORD_HASH_ITERATIONS: '1000',
        DATA_DIR: dir,
      },
      discardStdout: true,
    });
    const base = server.url;
    const login = async (email: string) =>
      (await call(base, 'POST', '/api/auth/login', { email, password: 'Mandap@2026' })).accessToken as string;
    const manager = await login('manager@mandap.demo');
    const ops = await login('ops@mandap.demo');
    const { events } = (await call(base, 'GET', '/api/events', undefined, manager)) as { events: { id: string }[] };
    const eventId = events[0]!.id;
    const { link } = (await call(base, 'POST', `/api/portal/events/${eventId}/links`, { days: 5 }, manager)) as {
      link: { url: string };
    };
    const token = link.url.split('/e/')[1]!;
    const one = await fanOut(base, 1, token, eventId, ops);
    const many = await fanOut(base, PAGES, token, eventId, ops);
    return {
      name: `sse: live updates fanned out to ${PAGES} open client pages on one edge process, commit → receipt`,
      settings: { pages: PAGES, updates: UPDATES, hubPollMs: 100 },
      variants: [one.figures, many.figures],
      notes: [
        `1 page: p95 ${one.p95.toFixed(1)} ms; ${PAGES} pages: p95 ${many.p95.toFixed(1)} ms`,
        `${PAGES} pages: ${many.figures.totalRequests} deliveries, missed ${many.missed}, repeated ${many.repeated}`,
        'requests/s here is deliveries per second over the run (updates are paced 200 ms apart)',
      ],
    };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
