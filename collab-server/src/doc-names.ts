/** Shared documents per event. The room name on the wire is exactly the document name. */
export const DOC_KINDS = ['brief', 'tasks', 'dayof'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export interface DocName {
  eventId: string;
  kind: DocKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `event:<uuid>:brief|tasks|dayof` → parts, anything else → null. */
export function parseDocName(name: string): DocName | null {
  const parts = name.split(':');
  if (parts.length !== 3) return null;
  const [prefix, eventId, kind] = parts;
  if (prefix !== 'event' || eventId === undefined || !UUID.test(eventId)) return null;
  if (!(DOC_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return { eventId: eventId.toLowerCase(), kind: kind as DocKind };
}

export function formatDocName(eventId: string, kind: DocKind): string {
  return `event:${eventId}:${kind}`;
}

/**
 * The room from a request path: WebsocketProvider connects to `${serverUrl}/${room}`, so both
 * `/<room>` and `/collab/<room>` are accepted. Returns null when the path holds no room.
 */
export function roomFromPath(pathname: string): string | null {
  let rest = pathname.startsWith('/collab/') ? pathname.slice('/collab/'.length) : pathname.slice(1);
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  if (rest === '' || rest.includes('/')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}
