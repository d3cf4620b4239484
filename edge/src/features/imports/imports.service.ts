import {
  dedupeKeys,
  findRepeats,
  type ImportedLead,
  type ImportLeads,
  type ImportLeadsResult,
  type ImportRowResult,
  type ListingPlatform,
  readImportRow,
} from '@mandap/shared';
import type { DbOrTx } from '../../db/client.ts';
import { leads } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { type Actor, findExistingByKeys, leadValues, ownerPicker } from '../leads/lead-create.ts';
import { listingPlatformsOf } from '../leads/lead-options.service.ts';
import { recordLeadsCreated, reserveLeadCodes } from './bulk-journal.ts';

interface Checked {
  results: ImportRowResult[];
  good: { index: number; lead: ImportedLead }[];
}

/** Validates every row, then marks repeats within the file and leads that already exist. */
async function checkRows(db: DbOrTx, input: ImportLeads, platforms: readonly ListingPlatform[]): Promise<Checked> {
  const results: ImportRowResult[] = [];
  const readable: { index: number; lead: ImportedLead }[] = [];
  input.rows.forEach((cells, i) => {
    const line = input.firstLine + i;
    const r = readImportRow(cells, input.mapping, platforms);
    results.push({
      line,
      status: r.ok ? 'ok' : 'error',
      errors: r.ok ? [] : r.errors,
      duplicateOf: null,
      leadCode: null,
    });
    if (r.ok) readable.push({ index: i, lead: r.lead });
  });
  const repeats = findRepeats(readable.map((r) => r.lead));
  const existing = await findExistingByKeys(
    db,
    readable.map((r) => r.lead),
  );
  const good: Checked['good'] = [];
  readable.forEach((r, k) => {
    const result = results[r.index]!;
    const earlier = repeats[k];
    const match = dedupeKeys(r.lead)
      .map((key) => existing.get(key))
      .find(Boolean);
    if (match) Object.assign(result, { status: 'duplicate', duplicateOf: match.code });
    else if (earlier !== null && earlier !== undefined)
      Object.assign(result, { status: 'duplicate', duplicateOf: `line ${input.firstLine + readable[earlier]!.index}` });
    else good.push(r);
  });
  return { results, good };
}

function count(results: ImportRowResult[]): ImportLeadsResult['counts'] {
  const c = { ok: 0, created: 0, error: 0, duplicate: 0 };
  for (const r of results) c[r.status]++;
  return c;
}

/**
 * Imports one chunk of a spreadsheet. A dry run (commit false) writes nothing and reports
 * every row. A commit creates only the good rows, in one transaction with batched inserts;
 * rows already imported come back as duplicates, so importing a file twice creates nothing new.
 */
export async function importLeads(deps: Deps, input: ImportLeads, actor: Actor): Promise<ImportLeadsResult> {
  if (!input.commit) {
    const { results } = await checkRows(deps.db, input, listingPlatformsOf(deps));
    return { results, counts: count(results) };
  }
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { results, good } = await checkRows(tx, input, listingPlatformsOf(deps));
    const codes = await reserveLeadCodes(tx, good.length, now);
    const pickOwner = await ownerPicker(tx);
    const rows = good.map((g, k) =>
      leadValues(
        { ...g.lead },
        codes[k]!,
        pickOwner({ source: g.lead.source, city: g.lead.city, eventType: g.lead.eventType }),
        now,
      ),
    );
    const CHUNK = 200;
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(leads).values(rows.slice(i, i + CHUNK));
    await recordLeadsCreated(
      tx,
      rows.map((r) => ({ id: r.id, code: r.code, source: r.source, ownerId: r.ownerId, after: { ...r } })),
      {
        actorId: actor.actorId,
        at: now,
        requestId: actor.requestId ?? null,
        ip: actor.ip ?? null,
        fileName: input.fileName,
      },
    );
    for (const [k, g] of good.entries()) Object.assign(results[g.index]!, { status: 'created', leadCode: codes[k] });
    return { results, counts: count(results) };
  });
}
