import { type ImportReview, MERGE_FIELDS, readImportRow } from '@mandap/shared/leads';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { importRows, leads } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { listHouseEventTypes } from '../leads/event-types.service.ts';
import { listingPlatformsOf } from '../leads/lead-options.service.ts';
import { loadBatch } from './imports.service.ts';

const PAGE = 20;
const SHOWN = ['code', 'source', 'stage', ...MERGE_FIELDS] as const;

/** Possible duplicates, 20 at a time: what the row would create beside the lead it may be, field by field. */
export async function reviewItems(deps: Deps, id: string, offset: number): Promise<ImportReview> {
  const b = await loadBatch(deps.db, id);
  const where = and(eq(importRows.batchId, id), eq(importRows.status, 'review'));
  const [rows, total] = await Promise.all([
    deps.db.select().from(importRows).where(where).orderBy(asc(importRows.line)).limit(PAGE).offset(offset),
    deps.db.$count(importRows, where),
  ]);
  const ids = rows.map((r) => r.matchLeadId).filter((x): x is string => !!x);
  const existing = ids.length ? await deps.db.select().from(leads).where(inArray(leads.id, ids)) : [];
  const byId = new Map(existing.map((l) => [l.id, l]));
  const platforms = listingPlatformsOf(deps);
  const eventTypes = await listHouseEventTypes(deps.db);
  const pick = (o: Record<string, unknown>) => Object.fromEntries(SHOWN.map((f) => [f, o[f] ?? null]));
  return {
    total,
    items: rows.map((r) => {
      const read = readImportRow(r.cells, b.mapping ?? {}, platforms, eventTypes);
      return {
        line: r.line,
        reason: r.matchReason ?? '',
        decision: r.decision,
        incoming: pick({ ...(read.ok ? read.lead : {}), code: `line ${r.line}` }),
        existing: pick((byId.get(r.matchLeadId ?? '') ?? {}) as Record<string, unknown>),
      };
    }),
  };
}
