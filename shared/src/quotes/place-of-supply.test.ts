import { describe, expect, it } from 'vitest';
import { gstinCheckCharacter, placeOfSupplyFromGstin } from './gst.ts';

const withCheck = (first14: string) => first14 + gstinCheckCharacter(first14);

describe('place of supply from the buyer GSTIN', () => {
  it('is the state code in the first two digits of a valid GSTIN, however it was typed', () => {
    expect(placeOfSupplyFromGstin('27AAPFU0939F1ZV')).toBe('27');
    expect(placeOfSupplyFromGstin(' 27aapfu0939f1zv ')).toBe('27');
    expect(placeOfSupplyFromGstin('27 AAPFU 0939F 1ZV')).toBe('27');
    expect(placeOfSupplyFromGstin(withCheck('29AAPFU0939F1Z'))).toBe('29');
    // Older and special codes that real registrations still carry.
    expect(placeOfSupplyFromGstin(withCheck('25AAPFU0939F1Z'))).toBe('25');
    expect(placeOfSupplyFromGstin(withCheck('97AAPFU0939F1Z'))).toBe('97');
    expect(placeOfSupplyFromGstin(withCheck('99AAPFU0939F1Z'))).toBe('99');
  });

  it('moves nothing for a half-typed, mistyped or unknown-state GSTIN', () => {
    expect(placeOfSupplyFromGstin('')).toBeNull();
    expect(placeOfSupplyFromGstin(null)).toBeNull();
    expect(placeOfSupplyFromGstin('27AAPFU')).toBeNull();
    expect(placeOfSupplyFromGstin('27AAPFU0939F1ZW')).toBeNull(); // wrong checksum
    expect(placeOfSupplyFromGstin(withCheck('98AAPFU0939F1Z'))).toBeNull(); // 98 is no state
    expect(placeOfSupplyFromGstin(withCheck('96AAPFU0939F1Z'))).toBeNull(); // 96 is export, never a GSTIN
  });
});
