import { allocate } from '../money/money.ts';

/** The GST make-up of an amount: value before tax and each component; they add up to `totalMinor`. */
export interface GstParts {
  taxableMinor: number;
  cgstMinor: number;
  sgstMinor: number;
  igstMinor: number;
  totalMinor: number;
}

/**
 * The GST make-up of a contract (an accepted quote version) from its total and taxes. When
 * the version's tax detail is missing, `fallbackTaxMinor` is split CGST + SGST (half each,
 * the odd paisa to SGST) for an intra-state supply or charged as IGST otherwise.
 */
export function contractGstParts(p: {
  totalMinor: number;
  cgstMinor?: number | undefined;
  sgstMinor?: number | undefined;
  igstMinor?: number | undefined;
  fallbackTaxMinor?: number;
  isIntraState?: boolean;
}): GstParts {
  let { cgstMinor = 0, sgstMinor = 0, igstMinor = 0 } = p;
  if (p.cgstMinor === undefined && p.igstMinor === undefined && p.fallbackTaxMinor) {
    if (p.isIntraState) {
      cgstMinor = Math.floor(p.fallbackTaxMinor / 2);
      sgstMinor = p.fallbackTaxMinor - cgstMinor;
    } else igstMinor = p.fallbackTaxMinor;
  }
  const taxableMinor = p.totalMinor - cgstMinor - sgstMinor - igstMinor;
  if (taxableMinor < 0) throw new RangeError('taxes exceed the total');
  return { taxableMinor, cgstMinor, sgstMinor, igstMinor, totalMinor: p.totalMinor };
}

/**
 * Splits `amountMinor` (a milestone, the rest of a contract, a refund) into the contract's GST
 * proportions with {@link allocate}, so the parts add up to the amount exactly; CGST and SGST
 * stay equal to within a paisa.
 */
export function splitLikeContract(amountMinor: number, contract: GstParts): GstParts {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0)
    throw new RangeError('amount must be a non-negative integer');
  if (amountMinor === 0 || contract.totalMinor === 0)
    return { taxableMinor: amountMinor, cgstMinor: 0, sgstMinor: 0, igstMinor: 0, totalMinor: amountMinor };
  const [taxableMinor, cgstMinor, sgstMinor, igstMinor] = allocate(amountMinor, [
    contract.taxableMinor,
    contract.cgstMinor,
    contract.sgstMinor,
    contract.igstMinor,
  ]) as [number, number, number, number];
  return { taxableMinor, cgstMinor, sgstMinor, igstMinor, totalMinor: amountMinor };
}
