import { parseRate } from '../money/fx.ts';
import { daysBetween, financialYear, financialYearOfDate, indiaDate as istDate } from '../time/india.ts';

/** A rate this far (either way) from the stored rate for the day needs an explicit confirmation. */
const FX_BAND = 0.1;
/** A payment is dated no later than today and no earlier than this many days ago. */
const PAYMENT_DATE_MAX_AGE_DAYS = 730;

export type BoundProblem = { field: string; reason: string } | null;

/** The rate as a number for comparisons only (never used to compute money). */
const approx = (rate: string) => {
  const { num, den } = parseRate(rate);
  return Number(num) / Number(den);
};

/**
 * An entered FX rate against the stored rate for that day: positive, and within
 * {@link FX_BAND} of the stored one unless `confirmed`. Without a stored rate, any
 * positive rate passes (there is nothing to compare it with).
 */
export function checkFxRate(
  field: string,
  rate: string,
  stored: string | null,
  confirmed: boolean,
  confirmField = 'fxRateConfirmed',
): BoundProblem {
  let entered: number;
  try {
    entered = approx(rate);
  } catch (e) {
    return { field, reason: (e as Error).message };
  }
  if (!stored || confirmed) return null;
  const ref = approx(stored);
  if (Math.abs(entered - ref) <= ref * FX_BAND) return null;
  return {
    field,
    reason: `${rate} is more than ${FX_BAND * 100}% away from the stored rate ${stored} for that day; check it, or confirm it (${confirmField}: true)`,
  };
}

/** A payment's date: not in the future (Asia/Kolkata) and not more than two years back. */
export function checkPaymentDate(field: string, on: string, now: Date): BoundProblem {
  const today = istDate(now);
  if (on > today) return { field, reason: `${on} is in the future; today is ${today}` };
  if (daysBetween(on, today) > PAYMENT_DATE_MAX_AGE_DAYS)
    return { field, reason: `${on} is more than ${PAYMENT_DATE_MAX_AGE_DAYS} days ago; check the date` };
  return null;
}

/**
 * A tax document's date: inside the financial year its number carries (the year it is
 * numbered in, `now`), and never after today.
 */
export function checkDocumentDate(field: string, on: string, now: Date): BoundProblem {
  const today = istDate(now);
  if (on > today) return { field, reason: `${on} is in the future; today is ${today}` };
  const fy = financialYear(now);
  const of = financialYearOfDate(on);
  if (of !== fy)
    return {
      field,
      reason: `${on} is in financial year ${of}, but this document is numbered in ${fy}; date it on or after ${fy.slice(0, 4)}-04-01`,
    };
  return null;
}
