import type { LeadBrief } from '../leads/schemas.ts';
import type { BriefDoc } from './brief.ts';

/**
 * One brief, one owner (issue 9, item 8). The structured brief (event type, dates, functions,
 * guests, venue, budget, requirements) is the lead record's (`ZLeadBrief`); the event converted
 * from the lead reads and edits that same record. The live document keeps what people write
 * together: the text, the venue shortlist, dos and don'ts, comments and snapshots.
 *
 * Documents written before this held their own budget, requirements and functions. These
 * functions move that data into the record once (filling what the record lacks, never
 * overwriting it, and keeping any disagreement as a note), then clear it from the document.
 */

/** The structured data an older live brief held itself. */
export interface LegacyBrief {
  budgetMinor: number | null;
  requirements: string;
  functions: { name: string; date: string | null; guestCount: number | null; venue: string }[];
}

/** The parts of the record the legacy data is merged into. */
export type BriefRecordPart = Pick<LeadBrief, 'budgetMinMinor' | 'budgetMaxMinor' | 'requirements' | 'functions'>;

const MAX_REQUIREMENTS = 4000;
const MAX_FUNCTIONS = 20;
const LEGACY_FIELD_KEYS = ['budgetMinor', 'requirements', 'currency'] as const;

/** The legacy structured data still in the document; null when there is none. */
export function readLegacyBrief(brief: BriefDoc): LegacyBrief | null {
  const hasField = LEGACY_FIELD_KEYS.some((k) => brief.fieldsMap.has(k));
  if (!hasField && brief.functions.root.size === 0) return null;
  const fields = brief.fields();
  return {
    budgetMinor: fields.budgetMinor,
    requirements: fields.requirements,
    functions: [...brief.functions.list()]
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
      .map(({ name, date, guestCount, venue }) => ({ name, date, guestCount, venue })),
  };
}

const inr = (minor: number) => `₹${new Intl.NumberFormat('en-IN').format(Math.round(minor / 100))}`;

/**
 * What to write to the record so it holds everything the legacy document said. The record wins
 * where both have a value; a differing legacy value is kept as a line in the requirements. The
 * result carries whole values (not increments), so applying it twice gives the same record.
 * Empty when the record already holds it all.
 */
export function legacyBriefPatch(record: BriefRecordPart, legacy: LegacyBrief): Partial<BriefRecordPart> {
  const patch: Partial<BriefRecordPart> = {};
  const notes: string[] = [];
  const hasBudget = record.budgetMinMinor != null || record.budgetMaxMinor != null;
  if (legacy.budgetMinor != null && legacy.budgetMinor > 0) {
    if (!hasBudget) patch.budgetMaxMinor = legacy.budgetMinor;
    else if (legacy.budgetMinor !== record.budgetMaxMinor && legacy.budgetMinor !== record.budgetMinMinor)
      notes.push(`Budget in the live brief: ${inr(legacy.budgetMinor)}`);
  }
  const functions = [...record.functions];
  const seen = new Set(functions.map((f) => `${f.name.trim().toLowerCase()}|${f.date ?? ''}`));
  for (const f of legacy.functions) {
    const name = f.name.trim().slice(0, 60);
    if (f.venue.trim()) notes.push(`${name || 'Function'} venue: ${f.venue.trim()}`);
    if (!name || seen.has(`${name.toLowerCase()}|${f.date ?? ''}`)) continue;
    if (functions.length >= MAX_FUNCTIONS) {
      notes.push(
        `Function: ${name}${f.date ? ` on ${f.date}` : ''}${f.guestCount != null ? `, ${f.guestCount} guests` : ''}`,
      );
      continue;
    }
    seen.add(`${name.toLowerCase()}|${f.date ?? ''}`);
    functions.push({ name, date: f.date, guestCount: f.guestCount });
  }
  if (functions.length !== record.functions.length) patch.functions = functions;
  const current = record.requirements?.trim() ?? '';
  const additions = [legacy.requirements.trim(), ...notes].filter((line) => line && !current.includes(line));
  if (additions.length > 0) {
    const text = [current, ...additions].filter(Boolean).join('\n\n');
    patch.requirements = text.slice(0, MAX_REQUIREMENTS);
  }
  return patch;
}

/** Removes the legacy structured data from the document (one transaction, synced like any edit). */
export function clearLegacyBrief(brief: BriefDoc): void {
  const doc = brief.fieldsMap.doc;
  const clear = () => {
    for (const k of LEGACY_FIELD_KEYS) brief.fieldsMap.delete(k);
    for (const id of [...brief.functions.root.keys()]) brief.functions.root.delete(id);
  };
  if (doc) doc.transact(clear);
  else clear();
}
