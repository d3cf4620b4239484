/** Live counters for GET /metrics. Everything here is in-process and approximate by design. */
export interface MetricsSnapshot {
  connections: number;
  documentsLoaded: number;
  /** Updates committed per second, averaged over the last 10 s. */
  updatesPerSecond: number;
  /** Time from receiving an update to its commit, over the most recent samples. */
  persistenceLagMs: { p50: number; p99: number; samples: number };
  updatesPersisted: number;
  /** Group commits (transactions) written; updatesPersisted / commits is the mean group size. */
  commits: number;
}

const WINDOW_MS = 10_000;
const LAG_SAMPLES = 2048;

export class Metrics {
  connections = 0;
  updatesPersisted = 0;
  commits = 0;
  private lags = new Float64Array(LAG_SAMPLES);
  private lagCount = 0;
  private recentCommits: { at: number; count: number }[] = [];

  recordCommit(lagsMs: number[], at = Date.now()): void {
    for (const lag of lagsMs) {
      this.lags[this.lagCount % LAG_SAMPLES] = lag;
      this.lagCount++;
    }
    this.updatesPersisted += lagsMs.length;
    this.commits++;
    this.recentCommits.push({ at, count: lagsMs.length });
    this.prune(at);
  }

  snapshot(documentsLoaded: number, now = Date.now()): MetricsSnapshot {
    this.prune(now);
    const recent = this.recentCommits.reduce((sum, c) => sum + c.count, 0);
    const n = Math.min(this.lagCount, LAG_SAMPLES);
    const sorted = Array.from(this.lags.subarray(0, n)).sort((a, b) => a - b);
    return {
      connections: this.connections,
      documentsLoaded,
      updatesPerSecond: recent / (WINDOW_MS / 1000),
      persistenceLagMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), samples: n },
      updatesPersisted: this.updatesPersisted,
      commits: this.commits,
    };
  }

  private prune(now: number): void {
    const cutoff = now - WINDOW_MS;
    let drop = 0;
    while (drop < this.recentCommits.length && (this.recentCommits[drop]?.at ?? now) < cutoff) drop++;
    if (drop > 0) this.recentCommits.splice(0, drop);
  }
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, idx)] ?? 0) * 100) / 100;
}
