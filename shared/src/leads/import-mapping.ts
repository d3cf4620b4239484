import { BUILT_IN_EVENT_TYPES, findHouseEventType, type HouseEventType } from '../events/event-types.ts';
import { EVENT_TYPES, type EventType } from '../events/lifecycle.ts';
import { parseSheetDate } from './dates.ts';
import {
  LEAD_SOURCES,
  LEAD_STAGE_LABELS,
  LEAD_STAGES,
  LEAD_TEMPERATURES,
  type LeadSource,
  type LeadStage,
  type LeadTemperature,
} from './lifecycle.ts';
import { findListingPlatform, type ListingPlatform } from './listing-platforms.ts';
import { parseBudget } from './money-text.ts';
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
  'budget',
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
  stage: 'Stage / status',
  temperature: 'Temperature (hot, warm, cold)',
  eventType: 'Event type',
  eventDate: 'Event date',
  eventDateTo: 'Event end date',
  city: 'City',
  venue: 'Venue',
  guestCount: 'Guests',
  budget: 'Budget (amount or range)',
  budgetMin: 'Budget from',
  budgetMax: 'Budget up to',
  requirements: 'Requirements / notes',
};

/** Column → field: which column index feeds each field. Unmapped fields are absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

const SYNONYMS: Record<ImportField, string[]> = {
  name: [
    'name',
    'full name',
    'client name',
    'customer name',
    'lead name',
    'contact name',
    'client',
    'party name',
    'bride groom name',
    'enquirer',
  ],
  phone: [
    'phone',
    'mobile',
    'phone number',
    'mobile number',
    'mobile no',
    'phone no',
    'contact',
    'contact no',
    'contact number',
    'whatsapp',
    'whatsapp number',
    'mob',
    'mob no',
    'cell',
    'number',
  ],
  email: ['email', 'email id', 'e mail', 'mail', 'email address', 'mail id'],
  source: ['source', 'lead source', 'channel', 'enquiry source', 'how did they hear', 'referred by', 'medium'],
  stage: ['stage', 'status', 'lead status', 'pipeline stage', 'current status'],
  temperature: ['temperature', 'temp', 'priority', 'hot warm cold', 'lead temperature', 'hotness'],
  eventType: ['event type', 'event', 'occasion', 'function type', 'function', 'type of event', 'event name'],
  eventDate: [
    'event date',
    'date',
    'wedding date',
    'function date',
    'from date',
    'start date',
    'event date from',
    'date of event',
    'tentative date',
    'event month',
  ],
  eventDateTo: ['end date', 'to date', 'event end date', 'event date to', 'till date'],
  city: ['city', 'location', 'place', 'destination', 'event city'],
  venue: ['venue', 'hotel', 'banquet', 'venue name', 'property'],
  guestCount: [
    'guests',
    'guest count',
    'pax',
    'no of guests',
    'number of guests',
    'guest',
    'headcount',
    'no of pax',
    'approx guests',
  ],
  budget: ['budget', 'approx budget', 'budget range', 'client budget', 'expected budget', 'budget inr'],
  budgetMin: ['budget from', 'min budget', 'budget min', 'minimum budget'],
  budgetMax: ['budget up to', 'max budget', 'budget max', 'maximum budget', 'budget upto'],
  requirements: ['requirements', 'notes', 'remarks', 'comments', 'message', 'requirement', 'details', 'note'],
};

/** A header as words: lower case, punctuation and currency marks dropped ("Contact No." → "contact no"). */
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/₹|\(.*?\)|rs\.?$/g, ' ')
    .replace(/[^a-z0-9\u0900-\u097f]+/g, ' ')
    .trim();

/** Headers that look like a date but are not the event's (when the enquiry came, the next follow-up). */
const NOT_EVENT_DATE = /enquiry|inquiry|follow|created|received|lead date|entry|call|contacted|sr|serial/;

function score(field: ImportField, header: string): number {
  const h = norm(header);
  if (!h) return 0;
  if (field === 'eventDate' && NOT_EVENT_DATE.test(h)) return 0;
  if (SYNONYMS[field].includes(h)) return 3;
  const words = ` ${h} `;
  return SYNONYMS[field].some((s) => s.length > 3 && words.includes(` ${s} `)) ? 1 : 0;
}

/**
 * Guesses the mapping from a header row ("Mobile (WhatsApp)", "Wedding date", "Budget (₹)",
 * "Pax"): each column goes to the field it names most clearly; exact names win over
 * headers that merely contain one, and a date column about the enquiry is not the event date.
 */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const candidates: { field: ImportField; col: number; s: number }[] = [];
  for (const field of IMPORT_FIELDS)
    headers.forEach((h, col) => {
      const s = score(field, h);
      if (s > 0) candidates.push({ field, col, s });
    });
  candidates.sort(
    (a, b) => b.s - a.s || a.col - b.col || IMPORT_FIELDS.indexOf(a.field) - IMPORT_FIELDS.indexOf(b.field),
  );
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || taken.has(c.col)) continue;
    // A single "Budget" column reads ranges; separate from/up-to columns are used only when there is no such column.
    if ((c.field === 'budgetMin' || c.field === 'budgetMax') && mapping.budget !== undefined) continue;
    if (c.field === 'budget' && (mapping.budgetMin !== undefined || mapping.budgetMax !== undefined)) continue;
    mapping[c.field] = c.col;
    taken.add(c.col);
  }
  return mapping;
}

/** A lead read from one spreadsheet row, ready to create. */
export interface ImportedLead {
  name: string;
  phone: string | null;
  email: string | null;
  source: LeadSource;
  /** The platform's name when the source is `listing`; the raw text when the source is `other`. */
  sourceDetail: string | null;
  stage: LeadStage;
  temperature: LeadTemperature;
  eventType: EventType | null;
  /** Function names the event-type cell named beyond the house list ("Mehendi lunch"). */
  functions: { name: string; date: null; guestCount: null }[];
  eventDateFrom: string | null;
  eventDateTo: string | null;
  city: string | null;
  venue: string | null;
  guestCount: number | null;
  budgetMinMinor: number | null;
  budgetMaxMinor: number | null;
  requirements: string | null;
}

/** A problem with one field of one row. Errors refuse the row; warnings keep it. */
export interface RowIssue {
  field: ImportField | 'row';
  message: string;
}

export type RowResult =
  | { ok: true; lead: ImportedLead; warnings: RowIssue[] }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] };

const key = (s: string) =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s/-]+/g, '_');

function pickEnum<T extends string>(values: readonly T[], raw: string, labels: Record<string, string> = {}): T | null {
  const k = key(raw);
  const byLabel = Object.entries(labels).find(([, l]) => key(l) === k)?.[0];
  return values.find((v) => v === k) ?? (byLabel as T | undefined) ?? null;
}

const SOURCE_ALIASES: Record<string, LeadSource> = {
  facebook: 'meta_ads',
  fb: 'meta_ads',
  instagram: 'meta_ads',
  insta: 'meta_ads',
  ig: 'meta_ads',
  meta: 'meta_ads',
  facebook_ad: 'meta_ads',
  facebook_ads: 'meta_ads',
  instagram_ad: 'meta_ads',
  instagram_ads: 'meta_ads',
  fb_ad: 'meta_ads',
  fb_ads: 'meta_ads',
  google: 'google_ads',
  google_ad: 'google_ads',
  adwords: 'google_ads',
  weddingwire: 'weddingwire_india',
  wedding_wire: 'weddingwire_india',
  just_dial: 'justdial',
  shaadi_saga: 'shaadisaga',
  walkin: 'walk_in',
  walk_in: 'walk_in',
  office_visit: 'walk_in',
  networking: 'offline_networking',
  reference: 'referral',
  referred: 'referral',
  friend: 'referral',
  word_of_mouth: 'referral',
  client_referral: 'referral',
  web: 'website',
  site: 'website',
  website_form: 'website',
  contact_form: 'website',
};

/** A source cell: a channel, an alias (Facebook → Meta ads), a configured listing platform, else `other` with the text. */
function readSource(
  v: string,
  platforms: readonly ListingPlatform[],
): { source: LeadSource; sourceDetail: string | null; known: boolean } {
  const platform = findListingPlatform(platforms, v);
  if (platform) return { source: platform.source, sourceDetail: platform.sourceDetail, known: true };
  const source = SOURCE_ALIASES[key(v)] ?? pickEnum(LEAD_SOURCES, v);
  if (source && source !== 'listing' && source !== 'other') return { source, sourceDetail: null, known: true };
  return { source: 'other', sourceDetail: v.slice(0, 120), known: false };
}

const EVENT_ALIASES: Record<string, EventType> = {
  shaadi: 'wedding',
  marriage: 'wedding',
  vivah: 'wedding',
  wedding_ceremony: 'wedding',
  mehndi: 'mehendi',
  mehandi: 'mehendi',
  mehendi_ceremony: 'mehendi',
  haldi_ceremony: 'haldi',
  nikaah: 'nikah',
  walima: 'reception',
  valima: 'reception',
  ring_ceremony: 'engagement',
  sagai: 'engagement',
  destination: 'destination_wedding',
  corporate_event: 'corporate',
  offsite: 'corporate',
  conference: 'corporate',
  birthday_party: 'birthday',
  bday: 'birthday',
  cocktail_party: 'cocktail',
  house_warming: 'griha_pravesh',
  housewarming: 'griha_pravesh',
  godh_bharai: 'baby_shower',
  naamkaran: 'naming_ceremony',
};

const STAGE_ALIASES: Record<string, LeadStage> = {
  fresh: 'new',
  open: 'new',
  follow_up: 'contacted',
  followup: 'contacted',
  called: 'contacted',
  in_touch: 'contacted',
  interested: 'contacted',
  meeting: 'meeting_scheduled',
  meeting_fixed: 'meeting_scheduled',
  proposal_sent: 'quote_sent',
  quoted: 'quote_sent',
  quotation_sent: 'quote_sent',
  negotiating: 'negotiation',
  not_interested: 'lost',
  dropped: 'lost',
  closed_lost: 'lost',
};

const cellText = (v: string | undefined) =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Reads one spreadsheet row through the mapping, with the house's listing platforms
 * (LISTING_PLATFORMS). Only a row with no phone, no email and no name is refused; every
 * optional value that cannot be read is a warning, and its text is kept in the lead's notes
 * ("Imported as written: …") so nothing typed in the sheet is lost. Hot, Warm and Cold in a
 * status column set the temperature, not the stage.
 */
export function readImportRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  platforms: readonly ListingPlatform[] = [],
  /** The house list of event types (built-in plus those added in settings). */
  eventTypes: readonly HouseEventType[] = BUILT_IN_EVENT_TYPES,
): RowResult {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const kept: string[] = [];
  const cell = (f: ImportField) => {
    const i = mapping[f];
    return i === undefined ? '' : cellText(cells[i]);
  };
  const keep = (f: ImportField, v: string, message: string) => {
    warnings.push({ field: f, message });
    kept.push(`${IMPORT_FIELD_LABELS[f]}: ${v}`);
  };

  // Contact: a phone that cannot be dialled is kept as text, with a warning.
  const rawPhone = cell('phone');
  let phone: string | null = null;
  if (rawPhone) {
    const p = normalisePhone(rawPhone);
    if (p.ok) phone = p.e164;
    else {
      // "98200 12345 / 98330 54321": the first number that dials, the rest kept.
      const parts = rawPhone.split(/[/,;|]|\bor\b/).map((s) => s.trim());
      const first = parts.map((s) => normalisePhone(s)).find((r) => r.ok);
      if (first?.ok) {
        phone = first.e164;
        if (parts.length > 1)
          keep('phone', rawPhone, `more than one number in "${rawPhone}"; the first is the lead's phone`);
      } else keep('phone', rawPhone, p.message);
    }
  }
  const rawEmail = cell('email');
  let email: string | null = null;
  if (rawEmail) {
    const e = rawEmail.toLowerCase().replace(/^mailto:/, '');
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) email = e;
    else keep('email', rawEmail, `"${rawEmail}" is not an email address`);
  }
  let name = cell('name');
  if (!phone && !email && !name) {
    errors.push({ field: 'row', message: 'no name, phone or email: nothing says who this enquiry is from' });
  } else if (!phone && !email) {
    warnings.push({ field: 'phone', message: 'no phone or email that can be used; add one before contacting' });
  }
  if (!name && (phone || email)) {
    name = `Enquiry ${phone ?? email}`;
    warnings.push({ field: 'name', message: `no name; the lead is called "${name}" until someone renames it` });
  }

  let source: LeadSource = 'manual';
  let sourceDetail: string | null = null;
  const rawSource = cell('source');
  if (rawSource) {
    const s = readSource(rawSource, platforms);
    ({ source, sourceDetail } = s);
    if (!s.known)
      warnings.push({
        field: 'source',
        message: `source "${rawSource}" is not one of ours; kept as Other, to be mapped later`,
      });
  }

  let temperature: LeadTemperature = 'warm';
  let stage: LeadStage = 'new';
  const readTemperature = (v: string) => pickEnum(LEAD_TEMPERATURES, v.replace(/\s*lead$/i, ''));
  const rawStage = cell('stage');
  if (rawStage) {
    const t = readTemperature(rawStage);
    const s = STAGE_ALIASES[key(rawStage)] ?? pickEnum(LEAD_STAGES, rawStage, LEAD_STAGE_LABELS);
    const won = s === 'won' || /^(booked|confirmed|converted|closed_won)$/.test(key(rawStage));
    if (t) temperature = t;
    else if (won) {
      stage = 'negotiation';
      keep('stage', rawStage, `"${rawStage}": won leads come from confirmed bookings; imported as Negotiation`);
    } else if (s) stage = s;
    else keep('stage', rawStage, `unknown stage "${rawStage}"; imported as New`);
  }
  const rawTemp = cell('temperature');
  if (rawTemp) {
    const t = readTemperature(rawTemp);
    if (t) temperature = t;
    else keep('temperature', rawTemp, `"${rawTemp}" is not hot, warm or cold; imported as Warm`);
  }

  let eventType: EventType | null = null;
  const functions: ImportedLead['functions'] = [];
  const rawEvent = cell('eventType');
  if (rawEvent) {
    const parts = rawEvent.split(/\s*(?:[+,&/]|\band\b)\s*/i).filter(Boolean);
    // "Corporate Offsite", "Mehendi lunch": a word that names a type is enough.
    const one = (p: string): EventType | null =>
      EVENT_ALIASES[key(p)] ?? pickEnum(EVENT_TYPES, p) ?? findHouseEventType(eventTypes, p)?.key ?? null;
    const read = parts.map(
      (p) =>
        one(p) ??
        p
          .split(/\s+/)
          .map(one)
          .find((t) => t) ??
        null,
    );
    // "Haldi + Mehendi + Wedding": the event is the wedding; each named function is listed.
    eventType = read.includes('wedding') ? 'wedding' : (read.find((t) => t) ?? 'other');
    if (parts.length > 1 || read.some((t) => !t))
      for (const p of parts) functions.push({ name: p.slice(0, 60), date: null, guestCount: null });
    if (read.some((t) => !t))
      warnings.push({
        field: 'eventType',
        message: `event type "${rawEvent}" is not in the house list; kept as ${eventType === 'other' ? 'Other' : eventType} with its functions named`,
      });
  }

  let eventDateFrom: string | null = null;
  let eventDateTo: string | null = null;
  const rawDate = cell('eventDate');
  if (rawDate) {
    const d = parseSheetDate(rawDate);
    if (!d) keep('eventDate', rawDate, `"${rawDate}" is not a date we can read (use dd/mm/yyyy); kept in the notes`);
    else if (d.kind === 'day') eventDateFrom = d.iso;
    else {
      [eventDateFrom, eventDateTo] = [d.from, d.to];
      warnings.push({
        field: 'eventDate',
        message: `"${rawDate}" names a month only; kept as the whole month, not a day`,
      });
    }
  }
  const rawTo = cell('eventDateTo');
  if (rawTo) {
    const d = parseSheetDate(rawTo);
    const to = d ? (d.kind === 'day' ? d.iso : d.to) : null;
    if (!to) keep('eventDateTo', rawTo, `"${rawTo}" is not a date we can read; kept in the notes`);
    else if (eventDateFrom && to < eventDateFrom)
      keep('eventDateTo', rawTo, 'the end date is before the start date; kept in the notes');
    else eventDateTo = to;
  }

  let guestCount: number | null = null;
  const rawGuests = cell('guestCount');
  if (rawGuests) {
    const g =
      /^(?:approx\.?\s*|~\s*)?(\d{1,3}(?:,\d{2,3})*|\d{1,6})(?:\s*-\s*(\d{1,6}))?\s*(?:pax|guests|people)?\+?$/i.exec(
        rawGuests,
      );
    if (g) guestCount = Number((g[2] ?? g[1]!).replace(/,/g, ''));
    else keep('guestCount', rawGuests, `"${rawGuests}" is not a number of guests; kept in the notes`);
    if (guestCount !== null && guestCount > 100_000) {
      keep('guestCount', rawGuests, `"${rawGuests}" guests is more than we can believe; kept in the notes`);
      guestCount = null;
    }
  }

  let budgetMinMinor: number | null = null;
  let budgetMaxMinor: number | null = null;
  const budgetCell = (f: 'budget' | 'budgetMin' | 'budgetMax') => {
    const raw = cell(f);
    if (!raw) return;
    const b = parseBudget(raw);
    if (!b.ok) {
      // A negative amount is refused as a budget (its own message), but the lead is kept.
      keep(f, raw, `${b.message}; not stored as the budget, kept in the notes`);
      return;
    }
    if (f !== 'budgetMax' && b.minMinor !== null) budgetMinMinor = b.minMinor;
    if (f !== 'budgetMin' && b.maxMinor !== null) budgetMaxMinor = b.maxMinor;
    if (f === 'budgetMin' && b.minMinor === null) budgetMaxMinor = b.maxMinor;
    if (f === 'budgetMax' && b.maxMinor === null) budgetMinMinor = b.minMinor;
  };
  budgetCell('budget');
  budgetCell('budgetMin');
  budgetCell('budgetMax');
  if (budgetMinMinor !== null && budgetMaxMinor !== null && budgetMinMinor > budgetMaxMinor) {
    warnings.push({
      field: 'budgetMax',
      message: 'the budget upper limit is below the lower one; the two are swapped',
    });
    [budgetMinMinor, budgetMaxMinor] = [budgetMaxMinor, budgetMinMinor];
  }

  if (errors.length) return { ok: false, errors, warnings };
  const notes = [
    String(cells[mapping.requirements ?? -1] ?? '').trim(),
    kept.length ? `Imported as written: ${kept.join('; ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    ok: true,
    warnings,
    lead: {
      name: name.slice(0, 160),
      phone,
      email,
      source,
      sourceDetail,
      stage,
      temperature,
      eventType,
      functions: functions.slice(0, 20),
      eventDateFrom,
      eventDateTo,
      city: cell('city').slice(0, 80) || null,
      venue: cell('venue').slice(0, 160) || null,
      guestCount,
      budgetMinMinor,
      budgetMaxMinor,
      requirements: notes.slice(0, 4000) || null,
    },
  };
}
