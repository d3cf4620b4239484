import { uuidv7 } from 'uuidv7';
import { financialYear, indiaYear } from '../time/india.ts';

/** A time-sortable unique id (UUIDv7) for every record. */
export function newId(): string {
  return uuidv7();
}

/** Human codes by kind. Leads, clients and events count per calendar year; quotes, receipts and invoices per financial year. */
export const CODE_FORMATS = {
  lead: (at: Date, n: number) => `LD-${indiaYear(at)}-${String(n).padStart(4, '0')}`,
  client: (at: Date, n: number) => `CL-${indiaYear(at)}-${String(n).padStart(4, '0')}`,
  event: (at: Date, n: number) => `EV-${indiaYear(at)}-${String(n).padStart(4, '0')}`,
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
  return `${kind}:${indiaYear(at)}`;
}
