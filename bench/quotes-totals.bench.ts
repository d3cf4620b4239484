import { computeQuoteTotals, type PricedLine, TAX_CLASS_CODES } from '@mandap/shared/quotes';
import type { BenchReport } from './lib/report.ts';
import { timeInterleaved } from './lib/timing.ts';

/**
 * Pricing a 10,000-line quote (the API caps a version at 500 lines; this is headroom) with
 * the shared totals function the edge and the builder both use. Baseline: every line at
 * GST 18% with no discounts. Variant: the seven tax classes mixed, line discounts on every
 * third line and a quote-level discount, so discount allocation and the per-rate summary work.
 * Env: BENCH_ROUNDS (5), BENCH_REPS (20) per round.
 */
const LINES = 10_000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const reps = Number(process.env.BENCH_REPS ?? 20);

function lines(mixed: boolean): PricedLine[] {
  return Array.from({ length: LINES }, (_, i) => ({
    key: `l${i}`,
    quantity: (i % 13) + 0.5,
    rateMinor: 1_000_00 + ((i * 7919) % 5_00_000_00),
    taxClass: mixed ? TAX_CLASS_CODES[i % TAX_CLASS_CODES.length]! : 'gst_18',
    discount: mixed && i % 3 === 0 ? { kind: 'percent', percent: 7.5 } : null,
  }));
}

export async function run(): Promise<BenchReport> {
  const plain = lines(false);
  const mixed = lines(true);
  const variants = timeInterleaved(
    [
      {
        label: 'one class',
        op: () =>
          computeQuoteTotals({ currency: 'INR', lines: plain, regime: 'intra_state', rounding: 'nearest_rupee' }),
      },
      {
        label: 'mixed classes+discounts',
        op: () =>
          computeQuoteTotals({
            currency: 'INR',
            lines: mixed,
            discount: { kind: 'amount', amountMinor: 1_00_000_00 },
            regime: 'intra_state',
            rounding: 'nearest_rupee',
          }),
      },
    ],
    { rounds, reps },
  );
  return {
    name: 'quote totals, 10k lines',
    settings: { lines: LINES, rounds, reps },
    variants,
    notes: ['requests/s here = full 10k-line quotes priced per second; p50/p99 ms = one pricing'],
  };
}
