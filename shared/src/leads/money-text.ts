const MULTIPLIERS: Record<string, number> = {
  '': 1,
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  l: 1e5,
  lk: 1e5,
  lkh: 1e5,
  lac: 1e5,
  lacs: 1e5,
  lakh: 1e5,
  lakhs: 1e5,
  cr: 1e7,
  crs: 1e7,
  crore: 1e7,
  crores: 1e7,
};

/** Strips what people put around an amount: ₹, Rs., INR, "/-", "approx", grouping commas. */
function clean(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2012-\u2015\u2212]/g, '-') // dashes and the minus sign
    .replace(/(₹|\brs\.?|\binr\b)/g, ' ')
    .replace(/\/-/g, ' ')
    .replace(/\b(approx\.?|approximately|around|about|appx\.?|tentative|budget|rupees|only)\b|~/g, ' ')
    .replace(/(\d),(?=\d)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One amount with an optional unit, e.g. "12.5 lakh", "75k", "500000". Unit may be absent (then `unit` is ''). */
const AMOUNT = String.raw`(\d+(?:\.\d+)?)\s*([a-z]*)`;

function toMinor(num: string, unit: string): number | null {
  const mult = MULTIPLIERS[unit.replace(/\.$/, '')];
  if (mult === undefined) return null;
  const [whole, frac = ''] = num.split('.');
  const scale = 10 ** frac.length;
  const perUnitMinor = mult * 100;
  if (perUnitMinor % scale !== 0) return null; // finer than a paisa
  const minor = (Number(whole) * scale + Number(frac || '0')) * (perUnitMinor / scale);
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * Reads one rupee amount as people write it in sheets — "5,00,000", "₹ 5 lakh", "12L",
 * "1.5 cr", "Rs. 75000/-" — and returns paise (integer minor units), or null when unreadable.
 */
export function parseRupees(raw: string): number | null {
  const m = new RegExp(`^${AMOUNT}$`).exec(clean(raw));
  return m ? toMinor(m[1]!, m[2]!) : null;
}

/** A budget read from one cell: a lower and/or upper bound in paise, or why it could not be read. */
export type BudgetRead =
  | { ok: true; minMinor: number | null; maxMinor: number | null }
  | { ok: false; message: string };

const UNDER = /^(under|below|upto|up to|max|maximum|within|less than|not more than|<=?|≤)\s*/;
const OVER = /^(above|over|min|minimum|more than|at least|starting|from|>=?|≥)\s*/;
const PLUS = /\s*(\+|plus|and above|& above|or more|onwards|and more)$/;

/**
 * Reads a budget as people write it: a single amount ("12 lakh" is both the minimum and the
 * maximum), a range ("10-12 lakh", "75 lakh - 1 cr", "10 to 12L"; a unit on the second
 * amount only applies to both), an upper bound ("under 20L", "upto 15 lakh") or a lower bound
 * ("20L+", "above 50 lakh"). Negative amounts are refused with their own message.
 */
export function parseBudget(raw: string): BudgetRead {
  const text = clean(raw);
  if (text === '') {
    return /₹|rs|inr/i.test(raw)
      ? { ok: false, message: `"${raw}" has a currency sign but no amount; is the amount in the next column?` }
      : { ok: false, message: 'the budget is empty' };
  }
  if (/^(-|\()\s*\d/.test(text) || /^(minus)\b/.test(text))
    return { ok: false, message: `"${raw}" is a negative amount; a budget cannot be below zero` };
  const unreadable = {
    ok: false as const,
    message: `"${raw}" is not an amount; write 5,00,000, 5 lakh, 10-12 lakh or 20L+`,
  };
  const under = UNDER.exec(text);
  if (under) {
    const max = parseRupees(text.slice(under[0].length));
    return max === null ? unreadable : { ok: true, minMinor: null, maxMinor: max };
  }
  const over = OVER.exec(text);
  const plus = PLUS.exec(text);
  if (over || plus) {
    const body = text.slice(over ? over[0].length : 0, plus ? text.length - plus[0].length : text.length);
    const min = parseRupees(body);
    return min === null ? unreadable : { ok: true, minMinor: min, maxMinor: null };
  }
  const range = new RegExp(`^${AMOUNT}\\s*(?:-|to|–)\\s*${AMOUNT}$`).exec(text);
  if (range) {
    const [, n1, u1, n2, u2] = range as unknown as [string, string, string, string, string];
    // "10-12 lakh": the first amount borrows the second's unit.
    const lo = toMinor(n1, u1 || u2);
    const hi = toMinor(n2, u2);
    if (lo === null || hi === null) return unreadable;
    if (lo > hi) return { ok: false, message: `"${raw}" runs from a higher amount to a lower one` };
    return { ok: true, minMinor: lo, maxMinor: hi };
  }
  const single = parseRupees(text);
  return single === null ? unreadable : { ok: true, minMinor: single, maxMinor: single };
}
