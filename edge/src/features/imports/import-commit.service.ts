import {
  type ColumnMapping,
  type ImportBatchView,
  type ImportCommit,
  type MERGE_FIELDS,
  type MergeRecord,
  mergeRicher,
} from '@mandap/shared/leads';
import { and, eq, inArray, like, ne, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  communications,
  eventLog,
  events,
  importBatches,
  importRows,
  leadFollowUps,
  leads,
  quotes,
  storedFiles,
} from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { type Actor, recordChange, recordChanges } from '../../lib/journal.ts';
import { leadValues, ownerPicker } from '../leads/lead-create.ts';
import { listingPlatformsOf } from '../leads/lead-options.service.ts';
import { recordLeadsCreated, reserveLeadCodes } from './bulk-journal.ts';
import { checkRows, noProgress, PROGRESS_STEP, type ProgressSink } from './import-check.ts';
import { assertOpen, batchView, loadBatch, rememberMapping } from './imports.service.ts';

/** The external reference of a lead made by an import: the batch and the line, so an undo finds exactly its leads. */
export const importRef = (batchId: string, line: number) => `import:${batchId}:${line}`;

const sameMapping = (a: ColumnMapping | null, b: ColumnMapping) =>
  !!a && JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Commits a checked import in one transaction, exactly as the dry run promised: the file is
 * checked again against the database as it is now, and if that no longer gives the number of
 * new leads and merges the person saw (someone added a lead meanwhile), nothing is written
 * and the answer says to run the dry run again. Undecided possible duplicates block the
 * commit. New leads are inserted in batches; merges keep the richer value of each field and
 * are recorded in the lead's history with the values before.
 */
export async function commitBatch(
  deps: Deps,
  id: string,
  input: ImportCommit,
  actor: Actor,
  progress: ProgressSink = noProgress,
): Promise<ImportBatchView> {
  return deps.db.transaction(async (tx) => {
    const b = await loadBatch(tx, id);
    assertOpen(b);
    if (b.status !== 'checked' || !sameMapping(b.mapping, input.mapping))
      throw new AppError('conflict', 'The mapping changed since the dry run; run the dry run again before importing.');
    const staged = await tx
      .select({
        line: importRows.line,
        cells: importRows.cells,
        status: importRows.status,
        decision: importRows.decision,
        matchLeadId: importRows.matchLeadId,
      })
      .from(importRows)
      .where(eq(importRows.batchId, id))
      .orderBy(importRows.line);
    const { rows, counts } = await checkRows(
      tx,
      { kind: b.kind, headers: b.headers, mapping: input.mapping, rows: staged },
      listingPlatformsOf(deps),
      progress,
    );
    if (counts.undecided > 0)
      throw new AppError(
        'unprocessable',
        `${counts.undecided} possible duplicate${counts.undecided === 1 ? ' needs' : 's need'} a decision (merge, keep both or skip) before importing.`,
      );
    if (counts.toCreate !== input.expect.create || counts.toMerge !== input.expect.merge)
      throw new AppError(
        'conflict',
        `The leads changed since the dry run: it promised ${input.expect.create} new and ${input.expect.merge} merged, now it would be ${counts.toCreate} and ${counts.toMerge}. Nothing was imported; run the dry run again.`,
      );

    // Row by row, not just in total: every row must come out as the dry run showed it.
    const moved = rows.filter((r, i) => r.status !== staged[i]!.status || r.matchLeadId !== staged[i]!.matchLeadId);
    if (moved.length)
      throw new AppError(
        'conflict',
        `${moved.length} row${moved.length === 1 ? '' : 's'} (line ${moved
          .slice(0, 5)
          .map((r) => r.line)
          .join(
            ', ',
          )}) would now be imported differently from the dry run. Nothing was imported; run the dry run again.`,
      );
    const now = deps.now();
    const at = now.toISOString();
    const toCreate = rows.filter(
      (r) =>
        r.lead &&
        (r.status === 'ok' || r.status === 'warning' || (r.status === 'review' && r.decision === 'keep_both')),
    );
    const codes = await reserveLeadCodes(tx, toCreate.length, now);
    const pickOwner = await ownerPicker(tx);
    const values = toCreate.map((r, k) => {
      const l = r.lead!;
      return leadValues(
        // The row's place in this import, so an undo finds exactly the leads it made.
        { ...l, functions: l.functions.length ? l.functions : null, externalRef: importRef(id, r.line) },
        codes[k]!,
        pickOwner({ source: l.source, city: l.city, eventType: l.eventType }),
        now,
      );
    });
    for (let i = 0; i < values.length; i += 200) {
      await tx.insert(leads).values(values.slice(i, i + 200));
      const done = Math.min(values.length, i + 200);
      if (done % PROGRESS_STEP < 200 || done === values.length)
        await progress({ phase: 'creating', done, total: values.length });
    }
    await recordLeadsCreated(
      tx,
      values.map((v) => ({ id: v.id, code: v.code, source: v.source, ownerId: v.ownerId, after: { ...v } })),
      {
        actorId: actor.actorId,
        at: now,
        requestId: actor.requestId ?? null,
        ip: actor.ip ?? null,
        fileName: b.fileName,
      },
    );
    const leadIdOf = new Map(toCreate.map((r, k) => [r.line, values[k]!.id]));

    const mergedBefore = new Map<number, Record<string, unknown>>();
    for (const r of rows.filter((x) => x.status === 'review' && x.decision === 'merge')) {
      const [lead] = await tx.select().from(leads).where(eq(leads.id, r.matchLeadId!)).limit(1);
      if (!lead)
        throw new AppError('conflict', `The lead line ${r.line} was to be merged into is gone; run the dry run again.`);
      const changes = mergeRicher(lead as MergeRecord, r.lead as unknown as MergeRecord);
      const before = Object.fromEntries(Object.keys(changes).map((f) => [f, lead[f as (typeof MERGE_FIELDS)[number]]]));
      await tx
        .update(leads)
        .set({ ...(changes as Partial<typeof leads.$inferInsert>), updatedAt: at })
        .where(eq(leads.id, lead.id));
      await recordChange(tx, {
        type: 'lead.merged',
        aggregateType: 'lead',
        aggregateId: lead.id,
        payload: {
          code: lead.code,
          importedFrom: b.fileName,
          batchId: b.id,
          line: r.line,
          fields: Object.keys(changes),
        },
        actorId: actor.actorId,
        at: now,
        audit: { before, after: changes, ip: actor.ip ?? null, requestId: actor.requestId ?? null },
      });
      leadIdOf.set(r.line, lead.id);
      // The lead's own last change time goes back too on undo, so its own import stays undoable.
      mergedBefore.set(r.line, { ...before, updatedAt: lead.updatedAt });
    }

    // The rows keep what the dry run found; only their outcome is written, in four statements.
    const ofBatch = eq(importRows.batchId, id);
    await tx
      .update(importRows)
      .set({ status: 'created' })
      .where(and(ofBatch, inArray(importRows.status, ['ok', 'warning'])));
    for (const [decision, status] of [
      ['keep_both', 'created'],
      ['skip', 'skipped'],
    ] as const)
      await tx
        .update(importRows)
        .set({ status })
        .where(and(ofBatch, eq(importRows.status, 'review'), eq(importRows.decision, decision)));
    for (const [line, before] of mergedBefore)
      await tx
        .update(importRows)
        .set({ status: 'merged', leadId: leadIdOf.get(line) ?? null, mergedBefore: before })
        .where(and(ofBatch, eq(importRows.line, line)));
    const final = {
      ...counts,
      created: toCreate.length,
      merged: mergedBefore.size,
      skipped: rows.filter((r) => r.status === 'review' && r.decision === 'skip').length,
    };
    await tx
      .update(importBatches)
      .set({ status: 'committed', counts: final, committedAt: at })
      .where(eq(importBatches.id, id));
    await rememberMapping(tx, b, input.mapping, actor.actorId, at);
    await recordChange(tx, {
      type: 'import.committed',
      aggregateType: 'import',
      aggregateId: id,
      payload: { fileName: b.fileName, created: final.created, merged: final.merged },
      actorId: actor.actorId,
      at: now,
      audit: {
        before: null,
        after: { fileName: b.fileName, counts: final },
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
      },
    });
    return batchView(tx, await loadBatch(tx, id));
  });
}

/** Leads among `ids` that something has happened to since `at`: edited, moved, called, followed up, quoted, converted. */
async function touchedLeads(tx: DbOrTx, ids: string[], at: string): Promise<{ id: string; code: string }[]> {
  const touched = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 400) {
    const part = ids.slice(i, i + 400);
    const edited = await tx
      .select({ id: leads.id, code: leads.code })
      .from(leads)
      .where(and(inArray(leads.id, part), ne(leads.updatedAt, at)));
    for (const l of edited) touched.set(l.id, l.code);
    const refs = [
      tx.select({ id: communications.leadId }).from(communications).where(inArray(communications.leadId, part)),
      tx.select({ id: leadFollowUps.leadId }).from(leadFollowUps).where(inArray(leadFollowUps.leadId, part)),
      tx.select({ id: storedFiles.leadId }).from(storedFiles).where(inArray(storedFiles.leadId, part)),
      tx.select({ id: events.leadId }).from(events).where(inArray(events.leadId, part)),
      tx.select({ id: quotes.leadId }).from(quotes).where(inArray(quotes.leadId, part)),
      tx
        .select({ id: eventLog.aggregateId })
        .from(eventLog)
        .where(
          and(
            eq(eventLog.aggregateType, 'lead'),
            inArray(eventLog.aggregateId, part),
            notInArray(eventLog.type, ['lead.created', 'lead.merged', 'lead.merge_undone']),
          ),
        ),
    ];
    for (const rs of await Promise.all(refs)) for (const r of rs) if (r.id && !touched.has(r.id)) touched.set(r.id, '');
  }
  if ([...touched.values()].some((c) => !c)) {
    const missing = [...touched].filter(([, c]) => !c).map(([id]) => id);
    for (let i = 0; i < missing.length; i += 400) {
      const rs = await tx
        .select({ id: leads.id, code: leads.code })
        .from(leads)
        .where(inArray(leads.id, missing.slice(i, i + 400)));
      for (const r of rs) touched.set(r.id, r.code);
    }
  }
  return [...touched].map(([id, code]) => ({ id, code }));
}

/**
 * Undoes a committed import: its new leads are removed and its merges put back, in one
 * transaction, but only if nothing has happened to any of them since (no edit, move, call,
 * follow-up, file, quote or event). Otherwise nothing is undone and the answer names them.
 * The event log keeps the history: each removed lead gets `lead.import_undone`.
 */
export async function undoBatch(deps: Deps, id: string, actor: Actor): Promise<ImportBatchView> {
  return deps.db.transaction(async (tx) => {
    const b = await loadBatch(tx, id);
    if (b.status !== 'committed' || !b.committedAt)
      throw new AppError('conflict', `${b.fileName} has not been imported, so there is nothing to undo.`);
    const done = await tx
      .select({
        line: importRows.line,
        status: importRows.status,
        leadId: importRows.leadId,
        mergedBefore: importRows.mergedBefore,
      })
      .from(importRows)
      .where(and(eq(importRows.batchId, id), inArray(importRows.status, ['created', 'merged'])));
    const created = (
      await tx
        .select({ id: leads.id })
        .from(leads)
        .where(like(leads.externalRef, `${importRef(id, 0).slice(0, -1)}%`))
    ).map((l) => l.id);
    const merged = done.filter((r) => r.status === 'merged' && r.leadId);
    const touched = await touchedLeads(tx, [...created, ...merged.map((m) => m.leadId!)], b.committedAt);
    if (touched.length) {
      const codes = touched.map((t) => t.code).sort();
      throw new AppError(
        'conflict',
        `${touched.length} lead${touched.length === 1 ? ' has' : 's have'} been worked on since the import (${codes.slice(0, 5).join(', ')}${codes.length > 5 ? ', …' : ''}); nothing was undone.`,
      );
    }
    const now = deps.now();
    for (const m of merged) {
      await tx
        .update(leads)
        .set(m.mergedBefore as Partial<typeof leads.$inferInsert>)
        .where(eq(leads.id, m.leadId!));
      await recordChange(tx, {
        type: 'lead.merge_undone',
        aggregateType: 'lead',
        aggregateId: m.leadId!,
        payload: { batchId: id, fileName: b.fileName, line: m.line },
        actorId: actor.actorId,
        at: now,
      });
    }
    for (let i = 0; i < created.length; i += 400)
      await tx.delete(leads).where(inArray(leads.id, created.slice(i, i + 400)));
    const at = now.toISOString();
    await recordChanges(
      tx,
      created.map((leadId) => ({
        type: 'lead.import_undone' as const,
        aggregateType: 'lead',
        aggregateId: leadId,
        payload: { batchId: id, fileName: b.fileName },
        actorId: actor.actorId,
        at: now,
      })),
    );
    await tx.update(importBatches).set({ status: 'undone', undoneAt: at }).where(eq(importBatches.id, id));
    await recordChange(tx, {
      type: 'import.undone',
      aggregateType: 'import',
      aggregateId: id,
      payload: { fileName: b.fileName, removed: created.length, unmerged: merged.length },
      actorId: actor.actorId,
      at: now,
      audit: {
        before: { status: 'committed' },
        after: { status: 'undone', removed: created.length, unmerged: merged.length },
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
      },
    });
    return batchView(tx, await loadBatch(tx, id));
  });
}
