import autocannon from 'autocannon';
import type { LoadFigures } from './report.ts';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

function fire(opts: LoadOptions): Promise<autocannon.Result> {
  return autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers ?? {},
  });
}

/**
 * Drives one URL with autocannon: a short unmeasured warm-up first (JIT, connection
 * pools, SQLite page cache), then the measured run.
 */
export async function measure(label: string, opts: LoadOptions & { warmupSeconds: number }): Promise<LoadFigures> {
  if (opts.warmupSeconds > 0) await fire({ ...opts, seconds: opts.warmupSeconds });
  const r = await fire(opts);
  return {
    label,
    requestsPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
    totalRequests: r.requests.total,
  };
}
