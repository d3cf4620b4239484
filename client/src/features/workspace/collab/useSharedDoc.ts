import { colorFor } from '@mandap/shared/collab';
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { accessToken, refreshSession, subscribeSession } from '../../../api/session.ts';
import { collabUrl } from './collabConfig.ts';
import type { PresenceUser } from './presence.ts';
import { handFreshToken } from './reauth.ts';

/** The visible sync state of a shared document. */
export type SyncState =
  | { kind: 'loading' }
  | { kind: 'synced' }
  | { kind: 'connecting'; pending: number }
  | { kind: 'offline'; pending: number }
  | { kind: 'refused'; reason: string; code: number };

export interface SharedDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** True once the local copy (IndexedDB) or the server has filled the document. */
  ready: boolean;
  sync: SyncState;
}

const REFUSALS: Record<number, string> = {
  4400: 'This document does not exist.',
  4401: 'This link is no longer valid: it may have expired. Ask us for a new one.',
  4403: 'Your account cannot open this document.',
  4404: 'This event no longer exists.',
  4410: 'This link was withdrawn by the team. Ask us for a new one if you still need it.',
};

/**
 * How to open a document: as the signed-in person (their access token, refreshed as needed,
 * cached in IndexedDB for offline use) or through a share link (its token, nothing stored on
 * the device: a client may open it on a shared computer).
 */
export type OpenAs = { kind: 'session'; me: PresenceUser } | { kind: 'share-link'; token: string };

/**
 * Opens one shared document (`event:<id>:brief|tasks|dayof` or `lead:<id>:brief`): signed in, it
 * is cached in IndexedDB (so it opens again with no network, and edits made offline are kept)
 * and synced with the collab-server whenever it is reachable. Local edits made while
 * disconnected are counted as "waiting" until the next full sync.
 */
export function useSharedDoc(name: string, openAs: OpenAs): SharedDoc | null {
  const [state, setState] = useState<SharedDoc | null>(null);
  const meId = openAs.kind === 'session' ? openAs.me.id : null;
  const meName = openAs.kind === 'session' ? openAs.me.name : null;
  const shareToken = openAs.kind === 'share-link' ? openAs.token : null;

  useEffect(() => {
    const doc = new Y.Doc();
    // The device cache is per user: on a shared device, one crew member's cached documents (and
    // unsynced offline edits) never open in another's session.
    const local = shareToken || !meId ? null : new IndexeddbPersistence(`${meId}:${name}`, doc);
    const tokenParam = () => shareToken ?? accessToken() ?? '';
    let provider: WebsocketProvider | null = null;
    let disposed = false;
    let ready = false;
    // The count of local changes the server has not seen survives a reload (offline, the edits
    // themselves are in IndexedDB; their count is kept beside them, per user and document).
    const pendingKey = local ? `mandap:pending:${meId}:${name}` : null;
    let pending = pendingKey ? Number(localStorage.getItem(pendingKey)) || 0 : 0;
    const keepPending = () => {
      if (!pendingKey) return;
      if (pending > 0) localStorage.setItem(pendingKey, String(pending));
      else localStorage.removeItem(pendingKey);
    };
    let sync: SyncState = { kind: 'loading' };

    const publish = () => {
      if (!disposed && provider) setState({ doc, provider, ready, sync });
    };
    const online = () => provider?.wsconnected === true;
    const recompute = () => {
      if (sync.kind === 'refused') return publish();
      if (provider?.synced && online()) {
        pending = 0;
        keepPending();
        sync = { kind: 'synced' };
      } else if (navigator.onLine && provider?.shouldConnect) sync = { kind: 'connecting', pending };
      else sync = { kind: 'offline', pending };
      publish();
    };

    local?.once('synced', () => {
      ready = true;
      publish();
    });
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider && origin !== local && !(provider?.synced && online())) {
        pending++;
        keepPending();
        recompute();
      }
    });

    void collabUrl().then((url) => {
      if (disposed) return;
      provider = new WebsocketProvider(url, name, doc, {
        params: { token: tokenParam() },
        connect: navigator.onLine,
      });
      if (meId && meName) {
        provider.awareness.setLocalStateField('user', { id: meId, name: meName, color: colorFor(meId) });
      }
      const p = provider;
      p.on('status', recompute);
      p.on('sync', (isSynced: boolean) => {
        if (isSynced) ready = true;
        recompute();
      });
      p.on('connection-close', (event: CloseEvent | null) => {
        const code = event?.code ?? 0;
        // y-websocket stops retrying after a 44xx close; an expired or missing token is
        // worth one refresh and a deliberate reconnect.
        if (code === 4401 && !shareToken) void refreshSession().then((s) => s && !disposed && p.connect());
        const refusal = code === 4401 && !shareToken ? undefined : REFUSALS[code];
        if (refusal) {
          sync = { kind: 'refused', reason: refusal, code };
          p.disconnect();
        }
        recompute();
      });
      recompute();
    });

    // A refreshed access token goes to the open connection at once (it would otherwise be closed
    // when the old token expires) and is used for the next reconnect.
    const unsubscribe = subscribeSession(() => {
      if (provider && !shareToken) handFreshToken(provider, tokenParam());
    });
    // The browser knows before the socket does: stop retrying while offline, reconnect at once when back.
    const goOffline = () => {
      provider?.disconnect();
      recompute();
    };
    const goOnline = () => {
      if (sync.kind !== 'refused') {
        // Opened offline, the app has no token yet: get one before dialling.
        if (shareToken || accessToken()) provider?.connect();
        else void refreshSession().then((s) => s && !disposed && provider?.connect());
      }
      recompute();
    };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);

    return () => {
      disposed = true;
      unsubscribe();
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      provider?.destroy();
      void local?.destroy();
      doc.destroy();
      setState(null);
    };
  }, [name, meId, meName, shareToken]);

  return state;
}
