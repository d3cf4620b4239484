import { DOCUMENT_FORMATS, type DocumentKind, documentSequenceKey } from '@mandap/shared/payments';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { codeSequences } from '../../db/schema/index.ts';

/**
 * The next GST document number of a kind in the financial year of `at` (INV/2627/000123).
 * One atomic upsert: inside the issuing transaction it is consecutive, and concurrent
 * issuers never share a number (a rolled-back issue returns its number with it).
 */
export async function nextDocumentNumber(tx: DbOrTx, kind: DocumentKind, at: Date) {
  const key = documentSequenceKey(kind, at);
  const [row] = await tx
    .insert(codeSequences)
    .values({ key, value: 1 })
    .onConflictDoUpdate({ target: codeSequences.key, set: { value: sql`${codeSequences.value} + 1` } })
    .returning({ value: codeSequences.value });
  return { number: DOCUMENT_FORMATS[kind](at, row!.value), seq: row!.value };
}
