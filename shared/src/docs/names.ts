/** The shared documents of one event. The y-websocket room name is exactly the document name. */
export const DOC_KINDS = ['brief', 'tasks', 'dayof'] as const;
/** Which of an event's shared documents. */
export type DocKind = (typeof DOC_KINDS)[number];

/** A parsed document name. */
export interface DocName {
  eventId: string;
  kind: DocKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `event:<uuid>:brief|tasks|dayof` → parts; anything else → null. */
export function parseDocName(name: string): DocName | null {
  const parts = name.split(':');
  if (parts.length !== 3) return null;
  const [prefix, eventId, kind] = parts;
  if (prefix !== 'event' || eventId === undefined || !UUID.test(eventId)) return null;
  if (!(DOC_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return { eventId: eventId.toLowerCase(), kind: kind as DocKind };
}

/** The document name of one event's brief, task board or event-day console. */
export function formatDocName(eventId: string, kind: DocKind): string {
  return `event:${eventId}:${kind}`;
}

/** A lead's brief: sales captures it during the first call; the converted event keeps using it. */
export interface LeadDocName {
  leadId: string;
  kind: 'brief';
}

/** `lead:<uuid>:brief` → the lead id; anything else → null. Leads have a brief only. */
function parseLeadDocName(name: string): LeadDocName | null {
  const parts = name.split(':');
  if (parts.length !== 3) return null;
  const [prefix, leadId, kind] = parts;
  if (prefix !== 'lead' || leadId === undefined || !UUID.test(leadId) || kind !== 'brief') return null;
  return { leadId: leadId.toLowerCase(), kind: 'brief' };
}

/** The document name of a lead's brief. */
export function formatLeadBriefName(leadId: string): string {
  return `lead:${leadId}:brief`;
}

/** Any shared document name: an event's brief, task board or console, or a lead's brief. */
export type AnyDocName = ({ scope: 'event' } & DocName) | ({ scope: 'lead' } & LeadDocName);

/** Parses either form of document name; null for anything else. */
export function parseAnyDocName(name: string): AnyDocName | null {
  const event = parseDocName(name);
  if (event) return { scope: 'event', ...event };
  const lead = parseLeadDocName(name);
  return lead ? { scope: 'lead', ...lead } : null;
}

/**
 * Where an event's brief is stored: an event converted from a lead keeps the lead's brief (one
 * document, one history, from the first call to the event day); an event created directly has
 * its own. The collab-server applies this when `event:<id>:brief` is opened, so clients of the
 * event never need to know.
 */
export function briefStorageName(eventId: string, leadId: string | null): string {
  return leadId ? formatLeadBriefName(leadId) : formatDocName(eventId, 'brief');
}
