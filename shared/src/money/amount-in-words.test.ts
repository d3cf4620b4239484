import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './amount-in-words.ts';

describe('amount in words', () => {
  it('uses lakh and crore for rupees', () => {
    expect(amountInWords({ amountMinor: 12_34_500_00, currency: 'INR' })).toBe(
      'Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Only',
    );
    expect(amountInWords({ amountMinor: 5_21_07_019_00, currency: 'INR' })).toBe(
      'Rupees Five Crore Twenty-One Lakh Seven Thousand Nineteen Only',
    );
    expect(amountInWords({ amountMinor: 1_000_50, currency: 'INR' })).toBe('Rupees One Thousand and Fifty Paise Only');
    expect(amountInWords({ amountMinor: 99, currency: 'INR' })).toBe('Ninety-Nine Paise Only');
    expect(amountInWords({ amountMinor: 0, currency: 'INR' })).toBe('Rupees Zero Only');
  });

  it('spells crores of crores', () => {
    expect(numberInWords(1_00_000_00_00_000n)).toBe('One Lakh Crore');
    expect(numberInWords(12_345_67_89_012n)).toBe(
      'Twelve Thousand Three Hundred Forty-Five Crore Sixty-Seven Lakh Eighty-Nine Thousand Twelve',
    );
  });

  it('uses the international system and the right minor unit for other currencies', () => {
    expect(amountInWords({ amountMinor: 1_250_000_25, currency: 'AED' })).toBe(
      'UAE Dirhams One Million Two Hundred Fifty Thousand and Twenty-Five Fils Only',
    );
    expect(amountInWords({ amountMinor: 101_01, currency: 'USD' })).toBe(
      'US Dollars One Hundred One and One Cents Only',
    );
  });
});
