import type { WebSocket } from 'ws';
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Access } from './auth.ts';
import type { UpdateLog } from './persistence.ts';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
} from './protocol.ts';

export interface Peer {
  ws: WebSocket;
  access: Access;
  userId: string;
  /** Awareness client ids this connection controls; removed when it closes. */
  awarenessIds: Set<number>;
  isAlive: boolean;
}

/** Called after a peer's update is durable and applied (projections hang here). */
/** After a commit (userId: who sent it) or a load from storage (userId null). */
export type OnCommitted = (name: string, ydoc: Y.Doc, userId: string | null) => void;

/** One loaded document: its Y.Doc (only ever holding committed updates), presence and peers. */
export class SharedDoc {
  readonly ydoc = new Y.Doc();
  readonly awareness = new Awareness(this.ydoc);
  readonly peers = new Set<Peer>();
  /** Connections holding this document, including ones still completing their handshake. */
  refs = 0;
  /** Updates appended to the log and not yet committed. */
  pending = 0;
  unloaded = false;
  idleTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    private readonly log: UpdateLog,
    private readonly onCommitted?: OnCommitted,
  ) {
    this.awareness.setLocalState(null);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = encodeUpdate(update);
      for (const peer of this.peers) if (peer !== origin) send(peer, message);
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        if (isPeer(origin) && this.peers.has(origin)) {
          for (const id of added) origin.awarenessIds.add(id);
          for (const id of removed) origin.awarenessIds.delete(id);
        }
        const message = encodeAwareness(this.awareness, changed);
        for (const peer of this.peers) send(peer, message);
      },
    );
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer);
    send(peer, encodeSyncStep1(this.ydoc));
    const states = this.awareness.getStates();
    if (states.size > 0) send(peer, encodeAwareness(this.awareness, [...states.keys()]));
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  /** Handles one message from `peer`. Throws MalformedMessage; the caller closes that peer. */
  receive(peer: Peer, data: Uint8Array, onPersistFailed: (err: unknown) => void): void {
    const msg = decodeMessage(data);
    switch (msg.kind) {
      case 'sync-step-1':
        send(peer, encodeSyncStep2(this.ydoc, msg.stateVector));
        return;
      case 'update': {
        // Read-only peers' step 2 and updates are dropped silently; they stay connected.
        if (peer.access !== 'rw' || isEmptyUpdate(msg.update)) return;
        // Copy: the socket's buffer may be reused, and the log holds the bytes until commit.
        const update = msg.update.slice();
        this.pending++;
        this.log
          .append(this.name, update, () => {
            // Applied (and so relayed to the other peers) only once durable.
            Y.applyUpdate(this.ydoc, update, peer);
            this.onCommitted?.(this.name, this.ydoc, peer.userId);
          })
          .catch(onPersistFailed)
          .finally(() => {
            this.pending--;
          });
        return;
      }
      case 'awareness':
        applyAwarenessUpdate(this.awareness, msg.update, peer);
        return;
      case 'query-awareness':
        send(peer, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
    }
  }

  destroy(): void {
    this.unloaded = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}

function isPeer(value: unknown): value is Peer {
  return typeof value === 'object' && value !== null && 'awarenessIds' in value && 'ws' in value;
}

function send(peer: Peer, message: Uint8Array): void {
  if (peer.ws.readyState !== peer.ws.OPEN) return;
  peer.ws.send(message, (err) => {
    if (err) peer.ws.terminate();
  });
}

/** Loads documents on demand, shares them between connections, unloads them when idle. */
export class DocRegistry {
  private loading = new Map<string, Promise<SharedDoc>>();
  private loaded = new Map<string, SharedDoc>();

  constructor(
    private readonly log: UpdateLog,
    private readonly idleUnloadMs: number,
    private readonly onCommitted?: OnCommitted,
  ) {}

  get size(): number {
    return this.loaded.size;
  }

  get(name: string): SharedDoc | undefined {
    return this.loaded.get(name);
  }

  /** Full state of a loaded document, for compaction. */
  currentState(name: string): Uint8Array | null {
    const doc = this.loaded.get(name);
    return doc ? Y.encodeStateAsUpdate(doc.ydoc) : null;
  }

  all(): SharedDoc[] {
    return [...this.loaded.values()];
  }

  /** The document, loaded if needed, with one more reference held; pair with `release`. */
  async acquire(name: string): Promise<SharedDoc> {
    for (;;) {
      let promise = this.loading.get(name);
      if (!promise) {
        promise = this.load(name);
        this.loading.set(name, promise);
        promise.catch(() => this.loading.delete(name));
      }
      const doc = await promise;
      if (doc.unloaded) continue;
      doc.refs++;
      if (doc.idleTimer) {
        clearTimeout(doc.idleTimer);
        doc.idleTimer = null;
      }
      return doc;
    }
  }

  release(doc: SharedDoc): void {
    doc.refs--;
    if (doc.refs === 0 && !doc.unloaded) this.scheduleUnload(doc, this.idleUnloadMs);
  }

  private scheduleUnload(doc: SharedDoc, delayMs: number): void {
    if (doc.idleTimer) clearTimeout(doc.idleTimer);
    doc.idleTimer = setTimeout(() => {
      doc.idleTimer = null;
      if (doc.refs > 0 || doc.unloaded) return;
      // Everything the document holds is already in the log; wait only for in-flight appends.
      if (doc.pending > 0) return this.scheduleUnload(doc, 50);
      this.unload(doc);
    }, delayMs);
  }

  unload(doc: SharedDoc): void {
    this.loading.delete(doc.name);
    this.loaded.delete(doc.name);
    doc.destroy();
  }

  private async load(name: string): Promise<SharedDoc> {
    const stored = await this.log.load(name);
    const doc = new SharedDoc(name, this.log, this.onCommitted);
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      try {
        Y.applyUpdate(doc.ydoc, update, 'load');
      } catch (err) {
        console.error(`collab-server: skipping an unreadable stored update of ${name}`, err);
      }
    }
    this.loaded.set(name, doc);
    // Re-project what was stored: heals a projection lost in a crash between commit and projection.
    if (stored.snapshot || stored.updates.length > 0) this.onCommitted?.(name, doc.ydoc, null);
    return doc;
  }
}
