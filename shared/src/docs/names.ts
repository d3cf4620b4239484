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
