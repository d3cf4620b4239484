const MULTIPLIERS: Record<string, number> = {
  '': 1,
  k: 1e3,
  thousand: 1e3,
  l: 1e5,
  lac: 1e5,
  lakh: 1e5,
  lakhs: 1e5,
  lacs: 1e5,
  cr: 1e7,
  crore: 1e7,
  crores: 1e7,
};

/**
 * Reads a rupee amount as people write it in sheets — "5,00,000", "₹ 5 lakh", "12L",
 * "1.5 cr", "Rs. 75000" — and returns paise (integer minor units), or null when unreadable.
 */
export function parseRupees(raw: string): number | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^(₹|rs\.?|inr)\s*/, '')
    .replace(/,/g, '')
    .replace(/\s+/g, ' ');
  const m = /^(\d+)(?:\.(\d+))?\s*([a-z]*)$/.exec(text);
  if (!m) return null;
  const mult = MULTIPLIERS[m[3]!];
  if (mult === undefined) return null;
  const frac = m[2] ?? '';
  const scale = 10 ** frac.length;
  const perUnitMinor = mult * 100;
  if (perUnitMinor % scale !== 0) return null; // finer than a paisa
  const minor = (Number(m[1]) * scale + Number(frac || '0')) * (perUnitMinor / scale);
  return Number.isSafeInteger(minor) ? minor : null;
}
