/**
 * Money is an integer count of minor units plus an ISO 4217 code. No floats.
 * `{ amountMinor: 15000000, currency: 'INR' }` is ₹1,50,000.00.
 */

/** Minor-unit digits per supported currency. */
export const CURRENCY_DIGITS = { INR: 2, USD: 2, AED: 2, EUR: 2, GBP: 2 } as const;
export type Currency = keyof typeof CURRENCY_DIGITS;
export const CURRENCIES = Object.keys(CURRENCY_DIGITS) as Currency[];

export interface Money {
  amountMinor: number;
  currency: Currency;
}

/** The largest amount we accept: well inside Number.MAX_SAFE_INTEGER after GST and FX. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000_00; // 1 lakh crore rupees

/** Formats with Indian grouping for INR (₹12,34,500.00), locale grouping otherwise. */
export function formatMoney(m: Money, opts: { withDecimals?: boolean } = {}): string {
  const digits = CURRENCY_DIGITS[m.currency];
  const major = m.amountMinor / 10 ** digits;
  const decimals = opts.withDecimals === false ? 0 : digits;
  return new Intl.NumberFormat(m.currency === 'INR' ? 'en-IN' : 'en-US', {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(major);
}

/**
 * Splits `total` into parts proportional to `weights`, losing no minor unit:
 * the remainder goes one unit at a time to the largest fractional shares.
 */
export function allocate(totalMinor: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalMinor)) throw new RangeError('total must be an integer of minor units');
  if (weights.length === 0) throw new RangeError('at least one weight is needed');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError('weights must be non-negative integers');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('weights must not all be zero');
  const big = BigInt(totalMinor);
  const bigSum = BigInt(sum);
  const shares = weights.map((w) => (big * BigInt(w)) / bigSum);
  const rems = weights.map((w, i) => ({ i, rem: (big * BigInt(w)) % bigSum }));
  let left = big - shares.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  const step = left >= 0n ? 1n : -1n;
  for (let k = 0; left !== 0n; k++) {
    const idx = rems[k % rems.length]!.i;
    shares[idx] = shares[idx]! + step;
    left -= step;
  }
  return shares.map(Number);
}
