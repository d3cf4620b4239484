/** Indian conventions: dd/mm/yyyy, Asia/Kolkata, en-IN grouping. Dates and times come from shared/time. */
import { formatIndianDate, formatIndianTime, indiaHour, indiaToday } from '@mandap/shared/time';

/** "2026-12-14" or an ISO date-time → "14/12/2026". */
export function formatDate(value: string | null | undefined): string {
  return value ? formatIndianDate(value) : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${formatIndianDate(d)}, ${formatIndianTime(d)}`;
}

export function formatDateRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

/** Today in Mumbai as YYYY-MM-DD, for comparing with date-only fields. */
export const todayInKolkata = (): string => indiaToday();

export const hourInKolkata = (): number => indiaHour();

export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-IN').format(n);
}

/** "meta_ads" → "Meta ads" */
export function humanize(value: string): string {
  const s = value.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
