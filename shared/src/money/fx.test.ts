import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMoney, type FxSnapshot, invertRate, isRate, parseRate } from './fx.ts';

const usd = (rate: string): FxSnapshot => ({ base: 'USD', quote: 'INR', rate, source: 'manual', asOf: '2026-11-20' });

describe('fx', () => {
  it('converts with integer math, half up, once', () => {
    expect(convertMoney({ amountMinor: 100_00, currency: 'USD' }, usd('83.2150'), 'INR')).toEqual({
      amountMinor: 8321_50,
      currency: 'INR',
    });
    // 0.01 USD × 83.215 = 0.83215 INR → 83 paise
    expect(convertMoney({ amountMinor: 1, currency: 'USD' }, usd('83.215'), 'INR').amountMinor).toBe(83);
    // 0.01 × 83.25 = 0.8325 → 83; 0.03 × 83.25 = 2.4975 → 2.50 (half up)
    expect(convertMoney({ amountMinor: 3, currency: 'USD' }, usd('83.25'), 'INR').amountMinor).toBe(250);
  });

  it('is exact where floats are not', () => {
    // 1,00,000.10 USD at 0.1 would give 10000.010000000002 with floats
    expect(convertMoney({ amountMinor: 100_000_10, currency: 'USD' }, usd('0.1'), 'INR').amountMinor).toBe(10_000_01);
  });

  it('refuses a snapshot for another pair and malformed rates', () => {
    expect(() => convertMoney({ amountMinor: 1, currency: 'AED' }, usd('83'), 'INR')).toThrow(/AED→INR/);
    for (const bad of ['', '0', '1e3', '-2', '83.', 'abc', '0.000']) expect(isRate(bad), bad).toBe(false);
    expect(parseRate('22.6750')).toEqual({ num: 226750n, den: 10000n });
  });

  it('same currency converts at exactly 1 with no snapshot', () => {
    expect(convertMoney({ amountMinor: 12345, currency: 'INR' }, null, 'INR').amountMinor).toBe(12345);
  });

  it('stays within half a minor unit of the exact product', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 1, max: 999_999_999 }), (amount, rate4) => {
        const rate = `${Math.floor(rate4 / 10_000)}.${String(rate4 % 10_000).padStart(4, '0')}`;
        const out = convertMoney({ amountMinor: amount, currency: 'USD' }, usd(rate), 'INR').amountMinor;
        const exactTimes1e4 = BigInt(amount) * BigInt(rate4);
        const diff = BigInt(out) * 10_000n - exactTimes1e4;
        expect(diff <= 5_000n && diff > -5_000n).toBe(true);
      }),
    );
  });

  it('inverts a rate', () => {
    expect(invertRate('80')).toBe('0.01250000');
    expect(invertRate('3', 4)).toBe('0.3333');
  });
});
