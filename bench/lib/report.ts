/** What one load run measured. Latencies in milliseconds. */
export interface LoadFigures {
  label: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx plus connection errors: must be 0 for the figures to mean anything. */
  failures: number;
  totalRequests: number;
  /** The spread behind the median: a wide one means the machine was busy. */
  requestsPerSecByRound: number[];
}

/** What a `bench/*.bench.ts` module returns: variants side by side, the first being the baseline. */
export interface BenchReport {
  name: string;
  settings: Record<string, string | number>;
  variants: LoadFigures[];
  notes: string[];
}

/** A `bench/*.bench.ts` module: run.ts imports it and calls `run`. */
export interface BenchModule {
  run(): Promise<BenchReport>;
}

const fmt = (n: number, digits: number) => n.toFixed(digits);

/**
 * A plain-text table: one row per metric, one column per variant, and a last column with
 * each variant's ratio to the baseline (the first variant) when there are two or more.
 * Figures are medians over rounds; the per-round requests/s follow the table.
 */
export function formatReport(report: BenchReport): string {
  const [base, ...rest] = report.variants;
  if (!base) return `${report.name}: no results`;
  const metrics: [string, (v: LoadFigures) => number, number][] = [
    ['requests/s', (v) => v.requestsPerSec, 0],
    ['p50 ms', (v) => v.p50Ms, 2],
    ['p99 ms', (v) => v.p99Ms, 2],
    ['failures', (v) => v.failures, 0],
  ];
  const header = ['metric', ...report.variants.map((v) => v.label), ...rest.map((v) => `${v.label} / ${base.label}`)];
  const rows = metrics.map(([name, get, digits]) => [
    name,
    ...report.variants.map((v) => fmt(get(v), digits)),
    ...rest.map((v) => (get(base) === 0 ? '-' : fmt(get(v) / get(base), 2))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const settings = Object.entries(report.settings)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return [
    `== ${report.name} (${settings})`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...report.variants.map(
      (v) => `  ${v.label} requests/s by round: ${v.requestsPerSecByRound.map((n) => fmt(n, 0)).join(', ')}`,
    ),
    ...report.notes.map((n) => `  * ${n}`),
  ].join('\n');
}
