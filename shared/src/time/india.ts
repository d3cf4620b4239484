/**
 * India time, in one place. The house works in Asia/Kolkata (IST, UTC+05:30, no daylight
 * saving), so every "today", calendar day, time of day, financial year and dd/mm/yyyy in the
 * product comes from here. Calendar dates travel as `yyyy-mm-dd` strings that are already
 * India dates; instants travel as `Date` or ISO strings.
 */

const INDIA_TIME_ZONE = 'Asia/Kolkata';
/** The UTC offset, for writing an India wall-clock time as an ISO instant. */
const INDIA_UTC_OFFSET = '+05:30';
const OFFSET_MINUTES = 330;
const OFFSET_MS = OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant shifted so its UTC fields read as India wall-clock fields. */
const shifted = (at: Date | string) => new Date(new Date(at).getTime() + OFFSET_MS);

/** The India calendar day (yyyy-mm-dd) of an instant. */
export function indiaDate(at: Date | string): string {
  return shifted(at).toISOString().slice(0, 10);
}

/** Today in India as yyyy-mm-dd (pass the clock in tests and on the edge: `deps.now()`). */
export function indiaToday(now: Date = new Date()): string {
  return indiaDate(now);
}

/** The calendar year in India. */
export function indiaYear(at: Date): number {
  return shifted(at).getUTCFullYear();
}

/** Minutes since India midnight (0–1439) of an instant; null for an unreadable ISO string. */
export function indiaMinuteOfDay(at: Date | string): number | null {
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) return null;
  const minutes = Math.floor((ms + OFFSET_MS) / 60_000);
  return ((minutes % 1440) + 1440) % 1440;
}

/** The India time of day of an instant as HH:mm (24-hour). */
export function indiaTimeOfDay(at: Date | string): string {
  const m = indiaMinuteOfDay(at);
  if (m === null) return '';
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The hour (0–23) in India of an instant. */
export function indiaHour(at: Date = new Date()): number {
  return shifted(at).getUTCHours();
}

/**
 * The instant of an India wall-clock date and time: `indiaInstant('2026-12-14', '18:30')`.
 * Also takes `yyyy-mm-ddTHH:mm` (a date-time picker's value) as its one argument.
 */
export function indiaInstant(date: string, time = '00:00'): Date {
  const [d, t = time] = date.includes('T') || date.includes(' ') ? date.split(/[T ]/) : [date, time];
  const hhmm = (t ?? '').slice(0, 5);
  if (!ISO_DATE.test(d ?? '') || !WALL_TIME.test(hhmm))
    throw new RangeError(`Not an India date and time: ${date} ${t}`);
  return new Date(`${d}T${hhmm}:00${INDIA_UTC_OFFSET}`);
}

/** The same instant as an ISO string (UTC), for an API body. */
export const indiaInstantIso = (date: string, time?: string) => indiaInstant(date, time).toISOString();

/**
 * The instants an India calendar range covers: from the first day's midnight up to (not
 * including) the midnight after the last day. For database queries on timestamps.
 */
export function indiaDayRange(from: string, to: string = from): { start: Date; end: Date } {
  return { start: indiaInstant(from), end: new Date(indiaInstant(to).getTime() + DAY_MS) };
}

/** Calendar arithmetic on India dates (yyyy-mm-dd). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (yyyy-mm-dd; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Indian financial year (April–March) of an instant, read in India: `2026-27`. */
export function financialYear(at: Date): string {
  const d = shifted(at);
  const y = d.getUTCFullYear();
  const start = d.getUTCMonth() >= 3 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The financial year an India calendar date (yyyy-mm-dd) falls in. */
export const financialYearOfDate = (isoDate: string) => financialYear(indiaInstant(isoDate, '12:00'));

/** The first and last India dates of a financial year label (`2026-27` → 2026-04-01 … 2027-03-31). */
export function financialYearRange(label: string): { from: string; to: string } {
  const start = Number(label.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/**
 * dd/mm/yyyy. A yyyy-mm-dd date is printed as it is (it is already an India date); an instant
 * (Date or ISO date-time) is read in India. Unreadable input comes back unchanged.
 */
export function formatIndianDate(value: string | Date): string {
  if (typeof value === 'string') {
    const m = ISO_DATE.exec(value.slice(0, 10));
    if (m && value.length === 10) return `${m[3]}/${m[2]}/${m[1]}`;
    if (Number.isNaN(Date.parse(value))) return value;
  }
  const [y, mo, d] = indiaDate(value).split('-');
  return `${d}/${mo}/${y}`;
}

/** dd/mm/yyyy, HH:mm of an instant in India. */
export function formatIndianDateTime(at: string | Date): string {
  if (typeof at === 'string' && Number.isNaN(Date.parse(at))) return at;
  return `${formatIndianDate(new Date(at))}, ${indiaTimeOfDay(at)}`;
}

const clockFormat = new Intl.DateTimeFormat('en-IN', { timeZone: INDIA_TIME_ZONE, hour: 'numeric', minute: '2-digit' });

/** The India time of an instant as people read it in the UI: `6:30 pm`. */
export function formatIndianTime(at: string | Date): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : clockFormat.format(d);
}
