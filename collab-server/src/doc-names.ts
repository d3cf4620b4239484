/** Document names are shared with the client: see shared/src/docs/names.ts. */
export { DOC_KINDS, type DocKind, type DocName, formatDocName, parseDocName } from '@mandap/shared/docs';

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
