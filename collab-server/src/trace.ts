import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * `COLLAB_TRACE=1`: timings of what runs on the main thread, printed to stderr when the server
 * stops (main.ts). For finding where a relay's tail goes: the event loop's delay, garbage
 * collection pauses, and named spans (commit, relay, fold, …) with the longest ones' times, so a
 * stall seen by a client can be matched to what ran then. Off by default: nothing is recorded.
 */
class Tracer {
  private readonly spans = new Map<string, number[]>();
  /** Spans of 5 ms or more, with when they started (ms since the tracer started). */
  private readonly long: { name: string; at: number; ms: number }[] = [];
  private readonly gcs: { at: number; ms: number; kind: number }[] = [];
  private readonly loop = monitorEventLoopDelay({ resolution: 1 });
  private readonly t0 = performance.now();

  constructor() {
    this.loop.enable();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
        this.gcs.push({ at: e.startTime - this.t0, ms: e.duration, kind });
      }
    }).observe({ entryTypes: ['gc'] });
  }

  /** Runs `fn`, recording how long it took under `name`. */
  span<T>(name: string, fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.record(name, start);
    }
  }

  record(name: string, start: number): void {
    const ms = performance.now() - start;
    let list = this.spans.get(name);
    if (!list) {
      list = [];
      this.spans.set(name, list);
    }
    list.push(ms);
    if (ms >= 5) this.long.push({ name, at: start - this.t0, ms });
  }

  report(): string {
    const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
    const f = (ms: number) => ms.toFixed(2);
    const lines = [
      `collab-server trace over ${((performance.now() - this.t0) / 1000).toFixed(1)} s`,
      `event loop delay: p50 ${f(this.loop.percentile(50) / 1e6)} ms, p99 ${f(this.loop.percentile(99) / 1e6)} ms, ` +
        `max ${f(this.loop.max / 1e6)} ms`,
    ];
    for (const [name, xs] of [...this.spans].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...xs].sort((a, b) => a - b);
      const total = xs.reduce((n, x) => n + x, 0);
      lines.push(
        `span ${name}: n ${xs.length}, total ${f(total)} ms, p50 ${f(q(sorted, 0.5))}, p99 ${f(q(sorted, 0.99))}, ` +
          `max ${f(sorted.at(-1) ?? 0)} ms`,
      );
    }
    const gcMs = this.gcs.map((g) => g.ms).sort((a, b) => a - b);
    lines.push(
      `gc: n ${gcMs.length}, total ${f(gcMs.reduce((n, x) => n + x, 0))} ms, p99 ${f(q(gcMs, 0.99))}, max ${f(gcMs.at(-1) ?? 0)} ms`,
    );
    const worst = [
      ...this.long.map((l) => ({ what: l.name, at: l.at, ms: l.ms })),
      ...this.gcs.filter((g) => g.ms >= 5).map((g) => ({ what: `gc(kind ${g.kind})`, at: g.at, ms: g.ms })),
    ]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 30)
      .sort((a, b) => a.at - b.at);
    const clock = (at: number) => new Date(performance.timeOrigin + this.t0 + at).toISOString().slice(11, 23);
    for (const w of worst) lines.push(`  at ${clock(w.at)}: ${w.what} ${f(w.ms)} ms`);
    return lines.join('\n');
  }
}

export const trace: Tracer | null = process.env.COLLAB_TRACE ? new Tracer() : null;
