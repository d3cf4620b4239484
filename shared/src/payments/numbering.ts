import { financialYear } from '../time/india.ts';

/** GST rule 46: an invoice number is at most 16 characters (letters, digits, / and -), unique per financial year. */
export const MAX_INVOICE_NUMBER_LENGTH = 16;

/** 2026-27 → 2627. */
function fyShort(at: Date): string {
  const fy = financialYear(at);
  return `${fy.slice(2, 4)}${fy.slice(5, 7)}`;
}

/** Tax invoice and credit note numbers: INV/2627/000123 (15 characters), CN/2627/000012 (14). */
export const DOCUMENT_FORMATS = {
  invoice: (at: Date, n: number) => `INV/${fyShort(at)}/${String(n).padStart(6, '0')}`,
  credit_note: (at: Date, n: number) => `CN/${fyShort(at)}/${String(n).padStart(6, '0')}`,
} as const;
export type DocumentKind = keyof typeof DOCUMENT_FORMATS;

/** The counter a document number draws from: one per kind and financial year. */
export function documentSequenceKey(kind: DocumentKind, at: Date): string {
  return `${kind}:${financialYear(at)}`;
}

/** True when `n` is a valid GST document number (length and characters). */
export function isGstDocumentNumber(n: string): boolean {
  return n.length > 0 && n.length <= MAX_INVOICE_NUMBER_LENGTH && /^[A-Za-z0-9/-]+$/.test(n);
}
