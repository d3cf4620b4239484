import type { Currency } from '../money/money.ts';

/** One line of a journal entry. Signed: debit positive, credit negative. */
export interface PostingLine {
  account: string;
  amountMinor: number;
  currency: Currency;
  /** The same amount in INR paise at the entry's FX snapshot. */
  amountInrMinor: number;
}

/** Why an entry does not balance, or null when it does (per currency and in INR). */
export function entryImbalance(lines: readonly PostingLine[]): string | null {
  if (lines.length < 2) return 'an entry needs at least two postings';
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amountMinor) || !Number.isSafeInteger(l.amountInrMinor))
      return `posting to ${l.account} is not a whole number of minor units`;
  }
  const perCurrency = new Map<string, number>();
  let inr = 0;
  for (const l of lines) {
    perCurrency.set(l.currency, (perCurrency.get(l.currency) ?? 0) + l.amountMinor);
    inr += l.amountInrMinor;
  }
  for (const [cur, sum] of perCurrency) if (sum !== 0) return `${cur} postings sum to ${sum}, not 0`;
  if (inr !== 0) return `INR equivalents sum to ${inr}, not 0`;
  return null;
}

/** Throws unless the entry balances: builders call it so an unbalanced entry is never written. */
export function assertBalanced(lines: readonly PostingLine[]): PostingLine[] {
  const why = entryImbalance(lines);
  if (why) throw new RangeError(`unbalanced journal entry: ${why}`);
  return [...lines];
}

/** The reversing entry of `lines`: every posting negated, so the pair nets to nothing. */
export function reversalOf(lines: readonly PostingLine[]): PostingLine[] {
  return assertBalanced(
    lines.map((l) => ({ ...l, amountMinor: -l.amountMinor || 0, amountInrMinor: -l.amountInrMinor || 0 })),
  );
}
