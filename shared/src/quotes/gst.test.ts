import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkGstin,
  GST_STATES,
  gstinCheckCharacter,
  gstRegime,
  isValidGstin,
  maxSplitDifferenceMinor,
  placeOfSupplyMismatch,
  roundTax,
} from './gst.ts';

// Published, real-format GSTINs with correct check characters.
const VALID = ['27AAPFU0939F1ZV', '29AAGCB7383J1Z4', '27AAHCG4821K1ZF'];
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('GSTIN', () => {
  it('accepts valid GSTINs and reports their state', () => {
    for (const g of VALID) expect(isValidGstin(g), g).toBe(true);
    expect(checkGstin('27aapfu0939f1zv')).toEqual({ ok: true, stateCode: '27' });
  });

  it('refuses every single-character change of a valid GSTIN', () => {
    for (const g of VALID) {
      for (let i = 0; i < g.length; i++) {
        for (const c of ALPHABET) {
          if (c === g[i]) continue;
          const changed = g.slice(0, i) + c + g.slice(i + 1);
          expect(isValidGstin(changed), changed).toBe(false);
        }
      }
    }
  });

  it('explains what is wrong', () => {
    expect(checkGstin('27AAPFU0939F1Z')).toMatchObject({ ok: false, reason: expect.stringMatching(/15 characters/) });
    expect(checkGstin('27AAPFU0939F1ZW')).toMatchObject({ ok: false, reason: expect.stringMatching(/checksum/) });
    expect(checkGstin('98AAPFU0939F1ZV')).toMatchObject({ ok: false, reason: expect.stringMatching(/state code/) });
  });

  it('the check character makes any well-formed body valid', () => {
    const body = fc
      .tuple(
        fc.constantFrom(...Object.keys(GST_STATES).filter((s) => s !== '96')),
        fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.constantFrom(...'123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      )
      .map(([s, p, n, l, e]) => `${s}${p}${String(n).padStart(4, '0')}${l}${e}Z`);
    fc.assert(fc.property(body, (b) => isValidGstin(b + gstinCheckCharacter(b))));
  });
});

describe('place of supply', () => {
  it.each([
    ['27', '27', 'intra_state'],
    ['27', '29', 'inter_state'],
    ['27', '07', 'inter_state'],
    ['29', '29', 'intra_state'],
    ['27', '96', 'export'],
    ['27', '97', 'inter_state'],
  ] as const)('supplier %s, place of supply %s → %s', (supplier, pos, regime) => {
    expect(gstRegime(supplier, pos)).toBe(regime);
  });
});

describe('section 170 rounding', () => {
  it('rounds tax to the nearest rupee, 50 paise up', () => {
    expect(roundTax(1234_49n, 1n, 'nearest_rupee')).toBe(1234_00n);
    expect(roundTax(1234_50n, 1n, 'nearest_rupee')).toBe(1235_00n);
    expect(roundTax(1234_50n, 1n, 'nearest_paisa')).toBe(1234_50n);
    // 18% of ₹99.99 = 17.9982 → ₹18 (rupee) or 18.00 (paise)
    expect(roundTax(99_99n * 1800n, 10_000n, 'nearest_rupee')).toBe(18_00n);
    expect(roundTax(99_99n * 1800n, 10_000n, 'nearest_paisa')).toBe(18_00n);
    expect(roundTax(99_97n * 1800n, 10_000n, 'nearest_paisa')).toBe(17_99n);
  });

  it('documents the largest CGST+SGST vs IGST difference', () => {
    expect(maxSplitDifferenceMinor('nearest_rupee')).toBe(100);
    expect(maxSplitDifferenceMinor('nearest_paisa')).toBe(1);
  });
});

describe('place of supply vs the buyer’s GSTIN', () => {
  it('is silent when the place of supply is the GSTIN’s state, or there is no valid GSTIN', () => {
    expect(placeOfSupplyMismatch('29AAGCB7383J1Z4', '29')).toBeNull();
    expect(placeOfSupplyMismatch(null, '29')).toBeNull();
    expect(placeOfSupplyMismatch('29AAGCB7383J1Z5', '27')).toBeNull();
  });
  it('names both states when they differ, export included', () => {
    expect(placeOfSupplyMismatch('29AAGCB7383J1Z4', '27')).toMatch(
      /registered in Karnataka \(29\) but the place of supply is Maharashtra \(27\)/,
    );
    expect(placeOfSupplyMismatch('27AAPFU0939F1ZV', '96')).toMatch(/Outside India/);
  });
});

describe('the full list of GST state codes', () => {
  it('knows the older and special codes real registrations still carry', () => {
    expect(GST_STATES['25']).toBe('Daman and Diu');
    expect(GST_STATES['28']).toMatch(/Andhra Pradesh/);
    expect(GST_STATES['97']).toBe('Other Territory');
    expect(GST_STATES['99']).toBe('Centre Jurisdiction');
    // 01 to 38 without a gap, then 97 and 99.
    expect(Object.keys(GST_STATES).filter((c) => c !== '96')).toHaveLength(40);
  });
});
