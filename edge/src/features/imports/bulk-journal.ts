import { CODE_FORMATS, codeSequenceKey } from '@mandap/shared/common';
import type { LeadSource } from '@mandap/shared/leads';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { codeSequences } from '../../db/schema/index.ts';
import { type Actor, recordChanges } from '../../lib/journal.ts';

/** Reserves `n` consecutive lead codes with one atomic upsert (gapless inside the transaction). */
export async function reserveLeadCodes(tx: DbOrTx, n: number, at: Date): Promise<string[]> {
  if (n === 0) return [];
  const key = codeSequenceKey('lead', at);
  const [row] = await tx
    .insert(codeSequences)
    .values({ key, value: n })
    .onConflictDoUpdate({ target: codeSequences.key, set: { value: sql`${codeSequences.value} + ${n}` } })
    .returning({ value: codeSequences.value });
  const first = row!.value - n + 1;
  return Array.from({ length: n }, (_, i) => CODE_FORMATS.lead(at, first + i));
}

/** The journal entries of an import: one domain event and one audit entry per created lead, written in bulk. */
export async function recordLeadsCreated(
  tx: DbOrTx,
  created: { id: string; code: string; source: LeadSource; ownerId: string | null; after: Record<string, unknown> }[],
  meta: Actor & { at: Date; fileName: string },
) {
  await recordChanges(
    tx,
    created.map((c) => ({
      type: 'lead.created' as const,
      aggregateType: 'lead',
      aggregateId: c.id,
      payload: { code: c.code, source: c.source, ownerId: c.ownerId, importedFrom: meta.fileName },
      actorId: meta.actorId,
      at: meta.at,
      audit: { before: null, after: c.after, ip: meta.ip ?? null, requestId: meta.requestId ?? null },
    })),
  );
}
