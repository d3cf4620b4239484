/** What de-duplication looks at: a lead's normalised phone (E.164) and lower-cased email. */
export interface ContactFacts {
  phone: string | null | undefined;
  email: string | null | undefined;
}

/**
 * The keys that identify a person: `phone:+919820012345`, `email:asha@example.com`.
 * Two leads sharing any key are the same person. Inputs must already be normalised.
 */
export function dedupeKeys(contact: ContactFacts): string[] {
  const keys: string[] = [];
  if (contact.phone) keys.push(`phone:${contact.phone}`);
  if (contact.email) keys.push(`email:${contact.email.trim().toLowerCase()}`);
  return keys;
}

/**
 * Marks rows that repeat an earlier row in the same batch. Returns, for each index, the index
 * of the first row it repeats, or null for the first occurrence.
 */
export function findRepeats(rows: readonly ContactFacts[]): (number | null)[] {
  const firstSeen = new Map<string, number>();
  return rows.map((row, i) => {
    const keys = dedupeKeys(row);
    const earlier = keys.map((k) => firstSeen.get(k)).find((v) => v !== undefined);
    for (const k of keys) if (!firstSeen.has(k)) firstSeen.set(k, i);
    return earlier ?? null;
  });
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'shri', 'smt', 'sri', 'kumari', 'mx', 'prof']);

/** A name for comparison: lower case, no honorifics (Mr., Smt.), no punctuation, words sorted. */
function normaliseName(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !HONORIFICS.has(w))
    .sort();
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Whether two names are probably the same person: the words of one contain the other's
 * ("Priya Sharma" / "Mrs. Priya Sharma Kapoor"), or they differ by a typo or two
 * ("Priya Sharma" / "Priyaa Sharma"). "Enquiry +91…" placeholder names match nothing.
 */
export function namesAlike(a: string, b: string): boolean {
  if (/^enquiry /i.test(a) || /^enquiry /i.test(b)) return false;
  const wa = normaliseName(a);
  const wb = normaliseName(b);
  if (!wa.length || !wb.length) return false;
  const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (small.every((w) => big.includes(w))) return true;
  const sa = wa.join(' ');
  const sb = wb.join(' ');
  return editDistance(sa, sb) <= Math.max(1, Math.floor(Math.max(sa.length, sb.length) * 0.15));
}

/** Mail providers whose domain says nothing about who someone is (gmail.com), for "same domain" matching. */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.in',
  'yahoo.in',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'rediffmail.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'protonmail.com',
  'proton.me',
  'zoho.com',
  'ymail.com',
  'msn.com',
]);

/** The domain of an email when it can identify an organisation or family (not a free mail provider). */
export function telling(email: string | null | undefined): string | null {
  const domain = email?.split('@')[1]?.toLowerCase() ?? null;
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : null;
}

/** The lead fields a merge looks at, in the order a person reads them. */
export const MERGE_FIELDS = [
  'name',
  'phone',
  'email',
  'eventType',
  'eventDateFrom',
  'eventDateTo',
  'city',
  'venue',
  'guestCount',
  'budgetMinMinor',
  'budgetMaxMinor',
  'requirements',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeRecord = Partial<Record<MergeField, string | number | null>>;

const empty = (v: unknown) => v === null || v === undefined || v === '' || v === 'other';

/**
 * Merges an imported row into an existing lead, keeping the richer value of every field: a
 * value where the lead has none; the longer text where both have one; notes from both. The
 * lead's own contact and dates win when both are set. Returns only the fields that change.
 */
export function mergeRicher(existing: MergeRecord, incoming: MergeRecord): MergeRecord {
  const out: MergeRecord = {};
  for (const f of MERGE_FIELDS) {
    const a = existing[f];
    const b = incoming[f];
    if (empty(b) || a === b) continue;
    if (empty(a)) out[f] = b ?? null;
    else if (f === 'requirements' && typeof a === 'string' && typeof b === 'string') {
      if (!a.includes(b)) out[f] = `${a}\n${b}`.slice(0, 4000);
    } else if ((f === 'name' || f === 'venue' || f === 'city') && typeof a === 'string' && typeof b === 'string') {
      if (b.length > a.length && namesAlike(a, b)) out[f] = b;
    }
  }
  return out;
}
