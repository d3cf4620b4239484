import { CODE_FORMATS, codeSequenceKey, newId } from '@mandap/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog, codeSequences, eventLog } from '../../db/schema/index.ts';

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

/** Batch version of recordChange for imports: one domain event and one audit entry per created lead. */
export async function recordLeadsCreated(
  tx: DbOrTx,
  created: { id: string; code: string; source: string; ownerId: string | null; after: Record<string, unknown> }[],
  meta: { actorId: string | null; at: Date; requestId: string | null; ip: string | null; fileName: string },
) {
  const at = meta.at.toISOString();
  const CHUNK = 200;
  for (let i = 0; i < created.length; i += CHUNK) {
    const part = created.slice(i, i + CHUNK);
    await tx.insert(eventLog).values(
      part.map((c) => ({
        id: newId(),
        type: 'lead.created',
        aggregateType: 'lead',
        aggregateId: c.id,
        payload: { code: c.code, source: c.source, ownerId: c.ownerId, importedFrom: meta.fileName },
        actorId: meta.actorId,
        occurredAt: at,
      })),
    );
    await tx.insert(auditLog).values(
      part.map((c) => ({
        id: newId(),
        actorId: meta.actorId,
        action: 'lead.created',
        entityType: 'lead',
        entityId: c.id,
        before: null,
        after: c.after,
        ip: meta.ip,
        requestId: meta.requestId,
        at,
      })),
    );
  }
}
