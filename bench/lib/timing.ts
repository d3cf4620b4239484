import type { LoadFigures } from './report.ts';

/**
 * Times an in-process operation the way load.ts times a server: `rounds` interleaved
 * rounds of `reps` calls per variant, so a busy moment hits every variant alike. Reports
 * operations/s in the requests/s column, the median and p99 of single calls in ms.
 */
export function timeInterleaved(
  variants: { label: string; op: () => unknown }[],
  opts: { rounds: number; reps: number; warmup?: number },
): LoadFigures[] {
  for (const v of variants) for (let i = 0; i < (opts.warmup ?? 2); i++) v.op();
  const samples = variants.map(() => [] as number[]);
  const perRound = variants.map(() => [] as number[]);
  for (let r = 0; r < opts.rounds; r++) {
    variants.forEach((v, i) => {
      const start = performance.now();
      for (let k = 0; k < opts.reps; k++) {
        const t0 = performance.now();
        v.op();
        samples[i]!.push(performance.now() - t0);
      }
      perRound[i]!.push((opts.reps * 1000) / (performance.now() - start));
    });
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
