import { newId } from '@mandap/shared/common';
import { assertBalanced, type PostingLine } from '@mandap/shared/payments';
import type { DbOrTx } from '../../db/client.ts';
import { type FxSnapshot, journalEntries, postings } from '../../db/schema/index.ts';

export interface NewEntry {
  memo: string;
  eventId: string | null;
  clientId: string | null;
  sourceType:
    | 'payment'
    | 'refund'
    | 'reversal'
    | 'invoice'
    | 'credit_note'
    | 'suspense'
    | 'suspense_release'
    | 'credit_applied'
    | 'credit_written_off'
    | 'vendor_bill'
    | 'vendor_payment';
  sourceId: string;
  fx: FxSnapshot | null;
  reversesEntryId?: string | null;
  lines: readonly PostingLine[];
  actorId: string | null;
  at: Date;
}

/** Writes one balanced journal entry with its postings (both append-only); returns its id. */
export async function postEntry(tx: DbOrTx, e: NewEntry): Promise<string> {
  const lines = assertBalanced(e.lines);
  const entryId = newId();
  await tx.insert(journalEntries).values({
    id: entryId,
    occurredAt: e.at.toISOString(),
    memo: e.memo,
    eventId: e.eventId,
    clientId: e.clientId,
    sourceType: e.sourceType,
    sourceId: e.sourceId,
    fx: e.fx,
    reversesEntryId: e.reversesEntryId ?? null,
    createdBy: e.actorId,
    createdAt: e.at.toISOString(),
  });
  await tx.insert(postings).values(lines.map((l) => ({ id: newId(), entryId, ...l })));
  return entryId;
}
