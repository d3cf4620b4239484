import { daysBetween } from '../time/india.ts';

export const AGEING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export const AGEING_LABELS: Record<AgeingBucket, string> = {
  current: 'Not yet due',
  d1_30: '1–30 days',
  d31_60: '31–60 days',
  d61_90: '61–90 days',
  d90_plus: 'Over 90 days',
};

/** The bucket of an amount due on `dueDate`, seen on `today` (both yyyy-mm-dd). */
export function ageingBucket(dueDate: string, today: string): AgeingBucket {
  const late = daysBetween(dueDate, today);
  if (late <= 0) return 'current';
  if (late <= 30) return 'd1_30';
  if (late <= 60) return 'd31_60';
  if (late <= 90) return 'd61_90';
  return 'd90_plus';
}

/** Sums outstanding amounts into buckets; every bucket is present (zero when empty). */
export function ageingTotals(
  rows: readonly { dueDate: string; outstandingMinor: number }[],
  today: string,
): Record<AgeingBucket, number> {
  const out = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, 0])) as Record<AgeingBucket, number>;
  for (const r of rows) out[ageingBucket(r.dueDate, today)] += r.outstandingMinor;
  return out;
}
