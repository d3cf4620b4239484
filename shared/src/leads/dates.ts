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

/** ISO yyyy-mm-dd → dd/mm/yyyy for display. */
export function formatIndianDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const IST_OFFSET_MS = 330 * 60_000;

/** The calendar day (yyyy-mm-dd) of an instant in Asia/Kolkata. */
export function istDay(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}
