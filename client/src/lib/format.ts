/** Indian conventions: dd/mm/yyyy, Asia/Kolkata, en-IN grouping. */
export const TIME_ZONE = 'Asia/Kolkata';

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFmt = new Intl.DateTimeFormat('en-IN', { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit' });

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-14" or an ISO date-time → "14/12/2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${dateFmt.format(d)}, ${timeFmt.format(d)}`;
}

export function formatDateRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

/** Today in Mumbai as YYYY-MM-DD, for comparing with date-only fields. */
export function todayInKolkata(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}

export function hourInKolkata(): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: 'numeric', hour12: false }).format(new Date()),
  );
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-IN').format(n);
}

/** "meta_ads" → "Meta ads" */
export function humanize(value: string): string {
  const s = value.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
