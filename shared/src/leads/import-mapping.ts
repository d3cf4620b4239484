import {
  EVENT_TYPES,
  type EventType,
  LEAD_SOURCES,
  LEAD_STAGE_LABELS,
  LEAD_STAGES,
  LEAD_TEMPERATURES,
  type LeadSource,
  type LeadStage,
  type LeadTemperature,
} from '../lifecycle.ts';
import { parseIndianDate } from './dates.ts';
import { findListingPlatform, type ListingPlatform } from './listing-platforms.ts';
import { parseRupees } from './money-text.ts';
import { normalisePhone } from './phone.ts';

/** The lead fields a spreadsheet column can fill. */
export const IMPORT_FIELDS = [
  'name',
  'phone',
  'email',
  'source',
  'stage',
  'temperature',
  'eventType',
  'eventDate',
  'eventDateTo',
  'city',
  'venue',
  'guestCount',
  'budgetMin',
  'budgetMax',
  'requirements',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: 'Name',
  phone: 'Phone',
  email: 'Email',
  source: 'Source',
  stage: 'Stage',
  temperature: 'Temperature',
  eventType: 'Event type',
  eventDate: 'Event date',
  eventDateTo: 'Event end date',
  city: 'City',
  venue: 'Venue',
  guestCount: 'Guests',
  budgetMin: 'Budget from',
  budgetMax: 'Budget up to',
  requirements: 'Requirements / notes',
};

/** Column → field: which column index feeds each field. Unmapped fields are absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

const SYNONYMS: Record<ImportField, string[]> = {
  name: ['name', 'full name', 'client name', 'customer name', 'lead name', 'contact name'],
  phone: ['phone', 'mobile', 'phone number', 'mobile number', 'contact', 'contact number', 'whatsapp', 'mob'],
  email: ['email', 'email id', 'e-mail', 'mail', 'email address'],
  source: ['source', 'lead source', 'channel'],
  stage: ['stage', 'status', 'lead status', 'pipeline stage'],
  temperature: ['temperature', 'temp', 'priority', 'hot/warm/cold'],
  eventType: ['event type', 'event', 'occasion', 'function type'],
  eventDate: ['event date', 'date', 'wedding date', 'function date', 'from date', 'start date'],
  eventDateTo: ['end date', 'to date', 'event end date'],
  city: ['city', 'location', 'place'],
  venue: ['venue', 'hotel', 'banquet'],
  guestCount: ['guests', 'guest count', 'pax', 'no of guests', 'number of guests'],
  budgetMin: ['budget from', 'min budget', 'budget min'],
  budgetMax: ['budget', 'budget up to', 'max budget', 'budget max'],
  requirements: ['requirements', 'notes', 'remarks', 'comments', 'message'],
};

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/** Guesses the mapping from a header row by common names ("Mobile", "Wedding date", "Pax"). */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const idx = headers.findIndex((h, i) => !taken.has(i) && SYNONYMS[field].includes(norm(h)));
    if (idx >= 0) {
      mapping[field] = idx;
      taken.add(idx);
    }
  }
  return mapping;
}

/** A lead read from one spreadsheet row, ready to create. */
export interface ImportedLead {
  name: string;
  phone: string | null;
  email: string | null;
  source: LeadSource;
  /** The platform's name when the source is `listing` (a platform configured in LISTING_PLATFORMS). */
  sourceDetail: string | null;
  stage: LeadStage;
  temperature: LeadTemperature;
  eventType: EventType | null;
  eventDateFrom: string | null;
  eventDateTo: string | null;
  city: string | null;
  venue: string | null;
  guestCount: number | null;
  budgetMinMinor: number | null;
  budgetMaxMinor: number | null;
  requirements: string | null;
}

export interface RowError {
  field: ImportField | 'row';
  message: string;
}

export type RowResult = { ok: true; lead: ImportedLead } | { ok: false; errors: RowError[] };

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function pickEnum<T extends string>(values: readonly T[], raw: string, labels: Record<string, string> = {}): T | null {
  const k = key(raw);
  const byLabel = Object.entries(labels).find(([, l]) => key(l) === k)?.[0];
  const found = values.find((v) => v === k) ?? (byLabel as T | undefined);
  return found ?? null;
}

const SOURCE_ALIASES: Record<string, LeadSource> = {
  facebook: 'meta_ads',
  instagram: 'meta_ads',
  meta: 'meta_ads',
  google: 'google_ads',
  weddingwire: 'weddingwire_india',
  wedding_wire: 'weddingwire_india',
  just_dial: 'justdial',
  shaadi_saga: 'shaadisaga',
  walkin: 'walk_in',
  networking: 'offline_networking',
};

type SourceRead = { source: LeadSource; sourceDetail: string | null };

/** A source cell: a channel, an alias (Facebook → Meta ads) or a configured listing platform. */
function readSource(v: string, platforms: readonly ListingPlatform[]): SourceRead | null {
  const platform = findListingPlatform(platforms, v);
  if (platform) return { source: platform.source, sourceDetail: platform.sourceDetail };
  const source = SOURCE_ALIASES[key(v)] ?? pickEnum(LEAD_SOURCES, v);
  // "listing" alone does not say which platform; the platform's name does.
  return source && source !== 'listing' ? { source, sourceDetail: null } : null;
}

function sourceProblem(v: string, platforms: readonly ListingPlatform[]): string {
  const names = platforms.map((p) => p.label).join(', ');
  return key(v) === 'listing'
    ? `"${v}" does not say which platform; write its name${names ? ` (${names})` : ''}`
    : `unknown source "${v}"${names ? `; listing platforms configured here: ${names}` : ''}`;
}

/**
 * Reads one spreadsheet row through the mapping, with the house's listing platforms
 * (LISTING_PLATFORMS): a row from a platform without a source of its own becomes `listing`
 * with the platform's name as source detail. Every problem is reported (not just the
 * first), each naming its field, so a person can fix the sheet in one pass.
 */
export function readImportRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  platforms: readonly ListingPlatform[] = [],
): RowResult {
  const errors: RowError[] = [];
  const cell = (f: ImportField) => {
    const i = mapping[f];
    return i === undefined ? '' : String(cells[i] ?? '').trim();
  };
  const optional = <T>(f: ImportField, read: (v: string) => T | null, problem: (v: string) => string): T | null => {
    const v = cell(f);
    if (v === '') return null;
    const out = read(v);
    if (out === null) errors.push({ field: f, message: problem(v) });
    return out;
  };

  const name = cell('name');
  if (name.length < 2) errors.push({ field: 'name', message: 'name is missing' });
  const phone = optional(
    'phone',
    (v) => {
      const p = normalisePhone(v);
      return p.ok ? p.e164 : null;
    },
    (v) => `"${v}" is not a valid phone number`,
  );
  const email = optional(
    'email',
    (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v.toLowerCase() : null),
    (v) => `"${v}" is not an email address`,
  );
  if (!cell('phone') && !cell('email')) errors.push({ field: 'phone', message: 'a phone or an email is needed' });
  const source = optional(
    'source',
    (v) => readSource(v, platforms),
    (v) => sourceProblem(v, platforms),
  );
  const stage = optional(
    'stage',
    (v) => pickEnum(LEAD_STAGES, v, LEAD_STAGE_LABELS),
    (v) => `unknown stage "${v}"; use one of ${Object.values(LEAD_STAGE_LABELS).join(', ')}`,
  );
  if (stage === 'won')
    errors.push({ field: 'stage', message: 'Won leads come from confirmed bookings; import them as Negotiation' });
  const temperature = optional(
    'temperature',
    (v) => pickEnum(LEAD_TEMPERATURES, v),
    (v) => `"${v}" is not hot, warm or cold`,
  );
  const eventType = optional(
    'eventType',
    (v) => pickEnum(EVENT_TYPES, v),
    (v) => `unknown event type "${v}"`,
  );
  const dateProblem = (v: string) => `"${v}" is not a real date; use dd/mm/yyyy`;
  const eventDateFrom = optional('eventDate', parseIndianDate, dateProblem);
  const eventDateTo = optional('eventDateTo', parseIndianDate, dateProblem);
  if (eventDateFrom && eventDateTo && eventDateTo < eventDateFrom)
    errors.push({ field: 'eventDateTo', message: 'the end date is before the start date' });
  const guestCount = optional(
    'guestCount',
    (v) => (/^\d{1,6}$/.test(v) ? Number(v) : null),
    (v) => `"${v}" is not a number of guests`,
  );
  const budgetProblem = (v: string) => `"${v}" is not an amount; write 500000, 5,00,000 or 5 lakh`;
  const budgetMinMinor = optional('budgetMin', parseRupees, budgetProblem);
  const budgetMaxMinor = optional('budgetMax', parseRupees, budgetProblem);
  if (budgetMinMinor !== null && budgetMaxMinor !== null && budgetMinMinor > budgetMaxMinor)
    errors.push({ field: 'budgetMax', message: 'the budget upper limit is below the lower one' });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    lead: {
      name,
      phone,
      email,
      source: source?.source ?? 'manual',
      sourceDetail: source?.sourceDetail ?? null,
      stage: stage ?? 'new',
      temperature: temperature ?? 'warm',
      eventType,
      eventDateFrom,
      eventDateTo,
      city: cell('city') || null,
      venue: cell('venue') || null,
      guestCount,
      budgetMinMinor,
      budgetMaxMinor,
      requirements: cell('requirements') || null,
    },
  };
}
