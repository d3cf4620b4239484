import { and, asc, eq, inArray } from 'drizzle-orm';
import { importRows } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { loadBatch } from './imports.service.ts';

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The rows of an import that did not come in (refused, duplicates, skipped, or still waiting
 * for a decision), as a CSV to fix in Excel and import again: the original header and cells,
 * plus a Reason column naming the line and every problem. UTF-8 with a byte-order mark, so
 * Excel shows Devanagari and ₹. Cells are written back exactly as read (a row with too many
 * cells keeps its extra ones after the Reason), so the fixed file re-imports as it was meant.
 */
export async function errorReport(deps: Deps, id: string): Promise<{ fileName: string; csv: string }> {
  const b = await loadBatch(deps.db, id);
  const rows = await deps.db
    .select()
    .from(importRows)
    .where(and(eq(importRows.batchId, id), inArray(importRows.status, ['error', 'duplicate', 'skipped', 'review'])))
    .orderBy(asc(importRows.line));
  const reason = (r: (typeof rows)[number]) => {
    const parts = (r.issues ?? []).filter((i) => i.level === 'error').map((i) => i.message);
    if (r.status === 'duplicate') parts.push(`duplicate of ${r.duplicateOf}`);
    if (r.status === 'review')
      parts.push(
        `possible duplicate: ${r.matchReason}; ${r.decision ? `decided: ${r.decision.replace('_', ' ')}` : 'no decision yet'}`,
      );
    if (r.status === 'skipped') parts.push(`skipped as a duplicate: ${r.matchReason}`);
    return `line ${r.line}: ${parts.join('; ')}`;
  };
  const width = b.headers.length;
  const lines = [
    [...b.headers, 'Reason'],
    ...rows.map((r) => [
      ...r.cells.slice(0, width),
      ...Array(Math.max(0, width - r.cells.length)).fill(''),
      reason(r),
      ...r.cells.slice(width),
    ]),
  ].map((cells) => cells.map((c) => csvCell(String(c))).join(','));
  return {
    fileName: `${b.fileName.replace(/\.(csv|xlsx)$/i, '')} - not imported.csv`,
    csv: `\uFEFF${lines.join('\r\n')}\r\n`,
  };
}
