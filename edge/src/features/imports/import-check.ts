import {
  type ColumnMapping,
  dedupeKeys,
  type ImportCounts,
  type ImportDecisions,
  type ImportedLead,
  type ImportProgress,
  type ImportRowIssue,
  type ImportRowStatus,
  type ListingPlatform,
  namesAlike,
  normalisePhone,
  readImportRow,
  telling,
} from '@mandap/shared/leads';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { leads } from '../../db/schema/index.ts';
import { listHouseEventTypes } from '../leads/event-types.service.ts';
import { findExistingByKeys } from '../leads/lead-create.ts';

/** A staged row as the check sees it. */
export interface StagedRow {
  line: number;
  cells: string[];
  decision: ImportDecisions['decisions'][number]['decision'] | null;
  matchLeadId: string | null;
}

/** What the dry run found for one row. `lead` is what a commit would create from it. */
export interface CheckedRow {
  line: number;
  cells: string[];
  status: ImportRowStatus;
  issues: ImportRowIssue[];
  duplicateOf: string | null;
  matchLeadId: string | null;
  matchReason: string | null;
  decision: StagedRow['decision'];
  lead: ImportedLead | null;
}

/** The contact facts of a row that could not be read as a whole, so its duplicates are still found. */
function contactOf(cells: readonly string[], mapping: ColumnMapping) {
  const at = (i: number | undefined) => (i === undefined ? '' : String(cells[i] ?? '').trim());
  const p = at(mapping.phone) ? normalisePhone(at(mapping.phone)) : null;
  const email = at(mapping.email).toLowerCase();
  return { phone: p?.ok ? p.e164 : null, email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null };
}

/** Told how far a long check or commit has come (a streamed answer writes it out; others ignore it). */
export type ProgressSink = (p: ImportProgress) => Promise<void>;
export const noProgress: ProgressSink = async () => {};
/** Rows between progress reports. */
export const PROGRESS_STEP = 2000;

/**
 * Checks a whole staged file as one: every row read through the mapping; a row whose cell
 * count differs from the header refused with its line (never shifted); exact duplicates (same
 * phone or email, and a name that agrees) skipped, against earlier rows at any distance and
 * against the database, also for rows refused for other reasons; possible duplicates (same
 * contact with another name, or a similar name at the same organisation's email domain) sent
 * to review, keeping a decision already made for the same match.
 */
export async function checkRows(
  db: DbOrTx,
  input: { kind: 'csv' | 'xlsx'; headers: readonly string[]; mapping: ColumnMapping; rows: readonly StagedRow[] },
  platforms: readonly ListingPlatform[],
  progress: ProgressSink = noProgress,
): Promise<{ rows: CheckedRow[]; counts: ImportCounts }> {
  const width = input.headers.length;
  const total = input.rows.length;
  const eventTypes = await listHouseEventTypes(db);
  const rows: CheckedRow[] = [];
  for (let i = 0; i < total; i += PROGRESS_STEP) {
    rows.push(...input.rows.slice(i, i + PROGRESS_STEP).map(readRow));
    await progress({ phase: 'reading', done: rows.length, total });
  }
  function readRow(r: StagedRow): CheckedRow {
    const issues: ImportRowIssue[] = [];
    let extra = r.cells.length - width;
    while (extra > 0 && !r.cells[width + extra - 1]!.trim()) extra--;
    // An .xlsx row simply ends at its last filled cell; a CSV row must have every column.
    const short = input.kind === 'csv' && r.cells.length < width && r.cells.length > 1;
    if (extra > 0 || short)
      issues.push({
        level: 'error',
        field: 'row',
        message: `line ${r.line} has ${extra > 0 ? width + extra : r.cells.length} cells but the header has ${width}: a stray or missing comma would shift its values into the wrong columns, so it is not imported`,
      });
    const read = readImportRow(r.cells, input.mapping, platforms, eventTypes);
    for (const w of read.warnings) issues.push({ level: 'warning', ...w });
    if (!read.ok) for (const e of read.errors) issues.push({ level: 'error', ...e });
    const refused = issues.some((i) => i.level === 'error');
    return {
      line: r.line,
      cells: r.cells,
      status: refused ? 'error' : issues.length ? 'warning' : 'ok',
      issues,
      duplicateOf: null,
      matchLeadId: null,
      matchReason: null,
      decision: null,
      lead: read.ok && !refused ? read.lead : null,
    };
  }

  // Exact duplicates within the file: the first importable row with a key keeps it.
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    if (!r.lead) continue;
    const keys = dedupeKeys(r.lead);
    const earlier = keys.map((k) => firstLine.get(k)).find((v) => v !== undefined);
    if (earlier !== undefined) {
      r.status = 'duplicate';
      r.duplicateOf = `line ${earlier}`;
    } else for (const k of keys) firstLine.set(k, r.line);
  }

  // Against the database: all keys at once (chunked), including those of refused rows.
  const contacts = rows.map((r) => r.lead ?? contactOf(r.cells, input.mapping));
  await progress({ phase: 'matching', done: 0, total });
  const existing = await findExistingByKeys(db, contacts);
  const staged = new Map(input.rows.map((r) => [r.line, r]));
  rows.forEach((r, i) => {
    const keys = dedupeKeys(contacts[i]!);
    const match = keys.map((k) => existing.get(k)).find(Boolean);
    if (r.status === 'error') {
      const inFile = keys.map((k) => firstLine.get(k)).find((v) => v !== undefined && v !== r.line);
      const dup = match?.code ?? (inFile !== undefined ? `line ${inFile}` : null);
      if (dup) {
        r.duplicateOf = dup;
        r.issues.push({ level: 'error', field: 'row', message: `also a duplicate of ${dup}` });
      }
      return;
    }
    if (!match || r.status === 'duplicate' || !r.lead) return;
    if (namesAlike(r.lead.name, match.name) || r.lead.name.startsWith('Enquiry ')) {
      r.status = 'duplicate';
      r.duplicateOf = match.code;
    } else {
      const same = r.lead.phone && r.lead.phone === match.phone ? 'phone' : 'email';
      toReview(r, match.id, `same ${same} as ${match.code} (${match.name}), but the name differs`, staged.get(r.line));
    }
  });

  // Similar names at the same organisation's email domain (not gmail.com and the like).
  const byDomain = new Map<string, CheckedRow[]>();
  for (const r of rows) {
    const d = r.lead && (r.status === 'ok' || r.status === 'warning') ? telling(r.lead.email) : null;
    if (d) byDomain.set(d, [...(byDomain.get(d) ?? []), r]);
  }
  const domains = [...byDomain.keys()];
  for (let i = 0; i < domains.length; i += 200) {
    const part = domains.slice(i, i + 200);
    const found = await db
      .select({ id: leads.id, code: leads.code, name: leads.name, email: leads.email })
      .from(leads)
      .where(inArray(sql`lower(substr(${leads.email}, instr(${leads.email}, '@') + 1))`, part));
    for (const lead of found)
      for (const r of byDomain.get(telling(lead.email) ?? '') ?? [])
        if (r.status !== 'review' && namesAlike(r.lead!.name, lead.name))
          toReview(
            r,
            lead.id,
            `a similar name at the same email domain as ${lead.code} (${lead.name}, ${lead.email})`,
            staged.get(r.line),
          );
  }

  await progress({ phase: 'matching', done: total, total });
  return { rows, counts: countRows(rows) };
}

function toReview(r: CheckedRow, leadId: string, reason: string, staged: StagedRow | undefined) {
  r.status = 'review';
  r.matchLeadId = leadId;
  r.matchReason = reason;
  // A decision made for the same match survives a re-check.
  r.decision = staged?.matchLeadId === leadId ? staged.decision : null;
}

/** The counts a batch shows, and what a commit would do now. */
export function countRows(rows: readonly Pick<CheckedRow, 'status' | 'decision'>[]): ImportCounts {
  const c: ImportCounts = {
    rows: rows.length,
    ok: 0,
    warning: 0,
    error: 0,
    duplicate: 0,
    review: 0,
    toCreate: 0,
    toMerge: 0,
    undecided: 0,
    created: 0,
    merged: 0,
    skipped: 0,
  };
  for (const r of rows) {
    if (r.status !== 'pending') c[r.status]++;
    if (r.status === 'ok' || r.status === 'warning') c.toCreate++;
    if (r.status === 'review') {
      if (r.decision === 'keep_both') c.toCreate++;
      else if (r.decision === 'merge') c.toMerge++;
      else if (!r.decision) c.undecided++;
    }
  }
  return c;
}
