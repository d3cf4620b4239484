import { uuidv7 } from 'uuidv7';

/** A time-sortable unique id (UUIDv7) for every record. */
export function newId(): string {
  return uuidv7();
}

/** Indian financial year label for a date: April–March, e.g. 2026-27. Dates are read in Asia/Kolkata. */
export function financialYear(at: Date): string {
  const ist = new Date(at.getTime() + 330 * 60_000);
  const y = ist.getUTCFullYear();
  const start = ist.getUTCMonth() >= 3 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Calendar year in Asia/Kolkata. */
export function istYear(at: Date): number {
  return new Date(at.getTime() + 330 * 60_000).getUTCFullYear();
}

/** Human codes by kind. Leads, clients and events count per calendar year; quotes, receipts and invoices per financial year. */
export const CODE_FORMATS = {
  lead: (at: Date, n: number) => `LD-${istYear(at)}-${String(n).padStart(4, '0')}`,
  client: (at: Date, n: number) => `CL-${istYear(at)}-${String(n).padStart(4, '0')}`,
  event: (at: Date, n: number) => `EV-${istYear(at)}-${String(n).padStart(4, '0')}`,
  vendor: (_at: Date, n: number) => `VN-${String(n).padStart(4, '0')}`,
  quote: (at: Date, n: number) => `QT/${financialYear(at)}/${String(n).padStart(4, '0')}`,
  receipt: (at: Date, n: number) => `RCPT/${financialYear(at)}/${String(n).padStart(4, '0')}`,
  po: (at: Date, n: number) => `PO/${financialYear(at)}/${String(n).padStart(4, '0')}`,
} as const;
export type CodeKind = keyof typeof CODE_FORMATS;

/** The counter a code draws from: one sequence per kind and year. */
export function codeSequenceKey(kind: CodeKind, at: Date): string {
  if (kind === 'vendor') return 'vendor';
  if (kind === 'quote' || kind === 'receipt' || kind === 'po') return `${kind}:${financialYear(at)}`;
  return `${kind}:${istYear(at)}`;
}
