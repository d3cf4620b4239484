import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxSplitDifferenceMinor, TAX_ROUNDING_MODES } from './gst.ts';
import { computeQuoteTotals, type Discount, type PricedLine, QuoteTotalsError } from './quote-totals.ts';
import { TAX_CLASS_CODES, TAX_CLASSES } from './tax-classes.ts';

const line = (over: Partial<PricedLine> = {}): PricedLine => ({
  key: 'l1',
  quantity: 1,
  rateMinor: 100_000_00,
  taxClass: 'gst_18',
  ...over,
});

describe('quote totals, worked examples', () => {
  it('a Mumbai wedding in Mumbai: CGST 9% + SGST 9%', () => {
    const t = computeQuoteTotals({
      currency: 'INR',
      lines: [
        line({ key: 'decor', quantity: 1, rateMinor: 4_50_000_00 }),
        line({ key: 'food', quantity: 350, rateMinor: 1_850_00, taxClass: 'gst_5' }),
        line({ key: 'venue', quantity: 1, rateMinor: 3_00_000_00, taxClass: 'pass_through' }),
      ],
      discount: { kind: 'amount', amountMinor: 25_000_00 },
      regime: 'intra_state',
      rounding: 'nearest_rupee',
    });
    expect(t.subtotalMinor).toBe(4_50_000_00 + 6_47_500_00 + 3_00_000_00);
    // ₹25,000 split over décor and food (not the pass-through venue) by value.
    expect(t.lines[0]!.quoteDiscountMinor + t.lines[1]!.quoteDiscountMinor).toBe(25_000_00);
    expect(t.lines[2]!.quoteDiscountMinor).toBe(0);
    expect(t.passThroughMinor).toBe(3_00_000_00);
    expect(t.cgstMinor).toBe(t.sgstMinor);
    expect(t.taxSummary.map((r) => r.rateBp)).toEqual([1800, 500]);
    expect(t.taxMinor % 100).toBe(0);
    expect(t.totalMinor).toBe(t.subtotalMinor - t.discountMinor + t.taxMinor);
  });

  it('another state: IGST only; export: no tax', () => {
    const base = { currency: 'INR' as const, lines: [line()], rounding: 'nearest_rupee' as const };
    const inter = computeQuoteTotals({ ...base, regime: 'inter_state' });
    expect([inter.igstMinor, inter.cgstMinor, inter.sgstMinor]).toEqual([18_000_00, 0, 0]);
    const exp = computeQuoteTotals({ ...base, regime: 'export' });
    expect([exp.taxMinor, exp.totalMinor]).toEqual([0, 100_000_00]);
  });

  it('rounds once on the whole quote, not per line', () => {
    // 3 lines of ₹10.10 at 18%: ₹1.818 each. Per-line rupee rounding would give ₹6; once: ₹5.454 → ₹5.
    const t = computeQuoteTotals({
      currency: 'INR',
      lines: ['a', 'b', 'c'].map((key) => line({ key, rateMinor: 10_10 })),
      regime: 'inter_state',
      rounding: 'nearest_rupee',
    });
    expect(t.igstMinor).toBe(5_00);
    expect(t.taxRoundingMinor).toBe(5_00 - 5_45);
  });

  it('prices fractional quantities to the paisa', () => {
    const t = computeQuoteTotals({
      currency: 'INR',
      lines: [line({ quantity: 2.5, rateMinor: 3_333_33, taxClass: 'exempt' })],
      regime: 'intra_state',
      rounding: 'nearest_rupee',
    });
    expect(t.lines[0]!.grossMinor).toBe(8_333_33); // 8333.325 → half up
    expect(t.exemptValueMinor).toBe(8_333_33);
    expect(t.taxMinor).toBe(0);
  });

  it('refuses discounts larger than what they apply to, naming the field', () => {
    const tooBig = () =>
      computeQuoteTotals({
        currency: 'INR',
        lines: [line({ discount: { kind: 'amount', amountMinor: 200_000_00 } })],
        regime: 'intra_state',
        rounding: 'nearest_rupee',
      });
    expect(tooBig).toThrow(QuoteTotalsError);
    expect(tooBig).toThrow(/larger than the amount/);
    try {
      tooBig();
    } catch (e) {
      expect((e as QuoteTotalsError).field).toBe('lines.0.discount');
    }
  });

  it('refuses a total that overflows the largest amount', () => {
    expect(() =>
      computeQuoteTotals({
        currency: 'INR',
        lines: [line({ quantity: 1_000_000, rateMinor: 1_000_000_000_000_00 })],
        regime: 'intra_state',
        rounding: 'nearest_rupee',
      }),
    ).toThrow(/largest amount/);
  });
});

const arbDiscount: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 10_000 }).map((bp) => ({ kind: 'percent' as const, percent: bp / 100 })),
  fc.integer({ min: 0, max: 5_000_00 }).map((amountMinor) => ({ kind: 'amount' as const, amountMinor })),
);

const arbLine = fc.record({
  quantity: fc.integer({ min: 0, max: 100_000 }).map((m) => m / 1000),
  rateMinor: fc.integer({ min: 0, max: 50_00_000_00 }),
  discount: fc.option(
    fc.integer({ min: 0, max: 10_000 }).map((bp) => ({ kind: 'percent' as const, percent: bp / 100 })),
  ),
  taxClass: fc.constantFrom(...TAX_CLASS_CODES),
});

const arbQuote = fc.record({
  lines: fc.array(arbLine, { minLength: 1, maxLength: 30 }),
  discount: arbDiscount,
  rounding: fc.constantFrom(...TAX_ROUNDING_MODES),
});

type ArbQuote = typeof arbQuote extends fc.Arbitrary<infer T> ? T : never;

function priced(q: ArbQuote, regime: 'intra_state' | 'inter_state') {
  const lines = q.lines.map((l, i) => ({ ...l, key: `k${i}` }));
  const discountable = computeQuoteTotals({ currency: 'INR', lines, regime, rounding: q.rounding }).lines.reduce(
    (a, l, i) => (TAX_CLASSES[lines[i]!.taxClass].kind === 'pass_through' ? a : a + l.taxableMinor),
    0,
  );
  // An amount discount above the discountable value is refused by design; clamp it for the property.
  const discount =
    q.discount?.kind === 'amount'
      ? { kind: 'amount' as const, amountMinor: Math.min(q.discount.amountMinor, discountable) }
      : q.discount;
  return computeQuoteTotals({ currency: 'INR', lines, discount, regime, rounding: q.rounding });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('quote totals, properties', () => {
  it('never loses or invents a paisa through lines, discounts, tax split and rounding', () => {
    fc.assert(
      fc.property(arbQuote, fc.constantFrom('intra_state' as const, 'inter_state' as const), (q, regime) => {
        const t = priced(q, regime);
        for (const l of t.lines) {
          expect(l.grossMinor - l.lineDiscountMinor - l.quoteDiscountMinor).toBe(l.taxableMinor);
          expect(l.taxableMinor).toBeGreaterThanOrEqual(0);
          expect(l.cgstMinor + l.sgstMinor + l.igstMinor).toBe(l.taxMinor);
          expect(l.taxableMinor + l.taxMinor).toBe(l.totalMinor);
        }
        expect(sum(t.lines.map((l) => l.grossMinor))).toBe(t.subtotalMinor);
        expect(sum(t.lines.map((l) => l.lineDiscountMinor + l.quoteDiscountMinor))).toBe(t.discountMinor);
        expect(t.taxableValueMinor + t.exemptValueMinor + t.passThroughMinor).toBe(t.subtotalMinor - t.discountMinor);
        expect(sum(t.lines.map((l) => l.taxMinor))).toBe(t.taxMinor);
        expect(sum(t.taxSummary.map((r) => r.taxMinor))).toBe(t.taxMinor);
        expect(sum(t.taxSummary.map((r) => r.cgstMinor))).toBe(t.cgstMinor);
        expect(sum(t.taxSummary.map((r) => r.igstMinor))).toBe(t.igstMinor);
        expect(sum(t.taxSummary.map((r) => r.taxableMinor))).toBe(t.taxableValueMinor);
        expect(t.cgstMinor + t.sgstMinor + t.igstMinor).toBe(t.taxMinor);
        expect(t.totalMinor).toBe(t.subtotalMinor - t.discountMinor + t.taxMinor);
        if (regime === 'intra_state') {
          expect(t.cgstMinor).toBe(t.sgstMinor);
          expect(t.igstMinor).toBe(0);
        } else {
          expect(t.cgstMinor + t.sgstMinor).toBe(0);
        }
        if (q.rounding === 'nearest_rupee') expect((t.cgstMinor % 100) + (t.igstMinor % 100)).toBe(0);
      }),
    );
  });

  it('CGST + SGST differs from IGST on the same supply by at most the documented rounding', () => {
    fc.assert(
      fc.property(arbQuote, (q) => {
        const intra = priced(q, 'intra_state');
        const inter = priced(q, 'inter_state');
        expect(Math.abs(intra.cgstMinor + intra.sgstMinor - inter.igstMinor)).toBeLessThanOrEqual(
          maxSplitDifferenceMinor(q.rounding),
        );
        expect(intra.taxableValueMinor).toBe(inter.taxableValueMinor);
      }),
    );
  });

  it('tax is within the rounding of the exact rate applied to each line', () => {
    fc.assert(
      fc.property(arbQuote, (q) => {
        const t = priced(q, 'inter_state');
        const exact = sum(
          t.lines.map((l, i) => {
            const cls = TAX_CLASSES[q.lines[i]!.taxClass];
            return cls.kind === 'taxable' ? (l.taxableMinor * cls.rateBp) / 10_000 : 0;
          }),
        );
        const half = q.rounding === 'nearest_rupee' ? 50 : 0.5;
        expect(Math.abs(t.taxMinor - exact)).toBeLessThanOrEqual(half + 1e-6 * exact);
      }),
    );
  });
});
