import type { WebSocket } from 'ws';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type Access, CLOSE } from './auth.ts';
import type { Folded } from './fold.ts';
import type { PeerLimits, TokenBucket } from './limits.ts';
import type { UpdateLog } from './persistence.ts';
import { type PresenceOwner, sanitizeAwareness } from './presence.ts';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isDecodableUpdate,
  isEmptyUpdate,
} from './protocol.ts';

export interface Peer extends PresenceOwner {
  ws: WebSocket;
  access: Access;
  isAlive: boolean;
  /** Set once the server decided to drop it: nothing more is sent or accepted. */
  dropped: boolean;
  messages: TokenBucket;
  bytes: TokenBucket;
  presence: TokenBucket;
  /** The newest presence update that arrived over the presence rate, applied when its turn comes. */
  presenceWaiting: Uint8Array | null;
  presenceTimer: NodeJS.Timeout | null;
}

/** After a commit (userId: who sent it) or a load from storage (userId null). */
export type OnCommitted = (name: string, ydoc: Y.Doc, userId: string | null) => void;

/** Closes a peer with a reason, and cuts it off if it does not go within a second. */
export function dropPeer(peer: Peer, code: number, reason: string): void {
  if (peer.dropped) return;
  peer.dropped = true;
  console.warn(`collab-server: closing ${peer.userId} with ${code}: ${reason}`);
  if (peer.presenceTimer) clearTimeout(peer.presenceTimer);
  peer.ws.close(code, reason.slice(0, 120));
  setTimeout(() => peer.ws.terminate(), 1000).unref();
}

export interface DocHooks {
  onCommitted?: OnCommitted;
  /** The document as stored now (for rebuilding after a refused update). */
  loadStored: (name: string) => Promise<Folded>;
  limits: PeerLimits;
  /** A document found damaged on load: quarantined, read-only. */
  onQuarantine: (name: string, reason: string) => void;
  /** A peer sent a fresh token. */
  onReauth?: (peer: Peer, token: string) => void;
  /** An update is committed with this log sequence (published to the other instances). */
  onDurable?: (name: string, seq: number, update: Uint8Array) => void;
  /** A presence change made here (published to the other instances). */
  onLocalPresence?: (name: string, update: Uint8Array) => void;
}

/** Owner of presence client ids set through another instance. */
const REMOTE_OWNER: PresenceOwner = { userId: '\u0000remote', name: '', readOnly: true, awarenessIds: new Set() };

/**
 * One loaded document: its Y.Doc, presence and peers.
 *
 * An incoming update is applied to the Y.Doc first, inside error handling: that is the check that
 * it is a valid update for this document. What it changed (the effective update Yjs reports) is
 * appended to the log, and relayed to the other peers only once committed. An update that fails
 * is never stored or relayed; its sender is closed (4422) and the Y.Doc, which may hold half of
 * it, is rebuilt from the log plus the updates still being committed. A peer asking for the
 * document (sync step 1) gets its answer only once everything in that answer is committed.
 */
export class SharedDoc {
  ydoc: Y.Doc;
  readonly awareness: Awareness;
  readonly peers = new Set<Peer>();
  /** Which connection owns each presence client id. */
  readonly owners = new Map<number, PresenceOwner>();
  /** Connections holding this document, including ones still completing their handshake. */
  refs = 0;
  /** Updates appended to the log and not yet committed. */
  pending = 0;
  unloaded = false;
  idleTimer: NodeJS.Timeout | null = null;
  /** Why the document is read-only (it could not be loaded whole), or null. */
  quarantined: string | null = null;

  private captured: { updates: Uint8Array[]; tooDeep: number } | null = null;
  /** Effective updates applied to `ydoc` and not yet committed. */
  private readonly inflight = new Set<Uint8Array>();
  /** Appends made, and appends settled (committed or failed; the log settles them in order). */
  private appended = 0;
  private settled = 0;
  /** Run once `settled` reaches `upto` (sync step 1 answers waiting for commits). */
  private settleWaiters: { upto: number; run: () => void }[] = [];
  private persistFailures = 0;
  private rebuilding: Promise<void> | null = null;
  private inbox: { peer: Peer; data: Uint8Array }[] = [];
  private remoteDuringRebuild: Uint8Array[] = [];

  constructor(
    readonly name: string,
    private readonly log: UpdateLog,
    private readonly hooks: DocHooks,
    ydoc: Y.Doc,
  ) {
    this.ydoc = ydoc;
    this.watch(ydoc);
    this.awareness = new Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        if (isPeer(origin) && this.peers.has(origin)) {
          for (const id of [...added, ...updated]) {
            const previous = this.owners.get(id);
            if (previous && previous !== origin) previous.awarenessIds.delete(id);
            origin.awarenessIds.add(id);
            this.owners.set(id, origin);
          }
        } else if (origin === 'remote') {
          for (const id of [...added, ...updated]) if (!this.owners.has(id)) this.owners.set(id, REMOTE_OWNER);
        }
        for (const id of removed) {
          this.owners.get(id)?.awarenessIds.delete(id);
          this.owners.delete(id);
        }
        const message = encodeAwareness(this.awareness, changed);
        for (const peer of this.peers) send(peer, message, this.hooks.limits);
        if (origin !== 'remote' && this.hooks.onLocalPresence) {
          this.hooks.onLocalPresence(this.name, encodeAwarenessUpdate(this.awareness, changed));
        }
      },
    );
  }

  /** A committed update relayed from another instance: applied here and passed to this instance's peers. */
  applyRemote(update: Uint8Array): void {
    if (this.rebuilding) this.remoteDuringRebuild.push(update);
    try {
      Y.applyUpdate(this.ydoc, update, 'remote');
    } catch (err) {
      console.error(`collab-server: a relayed update to ${this.name} could not be applied; rebuilding`, err);
      this.rebuild();
      return;
    }
    const message = encodeUpdate(update);
    for (const peer of this.peers) send(peer, message, this.hooks.limits);
  }

  applyRemotePresence(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, 'remote');
  }

  private watch(ydoc: Y.Doc): void {
    ydoc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (!this.captured) return;
      this.captured.updates.push(update);
      this.captured.tooDeep = Math.max(this.captured.tooDeep, deepestNewType(tr, MAX_NESTING));
    });
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer);
    send(peer, encodeSyncStep1(this.ydoc), this.hooks.limits);
    const states = this.awareness.getStates();
    if (states.size > 0) send(peer, encodeAwareness(this.awareness, [...states.keys()]), this.hooks.limits);
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.presenceTimer) clearTimeout(peer.presenceTimer);
    if (peer.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  /** Handles one message from `peer`. Throws MalformedMessage; the caller closes that peer. */
  receive(peer: Peer, data: Uint8Array): void {
    const msg = decodeMessage(data);
    if (this.rebuilding) {
      this.inbox.push({ peer, data });
      return;
    }
    switch (msg.kind) {
      case 'sync-step-1':
        this.answerSyncStep1(peer, msg.stateVector);
        return;
      case 'update':
        // Read-only peers' step 2 and updates are dropped silently; they stay connected.
        if (peer.access !== 'rw' || this.quarantined || isEmptyUpdate(msg.update)) return;
        this.applyFrom(peer, msg.update);
        return;
      case 'awareness':
        this.receivePresence(peer, msg.update);
        return;
      case 'query-awareness':
        send(peer, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]), this.hooks.limits);
        return;
      case 'auth':
        this.hooks.onReauth?.(peer, msg.token);
        return;
    }
  }

  private applyFrom(peer: Peer, update: Uint8Array): void {
    const captured = { updates: [] as Uint8Array[], tooDeep: 0 };
    this.captured = captured;
    try {
      // Copy: Yjs keeps views of binary content, and the log holds the bytes until commit.
      Y.applyUpdate(this.ydoc, update.slice(), peer);
    } catch (err) {
      this.captured = null;
      // Asked only now: decoding every update before applying it was a second parse of each.
      if (isDecodableUpdate(update)) this.refuse(peer, update, 'update could not be applied to the document', err);
      else this.refuse(peer, update, 'malformed message: not a Yjs update', err, 1003);
      return;
    }
    this.captured = null;
    if (captured.tooDeep > MAX_NESTING) {
      this.refuse(peer, update, `update nests types deeper than ${MAX_NESTING} levels`, null);
      return;
    }
    const { updates } = captured;
    if (updates.length === 0) return;
    const effective = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
    this.persist(peer, effective);
  }

  /** Closes the sender; the Y.Doc, which may hold part of the update, is rebuilt without it. */
  private refuse(
    peer: Peer,
    update: Uint8Array,
    reason: string,
    err: unknown,
    code: number = CLOSE.invalidUpdate,
  ): void {
    console.error(
      `collab-server: refused an update of ${update.length} bytes to ${this.name} from ${peer.userId}: ${reason}` +
        (err ? ` (${String(err)})` : ''),
    );
    dropPeer(peer, code, reason);
    this.rebuild();
  }

  /** Callbacks, no promises: the relay runs in the commit's own turn, with nothing allocated per update but the message. */
  private persist(peer: Peer, effective: Uint8Array): void {
    this.pending++;
    this.inflight.add(effective);
    this.appended++;
    this.log.append(
      this.name,
      effective,
      (seq) => {
        this.inflight.delete(effective);
        this.pending--;
        try {
          this.hooks.onDurable?.(this.name, seq, effective);
          // Durable: now the other peers may see it.
          const message = encodeUpdate(effective);
          for (const other of this.peers) if (other !== peer) send(other, message, this.hooks.limits);
          this.hooks.onCommitted?.(this.name, this.ydoc, peer.userId);
        } finally {
          // Settled even if a hook throws (the log catches and logs it): a sync step 1 waiting on
          // this append must still be answered.
          this.onSettled();
        }
      },
      (err) => {
        this.inflight.delete(effective);
        this.pending--;
        this.persistFailures++;
        console.error(`collab-server: persisting an update to ${this.name} failed`, err);
        // Never relayed; the Y.Doc is ahead of the log, so it is rebuilt. The peer resyncs on reconnect.
        dropPeer(peer, 1011, 'could not persist update');
        this.rebuild();
        this.onSettled();
      },
    );
  }

  private onSettled(): void {
    this.settled++;
    if (this.settleWaiters.length === 0) return;
    const due = this.settleWaiters.filter((w) => w.upto <= this.settled);
    if (due.length === 0) return;
    this.settleWaiters = this.settleWaiters.filter((w) => w.upto > this.settled);
    for (const w of due) w.run();
  }

  /** Sends sync step 2 once every update it contains is committed. */
  private answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const attempt = (tries: number): void => {
      const failuresBefore = this.persistFailures;
      const answer = encodeSyncStep2(this.ydoc, stateVector);
      if (this.inflight.size === 0) {
        send(peer, answer, this.hooks.limits);
        return;
      }
      // Once every append made so far has settled (not only the current ones: under a steady
      // load there may always be some in flight).
      this.settleWaiters.push({
        upto: this.appended,
        run: () => {
          if (this.persistFailures === failuresBefore || tries > 5) send(peer, answer, this.hooks.limits);
          else attempt(tries + 1);
        },
      });
    };
    attempt(0);
  }

  private receivePresence(peer: Peer, update: Uint8Array): void {
    if (!peer.presence.take()) {
      // Over the rate: keep only the newest, applied when the bucket allows.
      peer.presenceWaiting = update;
      if (!peer.presenceTimer) {
        peer.presenceTimer = setTimeout(() => {
          peer.presenceTimer = null;
          const waiting = peer.presenceWaiting;
          peer.presenceWaiting = null;
          if (waiting && !peer.dropped && this.peers.has(peer)) this.receivePresence(peer, waiting);
        }, peer.presence.waitFor());
      }
      return;
    }
    const result = sanitizeAwareness(peer, update, this.owners, this.hooks.limits.maxPresenceBytes);
    // The stock y-websocket provider echoes every presence change it hears, others' included:
    // those entries are dropped quietly; anything else dropped is worth a line in the log.
    const notable = result.dropped.filter((d) => !d.endsWith('belongs to another peer'));
    if (notable.length > 0) {
      console.warn(`collab-server: presence from ${peer.userId} on ${this.name} dropped: ${notable.join('; ')}`);
    }
    if (result.update) applyAwarenessUpdate(this.awareness, result.update, peer);
  }

  /** Replaces the Y.Doc with the stored state plus what is still being committed. */
  private rebuild(): void {
    if (this.rebuilding) return;
    const inflight = [...this.inflight];
    this.rebuilding = (async () => {
      const folded = await this.hooks.loadStored(this.name);
      for (const update of inflight) {
        try {
          Y.applyUpdate(folded.ydoc, update, 'load');
        } catch (err) {
          console.error(`collab-server: re-applying an uncommitted update to ${this.name} failed`, err);
        }
      }
      if (folded.badSeqs.length > 0 || folded.badSnapshot || folded.unreadable) {
        this.quarantine('stored rows could not be applied');
      }
      for (const update of this.remoteDuringRebuild.splice(0)) {
        try {
          Y.applyUpdate(folded.ydoc, update, 'load');
        } catch (err) {
          console.error(`collab-server: re-applying a relayed update to ${this.name} failed`, err);
        }
      }
      this.ydoc = folded.ydoc;
      this.watch(folded.ydoc);
    })()
      .catch((err) => {
        console.error(`collab-server: rebuilding ${this.name} failed; it stays read-only`, err);
        this.quarantine('rebuild failed');
      })
      .finally(() => {
        this.rebuilding = null;
        const queued = this.inbox.splice(0);
        for (const { peer, data } of queued) {
          if (peer.dropped || !this.peers.has(peer)) continue;
          try {
            this.receive(peer, data);
          } catch {
            dropPeer(peer, 1003, 'malformed message');
          }
        }
      });
  }

  quarantine(reason: string): void {
    if (this.quarantined) return;
    this.quarantined = reason;
    this.hooks.onQuarantine(this.name, reason);
  }

  destroy(): void {
    this.unloaded = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}

/** Deepest nesting of shared types any document may reach (a brief's nested lists stay far below). */
export const MAX_NESTING = 64;

/** The deepest nesting among the types the transaction created (stops counting past `limit`). */
function deepestNewType(tr: Y.Transaction, limit: number): number {
  let deepest = 0;
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    const structs = tr.doc.store.clients.get(client);
    if (after <= before || !structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= after) break;
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
      let depth = 0;
      let item: Y.Item | null = struct;
      while (item && depth <= limit) {
        depth++;
        const parent: unknown = item.parent;
        item = parent instanceof Y.AbstractType ? parent._item : null;
      }
      deepest = Math.max(deepest, depth);
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}

function isPeer(value: unknown): value is Peer {
  return typeof value === 'object' && value !== null && 'awarenessIds' in value && 'ws' in value;
}

/** Sends, unless the peer's queue is over the cap: then it is dropped as a slow reader. */
export function send(peer: Peer, message: Uint8Array, limits: PeerLimits): void {
  if (peer.dropped || peer.ws.readyState !== peer.ws.OPEN) return;
  if (peer.ws.bufferedAmount + message.length > limits.maxBufferedBytes) {
    console.warn(`collab-server: dropping ${peer.userId}: ${peer.ws.bufferedAmount} bytes unread`);
    dropPeer(peer, CLOSE.slowReader, `too slow: more than ${limits.maxBufferedBytes} bytes waiting to be read`);
    // A close frame would queue behind the unread bytes: cut it off now.
    peer.ws.terminate();
    return;
  }
  peer.ws.send(message, (err) => {
    if (err) peer.ws.terminate();
  });
}

/** What the registry needs from the Redis relay (several instances). */
export interface DocRelay {
  position(name: string): Promise<string>;
  follow(name: string, fromId: string): Promise<void>;
  unfollow(name: string): Promise<void>;
  publishUpdate(name: string, seq: number, update: Uint8Array): Promise<void>;
  publishAwareness(name: string, update: Uint8Array): void;
}

/** Loads documents on demand, shares them between connections, unloads them when idle. */
export class DocRegistry {
  private loading = new Map<string, Promise<SharedDoc>>();
  private loaded = new Map<string, SharedDoc>();
  /** Documents found damaged, with the reason (kept after unload, for /metrics). */
  readonly quarantined = new Map<string, string>();

  constructor(
    private readonly log: UpdateLog,
    private readonly idleUnloadMs: number,
    private readonly limits: PeerLimits,
    private readonly onCommitted?: OnCommitted,
    private readonly onReauth?: (peer: Peer, token: string) => void,
    private readonly relay?: DocRelay,
  ) {}

  get size(): number {
    return this.loaded.size;
  }

  get(name: string): SharedDoc | undefined {
    return this.loaded.get(name);
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
      // Folded now that no peer waits on it (a live document only past `compactAfter` rows), so
      // its next cold load reads one snapshot. Not at shutdown: that unloads without this timer.
      this.log.compactIdle(doc.name);
    }, delayMs);
  }

  unload(doc: SharedDoc): void {
    this.loading.delete(doc.name);
    this.loaded.delete(doc.name);
    void this.relay?.unfollow(doc.name);
    doc.destroy();
  }

  private async loadStored(name: string): Promise<Folded> {
    return this.log.load(name);
  }

  private async load(name: string): Promise<SharedDoc> {
    // The stream position first, then the log: whatever is committed in between arrives twice, never not at all.
    const position = this.relay ? await this.relay.position(name) : null;
    // Read and folded in the log's worker, off this thread.
    const folded = await this.log.load(name);
    const doc = new SharedDoc(
      name,
      this.log,
      {
        onCommitted: this.onCommitted,
        onReauth: this.onReauth,
        onDurable: this.relay ? (n, seq, u) => void this.relay?.publishUpdate(n, seq, u) : undefined,
        onLocalPresence: this.relay ? (n, u) => this.relay?.publishAwareness(n, u) : undefined,
        loadStored: (n) => this.loadStored(n),
        limits: this.limits,
        onQuarantine: (n, reason) => {
          this.quarantined.set(n, reason);
          console.error(`collab-server: QUARANTINED ${n} (read-only): ${reason}; run the repair command`);
        },
      },
      folded.ydoc,
    );
    if (folded.unreadable) doc.quarantine('stored state cannot be read');
    else if (folded.badSnapshot) doc.quarantine('its snapshot cannot be applied');
    else if (folded.badSeqs.length > 0) doc.quarantine(`log rows ${folded.badSeqs.join(', ')} cannot be applied`);
    else this.quarantined.delete(name);
    this.loaded.set(name, doc);
    if (this.relay && position !== null) await this.relay.follow(name, position);
    // Re-project what was stored: heals a projection lost in a crash between commit and projection.
    if (folded.stored) this.onCommitted?.(name, doc.ydoc, null);
    return doc;
  }
}
