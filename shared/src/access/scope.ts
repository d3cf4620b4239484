import { INTERNAL_ROLES } from './permissions.ts';

/**
 * The one scoping rule for events and everything under them. Internal staff see every event
 * (their permissions decide which functions they may use); a vendor or a client sees only the
 * events they are linked to through an `event_access` row, and under those only the kinds of
 * record their audience may see. The edge and the collab-server both decide through here.
 */

/** Who is looking: staff, a vendor user, a client user, or nobody we know. */
export type Audience = 'internal' | 'vendor' | 'client' | 'none';

/** A user's link to one event (their `event_access` row), or null when there is none. */
export type EventLink = { access: 'read' | 'write' } | null;

export function audienceOf(role: string): Audience {
  if ((INTERNAL_ROLES as readonly string[]).includes(role)) return 'internal';
  if (role === 'vendor') return 'vendor';
  if (role === 'client') return 'client';
  return 'none';
}

/** True when the role sees only linked events (so queries must join `event_access`). */
export function needsEventLink(role: string): boolean {
  return audienceOf(role) !== 'internal';
}

/** The kinds of record that live under an event. */
export const EVENT_RECORDS = [
  'event',
  'quote',
  'quote_version',
  'milestone',
  'payment',
  'document',
  'brief',
  'tasks',
  'dayof',
  'file',
  'vendor_assignment',
  'assignees',
] as const;
export type EventRecord = (typeof EVENT_RECORDS)[number];

/** What each external audience may see under an event it is linked to. Staff see all. */
const EXTERNAL_RECORDS: Record<'vendor' | 'client', ReadonlySet<EventRecord>> = {
  // A vendor works the event: its brief, tasks, day-of console and files; never the money.
  vendor: new Set<EventRecord>(['event', 'brief', 'tasks', 'dayof', 'file', 'vendor_assignment', 'assignees']),
  // A client sees what they are buying and paying: sent quotes, milestones, payments, their
  // tax documents, the brief and files; never the crew's task board or the day-of console.
  client: new Set<EventRecord>([
    'event',
    'quote',
    'quote_version',
    'milestone',
    'payment',
    'document',
    'brief',
    'file',
  ]),
};

/**
 * May `role` see records of kind `record` under an event, given its link to that event?
 * Internal: always. Vendor/client: only with a link, and only the kinds their audience sees.
 */
export function canSeeUnderEvent(role: string, link: EventLink, record: EventRecord): boolean {
  const audience = audienceOf(role);
  if (audience === 'internal') return true;
  if (audience === 'none' || !link) return false;
  return EXTERNAL_RECORDS[audience].has(record);
}

/** May `role` see this event at all? */
export function canSeeEvent(role: string, link: EventLink): boolean {
  return canSeeUnderEvent(role, link, 'event');
}

/** Drafts are the house's working copies: only staff see a quote version before it is sent. */
export function canSeeQuoteVersion(role: string, status: string): boolean {
  return audienceOf(role) === 'internal' || status !== 'draft';
}

/** May `role` change records of kind `record` under this event (vendors: tasks and day-of with write access). */
export function canWriteUnderEvent(role: string, link: EventLink, record: EventRecord): boolean {
  const audience = audienceOf(role);
  if (audience === 'internal') return role !== 'finance' || !['brief', 'tasks', 'dayof'].includes(record);
  if (audience === 'vendor') return link?.access === 'write' && (record === 'tasks' || record === 'dayof');
  return false;
}
