import autocannon from 'autocannon';
import type { LoadFigures } from './report.ts';

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Measured runs per target, interleaved A B A B…; the figures are per-target medians. */
  rounds: number;
  headers?: Record<string, string>;
}

/** A target: a URL, and for writes the method, body or per-request `requests` (e.g. a fresh Idempotency-Key each). */
export interface LoadTarget {
  label: string;
  url: string;
  request?: Partial<Pick<autocannon.Options, 'method' | 'body' | 'requests'>>;
}

function fire(t: LoadTarget, opts: LoadOptions, seconds: number): Promise<autocannon.Result> {
  const headers = { ...opts.headers, ...(t.request?.body ? { 'content-type': 'application/json' } : {}) };
  return autocannon({ url: t.url, connections: opts.connections, duration: seconds, headers, ...t.request });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Drives each target with autocannon: one unmeasured warm-up per target (JIT, connection
 * pools, SQLite page cache), then `rounds` measured runs interleaved across targets, so
 * a burst of load from something else on the machine hits every target alike rather
 * than skewing whichever happened to run during it.
 */
export async function measureInterleaved(targets: LoadTarget[], opts: LoadOptions): Promise<LoadFigures[]> {
  if (opts.warmupSeconds > 0) for (const t of targets) await fire(t, opts, opts.warmupSeconds);
  const runs = targets.map(() => [] as autocannon.Result[]);
  for (let round = 0; round < opts.rounds; round++) {
    for (const [i, t] of targets.entries()) runs[i]!.push(await fire(t, opts, opts.seconds));
  }
  return targets.map((t, i) => {
    const rs = runs[i]!;
    return {
      label: t.label,
      requestsPerSec: median(rs.map((r) => r.requests.average)),
      p50Ms: median(rs.map((r) => r.latency.p50)),
      p99Ms: median(rs.map((r) => r.latency.p99)),
      failures: rs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
      totalRequests: rs.reduce((n, r) => n + r.requests.total, 0),
      requestsPerSecByRound: rs.map((r) => r.requests.average),
    };
  });
}
