import { z } from 'zod';
import { hasPermission, type Permission, type Role } from '../access/permissions.ts';
import { canSeeUnderEvent, needsEventLink } from '../access/scope.ts';

/** The records global search covers, in the order results are grouped on screen. */
export const SEARCH_KINDS = ['lead', 'client', 'event', 'vendor', 'quote', 'payment'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  lead: 'Leads',
  client: 'Clients',
  event: 'Events',
  vendor: 'Vendors',
  quote: 'Quotes',
  payment: 'Payments',
};

/** The permission a role needs to open a record of each kind. */
const KIND_PERMISSION: Record<SearchKind, Permission> = {
  lead: 'leads:read',
  client: 'clients:read',
  event: 'events:read',
  vendor: 'vendors:read',
  quote: 'quotes:read',
  payment: 'payments:read',
};

/** What lives under an event, in the terms of the one scoping rule (shared/src/access). */
const UNDER_EVENT: Partial<Record<SearchKind, 'event' | 'quote' | 'payment'>> = {
  event: 'event',
  quote: 'quote',
  payment: 'payment',
};

/**
 * Which kinds a role may find, and whether each must be one of the user's linked events.
 * Staff: every kind their permissions open. Vendors and clients: only records under an event
 * they are linked to, and only the kinds the scoping rule lets their audience see there
 * (a vendor finds its events; a client its events, their sent quotes and their payments).
 */
export function searchableKinds(role: Role): { kind: SearchKind; linkedEventsOnly: boolean }[] {
  const out: { kind: SearchKind; linkedEventsOnly: boolean }[] = [];
  const scoped = needsEventLink(role);
  for (const kind of SEARCH_KINDS) {
    if (!hasPermission(role, KIND_PERMISSION[kind])) continue;
    if (!scoped) {
      out.push({ kind, linkedEventsOnly: false });
      continue;
    }
    const under = UNDER_EVENT[kind];
    if (under && canSeeUnderEvent(role, { access: 'read' }, under)) out.push({ kind, linkedEventsOnly: true });
  }
  return out;
}

/** The tokens of a free-text query (letters and digits of any script). */
function wordsOf(input: string): string[] {
  return input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * A phone number typed in any format (+91 98200 12345, 098200-12345, (982) 001 2345) as the
 * digits the index holds. The index keeps each number's full digits and its last ten, so a
 * national number, an international one and the first digits of either all match.
 */
function phoneDigitsOf(input: string): string | null {
  if (!/^[\d\s+\-().]+$/.test(input)) return null;
  let digits = input.replace(/\D/g, '');
  if (digits.length < 3) return null;
  // Indian trunk prefix: 0 before a ten-digit mobile or landline number.
  if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
  return digits;
}

/**
 * The FTS5 MATCH expression for what a person typed, or null when there is nothing to search.
 * Every word must match as a prefix (AND), so "pri sha" finds Priya Sharma, "LD-2026-0001" finds
 * that lead by its code's parts, and a GSTIN matches as one word. Quotes keep FTS5 syntax out:
 * nothing typed is ever read as an operator.
 */
export function toFtsQuery(input: string): string | null {
  const text = input.trim().slice(0, 100);
  const phone = phoneDigitsOf(text);
  if (phone) return `"${phone}"*`;
  // A code typed with its separators (LD-2026-0001, QT/2026-27/0001): one word, the code without
  // them, which the index also holds. One term instead of "ld" AND "2026" AND … (each in every row).
  if (/^[A-Za-z]{2,}[-/][A-Za-z0-9/-]*\d[A-Za-z0-9/-]*$/.test(text))
    return `"${text.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}"*`;
  const words = wordsOf(text);
  if (words.length === 0 || words.join('').length < 2) return null;
  return words.map((w) => `"${w}"*`).join(' AND ');
}

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(2, { error: 'type at least 2 characters' }).max(100, { error: 'at most 100 characters' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const ZSearchResult = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** Where the result opens in the app, for this user. */
  href: z.string(),
});
export type SearchResult = z.infer<typeof ZSearchResult>;

export const ZSearchResults = z.object({ results: z.array(ZSearchResult) });

/** Where a result opens: staff pages for staff; the client's own event page for clients. */
export function searchHref(role: Role, r: { kind: SearchKind; id: string; eventId: string | null }): string {
  const client = role === 'client';
  switch (r.kind) {
    case 'lead':
      return `/leads?lead=${r.id}`;
    case 'client':
      return `/events?client=${r.id}`;
    case 'event':
      return client ? `/portal/events/${r.id}` : `/events/${r.id}/workspace`;
    case 'vendor':
      return `/vendors?vendor=${r.id}`;
    case 'quote':
      return client && r.eventId ? `/portal/events/${r.eventId}#quotes` : `/quotes/${r.id}`;
    case 'payment':
      return client && r.eventId ? `/portal/events/${r.eventId}#payments` : `/finance/events/${r.eventId ?? ''}`;
  }
}
