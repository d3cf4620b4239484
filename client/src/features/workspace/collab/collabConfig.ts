import { call, publicEdge } from '../../../api/rpc.ts';

const STORAGE_KEY = 'mandap.collabUrl';

/** The page's host on the collab-server's default port: the fallback when nothing better is known. */
function defaultCollabUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.hostname}:1234/collab`;
}

let pending: Promise<string> | null = null;

/**
 * Where the collab-server listens, from GET /api/config; remembered in localStorage so a
 * document can open (from IndexedDB, and reconnect later) when the API is unreachable.
 */
export function collabUrl(): Promise<string> {
  pending ??= call(publicEdge.config.$get())
    .then(({ collabUrl }) => {
      localStorage.setItem(STORAGE_KEY, collabUrl);
      return collabUrl;
    })
    .catch(() => {
      pending = null;
      return localStorage.getItem(STORAGE_KEY) ?? defaultCollabUrl();
    });
  return pending;
}
