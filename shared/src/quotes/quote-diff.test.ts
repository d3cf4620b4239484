import { describe, expect, it } from 'vitest';
import { diffQuoteVersions } from './quote-diff.ts';

const totals = (t: number) => ({ subtotalMinor: t, discountMinor: 0, taxMinor: 0, totalMinor: t });

describe('quote diff', () => {
  it('shows added, removed and changed lines by key, and the change in totals', () => {
    const v1 = {
      lines: [
        { key: 'a', description: 'Mandap décor', quantity: 1, rateMinor: 500_000_00 },
        { key: 'b', description: 'DJ', quantity: 1, rateMinor: 80_000_00 },
      ],
      totals: totals(580_000_00),
    };
    const v2 = {
      lines: [
        { key: 'a', description: 'Mandap décor', quantity: 1, rateMinor: 450_000_00 },
        { key: 'c', description: 'Dhol players', quantity: 4, rateMinor: 15_000_00 },
      ],
      totals: totals(510_000_00),
    };
    const d = diffQuoteVersions(v1, v2);
    expect(d.added.map((l) => l.key)).toEqual(['c']);
    expect(d.removed.map((l) => l.key)).toEqual(['b']);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.changes).toEqual([{ field: 'rateMinor', before: 500_000_00, after: 450_000_00 }]);
    expect(d.totals.find((t) => t.field === 'totalMinor')!.deltaMinor).toBe(-70_000_00);
  });

  it('finds nothing between a version and itself', () => {
    const v = { lines: [{ key: 'a', discount: { kind: 'percent', percent: 5 } }], totals: totals(1) };
    const d = diffQuoteVersions(v, JSON.parse(JSON.stringify(v)) as typeof v);
    expect([d.added, d.removed, d.changed]).toEqual([[], [], []]);
  });
});
