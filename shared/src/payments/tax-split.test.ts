import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditNoteLines, invoiceLines } from './entries.ts';
import { entryImbalance } from './ledger.ts';
import { contractGstParts, splitLikeContract } from './tax-split.ts';

const contract = contractGstParts({ totalMinor: 11_80_000_00, cgstMinor: 90_000_00, sgstMinor: 90_000_00 });

describe('GST split of invoices and credit notes', () => {
  it('reads the taxable value as the total less the taxes', () => {
    expect(contract.taxableMinor).toBe(10_00_000_00);
  });
  it('splits a 30% milestone into value, CGST and SGST that add up exactly', () => {
    const s = splitLikeContract(3_54_000_00, contract);
    expect(s).toEqual({
      taxableMinor: 3_00_000_00,
      cgstMinor: 27_000_00,
      sgstMinor: 27_000_00,
      igstMinor: 0,
      totalMinor: 3_54_000_00,
    });
  });
  it('falls back to half CGST, half SGST (odd paisa to SGST) or all IGST', () => {
    expect(contractGstParts({ totalMinor: 1181, fallbackTaxMinor: 181, isIntraState: true })).toMatchObject({
      cgstMinor: 90,
      sgstMinor: 91,
    });
    expect(contractGstParts({ totalMinor: 1181, fallbackTaxMinor: 181 })).toMatchObject({
      igstMinor: 181,
      taxableMinor: 1000,
    });
  });
  it('never loses a paisa and balances the invoice and its credit note, for any amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000_00 }),
        fc.integer({ min: 0, max: 5_00_000_00 }),
        (amount, tax) => {
          const c = contractGstParts({ totalMinor: amount + tax, fallbackTaxMinor: tax, isIntraState: tax % 2 === 0 });
          const s = splitLikeContract(amount, c);
          expect(s.taxableMinor + s.cgstMinor + s.sgstMinor + s.igstMinor).toBe(amount);
          expect(Math.abs(s.cgstMinor - s.sgstMinor)).toBeLessThanOrEqual(1);
          const p = {
            clientId: 'c1',
            eventType: 'wedding' as const,
            currency: 'INR' as const,
            ...s,
            totalInrMinor: amount,
          };
          expect(entryImbalance(invoiceLines(p))).toBeNull();
          expect(entryImbalance(creditNoteLines(p))).toBeNull();
        },
      ),
    );
  });
});
