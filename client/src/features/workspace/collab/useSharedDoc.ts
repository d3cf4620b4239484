import { type DocKind, formatDocName } from '@mandap/shared/docs';
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { accessToken, refreshSession, subscribeSession } from '../../../api/session.ts';
import { collabUrl } from './collabConfig.ts';
import { colorFor, type PresenceUser } from './presence.ts';

/** The visible sync state of a shared document. */
export type SyncState =
  | { kind: 'loading' }
  | { kind: 'synced' }
  | { kind: 'connecting'; pending: number }
  | { kind: 'offline'; pending: number }
  | { kind: 'refused'; reason: string };

export interface SharedDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** True once the local copy (IndexedDB) or the server has filled the document. */
  ready: boolean;
  sync: SyncState;
}

const REFUSALS: Record<number, string> = {
  4400: 'This document does not exist.',
  4403: 'Your account cannot open this document.',
  4404: 'This event no longer exists.',
};

/**
 * Opens one event document: cached in IndexedDB (so it opens again with no network, and edits
 * made offline are kept), synced with the collab-server whenever it is reachable. Local edits
 * made while disconnected are counted as "waiting" until the next full sync.
 */
export function useSharedDoc(eventId: string, kind: DocKind, me: PresenceUser | null): SharedDoc | null {
  const [state, setState] = useState<SharedDoc | null>(null);
  const meId = me?.id;
  const meName = me?.name;

  useEffect(() => {
    const name = formatDocName(eventId, kind);
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(name, doc);
    let provider: WebsocketProvider | null = null;
    let disposed = false;
    let ready = false;
    let pending = 0;
    let sync: SyncState = { kind: 'loading' };

    const publish = () => {
      if (!disposed && provider) setState({ doc, provider, ready, sync });
    };
    const online = () => provider?.wsconnected === true;
    const recompute = () => {
      if (sync.kind === 'refused') return;
      if (provider?.synced && online()) {
        pending = 0;
        sync = { kind: 'synced' };
      } else if (navigator.onLine && provider?.shouldConnect) sync = { kind: 'connecting', pending };
      else sync = { kind: 'offline', pending };
      publish();
    };

    local.once('synced', () => {
      ready = true;
      publish();
    });
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider && origin !== local && !(provider?.synced && online())) {
        pending++;
        recompute();
      }
    });

    void collabUrl().then((url) => {
      if (disposed) return;
      provider = new WebsocketProvider(url, name, doc, {
        params: { token: accessToken() ?? '' },
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
        if (code === 4401) void refreshSession().then((s) => s && !disposed && p.connect());
        const refusal = REFUSALS[code];
        if (refusal) {
          sync = { kind: 'refused', reason: refusal };
          p.disconnect();
        }
        recompute();
      });
      recompute();
    });

    // A fresh access token for the next reconnect.
    const unsubscribe = subscribeSession(() => {
      if (provider) provider.params = { token: accessToken() ?? '' };
    });
    // The browser knows before the socket does: stop retrying while offline, reconnect at once when back.
    const goOffline = () => {
      provider?.disconnect();
      recompute();
    };
    const goOnline = () => {
      if (sync.kind !== 'refused') {
        // Opened offline, the app has no token yet: get one before dialling.
        if (accessToken()) provider?.connect();
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
      void local.destroy();
      doc.destroy();
      setState(null);
    };
  }, [eventId, kind, meId, meName]);

  return state;
}
