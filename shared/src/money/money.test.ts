import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, formatMoney } from './money.ts';

describe('allocate', () => {
  it('splits 30/50/20 of an awkward total with no paisa lost', () => {
    expect(allocate(1_00_001, [30, 50, 20])).toEqual([30_000, 50_001, 20_000]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('never loses or invents a minor unit, and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThanOrEqual(1.0001);
          });
        },
      ),
    );
  });

  it('refuses fractional totals and all-zero weights', () => {
    expect(() => allocate(10.5, [1])).toThrow(RangeError);
    expect(() => allocate(10, [0, 0])).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('groups rupees the Indian way', () => {
    expect(formatMoney({ amountMinor: 12_34_500_00, currency: 'INR' })).toBe('₹12,34,500.00');
    expect(formatMoney({ amountMinor: 12_34_500_00, currency: 'INR' }, { withDecimals: false })).toBe('₹12,34,500');
  });
  it('formats other currencies with their own symbol', () => {
    expect(formatMoney({ amountMinor: 1_500_000_00, currency: 'AED' })).toMatch(/AED\s?1,500,000\.00/);
  });
});
