import { newId } from '@mandap/shared/common';
import {
  type ColumnMapping,
  guessColumnMapping,
  IMPORT_MAX_ROWS,
  type ImportBatchView,
  type ImportCounts,
  type ImportDecisions,
  type ImportRowsPage,
  type ImportRowView,
  type ParsedSheet,
  readSheetFile,
  SheetFileError,
} from '@mandap/shared/leads';
import { and, asc, desc, eq, gte, inArray, ne, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { importBatches, importMappings, importRows, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Actor } from '../../lib/journal.ts';
import { listingPlatformsOf } from '../leads/lead-options.service.ts';
import {
  type CheckedRow,
  checkRows,
  countRows,
  noProgress,
  PROGRESS_STEP,
  type ProgressSink,
  type StagedRow,
} from './import-check.ts';

type BatchRow = typeof importBatches.$inferSelect;
type RowRow = typeof importRows.$inferSelect;

/**
 * The header layout a mapping is remembered by: the headers' words, in order. A trailing
 * "Reason" column (added by our error report) is left out, so a fixed report re-imports with
 * the mapping of the file it came from.
 */
export function headerKeyOf(headers: readonly string[]): string {
  const words = headers.map((h) =>
    h
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
  if (words.at(-1) === 'reason') words.pop();
  return words.join('|');
}

const CHUNK = 200;

/** Inserts rows in statements of CHUNK rows (SQLite's variable limit), in the caller's transaction. */
async function insertRows(
  tx: DbOrTx,
  batchId: string,
  rows: readonly Omit<RowRow, 'batchId'>[],
  progress: ProgressSink = noProgress,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(importRows).values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, batchId })));
    const done = Math.min(rows.length, i + CHUNK);
    if (done % PROGRESS_STEP < CHUNK || done === rows.length)
      await progress({ phase: 'saving', done, total: rows.length });
  }
}

function rowView(
  r: Pick<RowRow, 'line' | 'cells' | 'status' | 'issues' | 'duplicateOf' | 'matchReason' | 'decision' | 'leadId'>,
): ImportRowView {
  return {
    line: r.line,
    status: r.status,
    cells: r.cells,
    issues: r.issues ?? [],
    duplicateOf: r.duplicateOf,
    matchReason: r.matchReason,
    decision: r.decision,
    leadId: r.leadId,
  };
}

async function loadBatch(db: DbOrTx, id: string): Promise<BatchRow> {
  const [b] = await db.select().from(importBatches).where(eq(importBatches.id, id)).limit(1);
  if (!b) throw notFound('The import');
  return b;
}

export async function batchView(db: DbOrTx, b: BatchRow): Promise<ImportBatchView> {
  const [remembered] = b.mapping
    ? []
    : await db.select().from(importMappings).where(eq(importMappings.headerKey, b.headerKey)).limit(1);
  const [creator] = b.createdBy
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, b.createdBy)).limit(1)
    : [];
  const preview = await db
    .select()
    .from(importRows)
    .where(eq(importRows.batchId, b.id))
    .orderBy(asc(importRows.line))
    .limit(5);
  const mapping = b.mapping ?? remembered?.mapping ?? guessColumnMapping(b.headers);
  return {
    id: b.id,
    fileName: b.fileName,
    kind: b.kind,
    encoding: b.encoding,
    sheets: b.sheets,
    sheet: b.sheet,
    headerLine: b.headerLine,
    headers: b.headers,
    mapping: mapping as Record<string, number>,
    mappingSource: b.mapping ? 'batch' : remembered ? 'remembered' : 'guessed',
    status: b.status,
    rowCount: b.rowCount,
    blankLines: b.blankLines,
    counts: b.counts,
    createdAt: b.createdAt,
    createdByName: creator?.name ?? null,
    committedAt: b.committedAt,
    undoneAt: b.undoneAt,
    preview: preview.map(rowView),
  };
}

export async function getBatch(deps: Deps, id: string) {
  return batchView(deps.db, await loadBatch(deps.db, id));
}

/**
 * Stages a whole spreadsheet on the server: reads it (encoding, sheet, cell types, real line
 * numbers) and stores every data row, unchecked. With several sheets and none named, the
 * sheet whose header names the most lead fields is taken; the others are listed to choose from.
 */
export async function stageFile(
  deps: Deps,
  file: { fileName: string; sheet: string | null; bytes: Uint8Array },
  actor: Actor,
): Promise<ImportBatchView> {
  if (file.bytes.length === 0)
    throw new AppError('validation_failed', 'The file is empty.', { fields: { file: 'empty' } });
  let sheet: ParsedSheet;
  try {
    sheet = readSheetFile(file.fileName, file.bytes, file.sheet);
    if (!file.sheet && sheet.sheets.length > 1) {
      const fit = (s: { headers: string[] }) => Object.keys(guessColumnMapping(s.headers)).length;
      for (const name of sheet.sheets) {
        if (name === sheet.sheet) continue;
        const other = readSheetFile(file.fileName, file.bytes, name);
        if (fit(other) > fit(sheet)) sheet = other;
      }
    }
  } catch (err) {
    if (err instanceof SheetFileError)
      throw new AppError('unprocessable', `${file.fileName}: ${err.message}`, { fields: { file: err.message } });
    throw err;
  }
  if (sheet.rows.length === 0)
    throw new AppError('unprocessable', `${file.fileName}: the sheet has a header but no rows.`);
  if (sheet.rows.length > IMPORT_MAX_ROWS)
    throw new AppError(
      'payload_too_large',
      `${file.fileName} has ${sheet.rows.length.toLocaleString('en-IN')} rows; split it into files of at most ${IMPORT_MAX_ROWS.toLocaleString('en-IN')}.`,
    );
  const id = newId();
  const now = deps.now().toISOString();
  await deps.db.transaction(async (tx) => {
    await tx.insert(importBatches).values({
      id,
      fileName: file.fileName,
      kind: sheet.kind,
      encoding: sheet.encoding,
      sheets: sheet.sheets,
      sheet: sheet.sheet,
      headerLine: sheet.headerLine,
      headers: sheet.headers,
      headerKey: headerKeyOf(sheet.headers),
      mapping: null,
      status: 'staged',
      rowCount: sheet.rows.length,
      blankLines: sheet.blankLines,
      counts: null,
      createdBy: actor.actorId,
      createdAt: now,
    });
    await insertRows(
      tx,
      id,
      sheet.rows.map((r) => ({
        line: r.line,
        cells: r.cells.map((c) => c.slice(0, 4000)),
        status: 'pending' as const,
        issues: null,
        duplicateOf: null,
        matchLeadId: null,
        matchReason: null,
        decision: null,
        leadId: null,
        mergedBefore: null,
      })),
    );
  });
  return getBatch(deps, id);
}

async function stagedRows(db: DbOrTx, batchId: string): Promise<StagedRow[]> {
  return db
    .select({
      line: importRows.line,
      cells: importRows.cells,
      decision: importRows.decision,
      matchLeadId: importRows.matchLeadId,
    })
    .from(importRows)
    .where(eq(importRows.batchId, batchId))
    .orderBy(asc(importRows.line));
}

/** Replaces the batch's rows with what a check (or a commit) found. One DELETE and a few batched INSERTs. */
export async function storeChecked(
  tx: DbOrTx,
  batchId: string,
  rows: readonly (CheckedRow & { leadId?: string | null; mergedBefore?: Record<string, unknown> | null })[],
  progress: ProgressSink = noProgress,
) {
  await tx.delete(importRows).where(eq(importRows.batchId, batchId));
  await insertRows(
    tx,
    batchId,
    rows.map((r) => ({
      line: r.line,
      cells: r.cells,
      status: r.status,
      issues: r.issues,
      duplicateOf: r.duplicateOf,
      matchLeadId: r.matchLeadId,
      matchReason: r.matchReason,
      decision: r.decision,
      leadId: r.leadId ?? null,
      mergedBefore: r.mergedBefore ?? null,
    })),
    progress,
  );
}

export function assertOpen(b: BatchRow) {
  if (b.status === 'committed')
    throw new AppError('conflict', `${b.fileName} was imported on ${b.committedAt}; it cannot be checked again.`);
  if (b.status === 'undone')
    throw new AppError('conflict', `${b.fileName} was imported and undone; upload it again to import it.`);
}

function assertColumns(b: BatchRow, mapping: ColumnMapping) {
  for (const [field, col] of Object.entries(mapping))
    if (col >= b.headers.length)
      throw new AppError(
        'validation_failed',
        `${field} is mapped to column ${col + 1}, but the sheet has ${b.headers.length} columns.`,
        {
          fields: { [`mapping.${field}`]: 'no such column' },
        },
      );
}

/** The dry run: checks every staged row as one file with this mapping, stores what it found, writes no lead. */
export async function checkBatch(
  deps: Deps,
  id: string,
  mapping: ColumnMapping,
  progress: ProgressSink = noProgress,
): Promise<ImportBatchView> {
  const b = await loadBatch(deps.db, id);
  assertOpen(b);
  assertColumns(b, mapping);
  const checked = await checkRows(
    deps.db,
    { kind: b.kind, headers: b.headers, mapping, rows: await stagedRows(deps.db, id) },
    listingPlatformsOf(deps),
    progress,
  );
  await deps.db.transaction(async (tx) => {
    await storeChecked(tx, id, checked.rows, progress);
    await tx
      .update(importBatches)
      .set({ mapping, status: 'checked', counts: checked.counts, checkedAt: deps.now().toISOString() })
      .where(eq(importBatches.id, id));
  });
  return getBatch(deps, id);
}

const PROBLEMS = ['warning', 'error', 'duplicate', 'review', 'skipped'] as const;

/** A page of the batch's rows, all or by status ("problems": everything that is not plainly fine). */
export async function listRows(
  deps: Deps,
  id: string,
  q: { status?: string | undefined; offset: number; limit: number },
): Promise<ImportRowsPage> {
  await loadBatch(deps.db, id);
  const where: SQL[] = [eq(importRows.batchId, id)];
  if (q.status === 'problems') where.push(inArray(importRows.status, [...PROBLEMS]));
  else if (q.status) where.push(eq(importRows.status, q.status as RowRow['status']));
  const [rows, total] = await Promise.all([
    deps.db
      .select()
      .from(importRows)
      .where(and(...where))
      .orderBy(asc(importRows.line))
      .limit(q.limit)
      .offset(q.offset),
    deps.db.$count(importRows, and(...where)),
  ]);
  return { rows: rows.map(rowView), total };
}

/** Records a person's decisions on possible duplicates (merge, keep both, skip); the counts follow. */
export async function decide(deps: Deps, id: string, input: ImportDecisions): Promise<ImportBatchView> {
  return deps.db.transaction(async (tx) => {
    const b = await loadBatch(tx, id);
    assertOpen(b);
    if (b.status !== 'checked') throw new AppError('conflict', 'Run the dry run first.');
    const lines = input.decisions.map((d) => d.line);
    const review = await tx
      .select({ line: importRows.line })
      .from(importRows)
      .where(and(eq(importRows.batchId, id), eq(importRows.status, 'review'), inArray(importRows.line, lines)));
    const open = new Set(review.map((r) => r.line));
    const wrong = lines.filter((l) => !open.has(l));
    if (wrong.length)
      throw new AppError(
        'validation_failed',
        `Line ${wrong.slice(0, 5).join(', ')} is not a possible duplicate waiting for a decision.`,
        {
          fields: { decisions: 'not in review' },
        },
      );
    for (const d of input.decisions)
      await tx
        .update(importRows)
        .set({ decision: d.decision })
        .where(and(eq(importRows.batchId, id), eq(importRows.line, d.line)));
    const all = await tx
      .select({ status: importRows.status, decision: importRows.decision })
      .from(importRows)
      .where(eq(importRows.batchId, id));
    await tx
      .update(importBatches)
      .set({ counts: countRows(all) })
      .where(eq(importBatches.id, id));
    return batchView(tx, await loadBatch(tx, id));
  });
}

/** Recent imports, newest first, with who made them and what they did. */
export async function listBatches(deps: Deps): Promise<ImportBatchView[]> {
  const since = new Date(deps.now().getTime() - 365 * 86_400_000).toISOString();
  const rows = await deps.db
    .select()
    .from(importBatches)
    .where(and(gte(importBatches.createdAt, since), ne(importBatches.status, 'staged')))
    .orderBy(desc(importBatches.createdAt))
    .limit(50);
  return Promise.all(rows.map(async (b) => ({ ...(await batchView(deps.db, b)), preview: [] })));
}

/** Remembers the mapping for this header layout (the next file with the same headers starts with it). */
export async function rememberMapping(
  tx: DbOrTx,
  b: BatchRow,
  mapping: ColumnMapping,
  actorId: string | null,
  at: string,
) {
  await tx
    .insert(importMappings)
    .values({ headerKey: b.headerKey, mapping, updatedBy: actorId, updatedAt: at })
    .onConflictDoUpdate({ target: importMappings.headerKey, set: { mapping, updatedBy: actorId, updatedAt: at } });
}

export type { BatchRow, ImportCounts };
export { loadBatch };
