/**
 * TDS on a payment to a contractor (section 194C): 1% for an individual or HUF (PAN's fourth
 * letter P or H), 2% for others, 20% when no PAN is on file (section 206AA). It applies to an
 * Indian vendor once the contract exceeds ₹30,000; below that nothing is withheld.
 */
const TDS_THRESHOLD_MINOR = 30_000_00;

function tdsRatePercent(pan: string | null): number {
  if (!pan) return 20;
  return pan[3] === 'P' || pan[3] === 'H' ? 1 : 2;
}

/** The TDS withheld from a gross INR payment, rounded to the rupee as the return expects (in paise). */
export function tdsFor(opts: {
  country: string;
  currency: string;
  pan: string | null;
  contractMinor: number;
  grossMinor: number;
}): { ratePercent: number; tdsMinor: number } {
  if (opts.country !== 'IN' || opts.currency !== 'INR' || opts.contractMinor <= TDS_THRESHOLD_MINOR)
    return { ratePercent: 0, tdsMinor: 0 };
  const ratePercent = tdsRatePercent(opts.pan);
  const rupees = Math.round((opts.grossMinor * ratePercent) / 100 / 100);
  return { ratePercent, tdsMinor: rupees * 100 };
}
