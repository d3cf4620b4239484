/**
 * Reads a date as people in India write it: dd/mm/yyyy (also dd-mm-yyyy, dd.mm.yyyy), or
 * ISO yyyy-mm-dd. Returns the ISO date, or null when it is not a real calendar date
 * (31/02/2026 is refused, not rolled over to March).
 */
export function parseIndianDate(raw: string): string | null {
  const text = raw.trim();
  let d: number;
  let m: number;
  let y: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex(
    (m) =>
      w.startsWith(m) &&
      'january february march april may june july august september october november december sept'.includes(w),
  );
  return i >= 0 ? i + 1 : null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** A date as a sheet holds it: a day, or only a month (kept as the whole month, never the 1st). */
export type SheetDate = { kind: 'day'; iso: string } | { kind: 'month'; from: string; to: string; month: string };

function day(y: number, m: number, d: number): SheetDate | null {
  const iso = parseIndianDate(`${pad2(d)}/${pad2(m)}/${y}`);
  return iso ? { kind: 'day', iso } : null;
}

function month(y: number, m: number): SheetDate | null {
  if (m < 1 || m > 12 || y < 1900 || y > 2200) return null;
  const ym = `${y}-${pad2(m)}`;
  return { kind: 'month', from: `${ym}-01`, to: `${ym}-${pad2(lastDay(y, m))}`, month: ym };
}

/**
 * Reads a date cell from a sheet. Days: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yy, ISO,
 * "12 Dec 2026", "12th December 2026", "Dec 12, 2026". Months: "Dec 2026", "December-26",
 * "12/2026", ISO "2026-12" (how the XLSX reader writes a month-formatted cell). A month is
 * returned as a month, with its first and last day; it is never turned into the 1st.
 * US order (12/25/2026) and impossible days are refused (null).
 */
export function parseSheetDate(raw: string): SheetDate | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  const iso = parseIndianDate(text);
  if (iso) return { kind: 'day', iso };
  for (const [pattern, read] of SHEET_DATE_FORMS) {
    const m = pattern.exec(text);
    if (m) return read(m);
  }
  return null;
}

/** The forms parseSheetDate reads beyond dd/mm/yyyy and ISO, each with how to read it. */
const SHEET_DATE_FORMS: [RegExp, (m: RegExpExecArray) => SheetDate | null][] = [
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/, (m) => day(fullYear(m[3]!), Number(m[2]), Number(m[1]))],
  [
    /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+\.?)[\s,-]+(\d{4}|\d{2})$/i,
    (m) => {
      const mo = monthOf(m[2]!);
      return mo ? day(fullYear(m[3]!), mo, Number(m[1])) : null;
    },
  ],
  [
    /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i,
    (m) => {
      const mo = monthOf(m[1]!);
      return mo ? day(Number(m[3]), mo, Number(m[2])) : null;
    },
  ],
  [
    /^([a-z]+\.?)[\s,'-]+(\d{4}|\d{2})$/i,
    (m) => {
      const mo = monthOf(m[1]!);
      return mo ? month(fullYear(m[2]!), mo) : null;
    },
  ],
  [/^(\d{1,2})[/.-](\d{4})$/, (m) => month(Number(m[2]), Number(m[1]))],
  [/^(\d{4})-(\d{2})$/, (m) => month(Number(m[1]), Number(m[2]))],
];

/** India dates and days live in time/india.ts; these names are kept for the lead rules that use them. */
