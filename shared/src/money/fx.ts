import { divRoundHalfUp } from '../quotes/gst.ts';
import { CURRENCY_DIGITS, type Currency, type Money } from './money.ts';

/** Where a rate came from. */
const FX_SOURCES = ['exchangerate_api', 'manual', 'identity'] as const;
export type FxSource = (typeof FX_SOURCES)[number];

/**
 * An exchange rate as frozen on a quote version: `rate` units of `quote` per one `base`,
 * as a decimal string (never a float), with where and when it came from.
 */
export interface FxSnapshot {
  base: Currency;
  quote: Currency;
  rate: string;
  source: FxSource;
  /** ISO date-time the provider (or finance) stated the rate for. */
  asOf: string;
}

const RATE_FORMAT = /^\d{1,9}(\.\d{1,12})?$/;

/** A positive decimal string as an exact fraction; refuses floats' exponent notation and zero. */
export function parseRate(rate: string): { num: bigint; den: bigint } {
  if (!RATE_FORMAT.test(rate)) throw new RangeError(`"${rate}" is not a rate: use a decimal like 83.2150`);
  const [whole, frac = ''] = rate.split('.');
  const num = BigInt(whole! + frac);
  if (num === 0n) throw new RangeError('a rate must be greater than zero');
  return { num, den: 10n ** BigInt(frac.length) };
}

/** True when `rate` is a decimal string {@link parseRate} accepts. */
export function isRate(rate: string): boolean {
  try {
    parseRate(rate);
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts minor units with a snapshot (`amount` must be in the snapshot's base currency;
 * the same currency converts at 1). Integer math throughout, rounded per {@link FX_ROUNDING}.
 */
export function convertMoney(amount: Money, fx: FxSnapshot | null, to: Currency): Money {
  if (amount.currency === to) return { amountMinor: amount.amountMinor, currency: to };
  if (!fx || fx.base !== amount.currency || fx.quote !== to)
    throw new RangeError(`no ${amount.currency}→${to} rate in the snapshot`);
  const { num, den } = parseRate(fx.rate);
  const scaleTo = 10n ** BigInt(CURRENCY_DIGITS[to]);
  const scaleFrom = 10n ** BigInt(CURRENCY_DIGITS[amount.currency]);
  const out = divRoundHalfUp(BigInt(amount.amountMinor) * num * scaleTo, den * scaleFrom);
  if (out > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('the converted amount is too large');
  return { amountMinor: Number(out), currency: to };
}

/** The reverse rate (`1 / rate`) to `decimals` places, rounded half up: INR→USD from USD→INR. */
export function invertRate(rate: string, decimals = 8): string {
  const { num, den } = parseRate(rate);
  const scaled = divRoundHalfUp(den * 10n ** BigInt(decimals), num);
  const s = scaled.toString().padStart(decimals + 1, '0');
  return `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}
