import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type Client, createClient } from '@libsql/client';
import { collabInternalSecret } from '@mandap/shared/collab';
import { WebSocketServer } from 'ws';
import { AccessFeed, concernsConnection } from './access-feed.ts';
import { type AuthResult, authorize, CLOSE } from './auth.ts';
import { roomFromPath } from './doc-names.ts';
import { DocRegistry, dropPeer, type Peer, type SharedDoc } from './documents.ts';
import type { CollabEnv } from './env.ts';
import { DEFAULT_LIMITS, type PeerLimits, TokenBucket } from './limits.ts';
import { Metrics, type MetricsSnapshot } from './metrics.ts';
import { UpdateLog } from './persistence.ts';
import { Projector } from './projection.ts';
import { MalformedMessage } from './protocol.ts';
import { RedisRelay } from './redis-relay.ts';
import { trace } from './trace.ts';

export interface CollabServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  jwtSecret: string;
  /** The edge's database (users, events, event_access). */
  edgeDatabaseUrl: string;
  /** This server's update log and snapshots. */
  collabDatabaseUrl: string;
  /** Messages above this close the peer with 1009. */
  maxMessageBytes?: number;
  idleUnloadMs?: number;
  compactAfter?: number;
  groupCommitMs?: number;
  /** The update log's fsync policy (COLLAB_SYNCHRONOUS); default normal. */
  synchronous?: 'full' | 'normal';
  /** Dead connections (no pong) are dropped after this long. */
  pingIntervalMs?: number;
  /** Quiet time before a changed task board or checklist is projected into the edge's tables. */
  projectionDelayMs?: number;
  /** Per-peer rate limits, send-buffer cap and presence caps (defaults in limits.ts). */
  limits?: Partial<PeerLimits>;
  /** Group commit caps (writes and bytes per transaction). */
  maxBatchWrites?: number;
  maxBatchBytes?: number;
  /** The edge's base URL: access changes are followed from its internal stream. Unset: only token expiry is enforced. */
  edgeUrl?: string;
  /** COLLAB_INTERNAL_SECRET; unset: derived from jwtSecret (the edge derives the same). */
  internalSecret?: string;
  /** Redis for several instances on one log (updates on streams, presence on pub/sub). Unset: one instance. */
  redisUrl?: string;
}

export interface CollabServer {
  port: number;
  metrics(): MetricsSnapshot & { quarantined: string[]; accessFeed: 'connected' | 'disconnected' | 'off' };
  /** Resolves once the access feed is connected (immediately when there is none). */
  accessFeedReady(): Promise<void>;
  /** Stops accepting, closes peers, commits everything queued, closes the databases. */
  close(): Promise<void>;
}

export function optionsFromEnv(env: CollabEnv): CollabServerOptions {
  return {
    port: env.COLLAB_PORT,
    host: env.COLLAB_HOST,
    jwtSecret: env.JWT_SECRET,
    edgeDatabaseUrl: env.DATABASE_URL,
    collabDatabaseUrl: env.COLLAB_DATABASE_URL,
    maxMessageBytes: env.COLLAB_MAX_MESSAGE_BYTES,
    idleUnloadMs: env.COLLAB_IDLE_UNLOAD_MS,
    compactAfter: env.COLLAB_COMPACT_AFTER,
    groupCommitMs: env.COLLAB_GROUP_COMMIT_MS,
    synchronous: env.COLLAB_SYNCHRONOUS,
    edgeUrl: env.COLLAB_EDGE_URL,
    internalSecret: env.COLLAB_INTERNAL_SECRET,
    redisUrl: env.COLLAB_REDIS_URL,
  };
}

export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const maxMessageBytes = options.maxMessageBytes ?? 2 * 1024 * 1024;
  const metrics = new Metrics();
  let docsRef: DocRegistry | null = null;
  const relay = options.redisUrl
    ? await RedisRelay.open(options.redisUrl, {
        onUpdate: (name, update) => docsRef?.get(name)?.applyRemote(update),
        onAwareness: (name, update) => docsRef?.get(name)?.applyRemotePresence(update),
      })
    : null;
  const log = await UpdateLog.open({
    lease: relay ? (name) => relay.takeLease(name) : undefined,
    url: options.collabDatabaseUrl,
    groupCommitMs: options.groupCommitMs ?? 0,
    synchronous: options.synchronous,
    sharedWithOtherInstances: relay !== null,
    compactAfter: options.compactAfter ?? 2000,
    maxBatchWrites: options.maxBatchWrites,
    maxBatchBytes: options.maxBatchBytes,
    metrics,
  });
  const edgeDb: Client = createClient({ url: options.edgeDatabaseUrl });
  const internalSecret = await collabInternalSecret(options.jwtSecret, options.internalSecret);
  const projector = options.edgeUrl
    ? new Projector({ edgeUrl: options.edgeUrl, secret: internalSecret, delayMs: options.projectionDelayMs ?? 250 })
    : null;
  if (!projector) console.warn('collab-server: COLLAB_EDGE_URL unset: task and checklist projections are off');
  // Access checks still read users, events and event_access (read-only) from the edge's database.
  const limits: PeerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const docs = new DocRegistry(
    log,
    options.idleUnloadMs ?? 30_000,
    limits,
    (name, ydoc, userId) => projector?.changed(name, ydoc, userId),
    (peer, token) => void reauthorize(peer, token),
    relay ?? undefined,
  );
  docsRef = docs;
  /** Open connections: how each was authorised, so a change can decide again. */
  const conns = new Map<Peer, { token: string; room: string; expiry: NodeJS.Timeout | null }>();

  function armExpiry(peer: Peer, expiresAt: number): void {
    const conn = conns.get(peer);
    if (!conn) return;
    if (conn.expiry) clearTimeout(conn.expiry);
    // setTimeout's limit is ~24.8 days; longer tokens are checked again when they come close.
    const wait = Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1);
    conn.expiry = setTimeout(() => {
      if (Date.now() >= expiresAt) dropPeer(peer, CLOSE.unauthorized, 'token expired: reconnect with a fresh one');
      else armExpiry(peer, expiresAt);
    }, wait);
    conn.expiry.unref();
  }

  /** Decides again with the connection's token (or a fresh one): closes, downgrades or upgrades it. */
  async function reauthorize(peer: Peer, freshToken?: string): Promise<void> {
    const conn = conns.get(peer);
    if (!conn || peer.dropped) return;
    const token = freshToken ?? conn.token;
    const auth = await authorize(authDeps, token, conn.room);
    if (peer.dropped || !conns.has(peer)) return;
    if (!auth.ok) {
      const reason = freshToken ? `fresh token refused: ${auth.reason}` : `access changed: ${auth.reason}`;
      dropPeer(peer, auth.code === 1011 ? 1011 : auth.code, reason);
      return;
    }
    if (auth.userId !== peer.userId) {
      dropPeer(peer, CLOSE.forbidden, 'a fresh token must be for the same user');
      return;
    }
    conn.token = token;
    peer.access = auth.access;
    peer.readOnly = auth.access !== 'rw';
    peer.name = auth.name;
    armExpiry(peer, auth.expiresAt);
  }

  const feed = options.edgeUrl
    ? new AccessFeed({
        edgeUrl: options.edgeUrl,
        secret: internalSecret,
        onChange: (change) => {
          for (const [peer, conn] of conns) {
            if (concernsConnection(change, { userId: peer.userId, room: conn.room })) void reauthorize(peer);
          }
        },
      })
    : null;
  if (feed) feed.start();
  else console.warn('collab-server: COLLAB_EDGE_URL unset: access changes reach open connections only at token expiry');
  const snapshot = () => ({
    ...metrics.snapshot(docs.size),
    quarantined: [...docs.quarantined.keys()],
    accessFeed: (feed ? (feed.connected ? 'connected' : 'disconnected') : 'off') as
      | 'connected'
      | 'disconnected'
      | 'off',
  });
  const authDeps = { jwtSecret: options.jwtSecret, edgeDb };
  let closing = false;

  // ws itself refuses (1009, no reason) anything beyond twice the limit before buffering it;
  // between the limit and that, we close with 1009 and a reason.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes * 2, perMessageDeflate: false });
  const http = createServer((req, res) => answerHttp(req, res));

  function answerHttp(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\/collab(?=\/)/, '');
    if (req.method === 'GET' && path === '/health') json(res, 200, { status: 'ok' });
    else if (req.method === 'GET' && path === '/metrics') json(res, 200, snapshot());
    else json(res, 404, { error: { code: 'not_found', message: 'Not found' } });
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void upgrade(req, socket, head).catch((err) => {
      console.error('collab-server: upgrade failed', err);
      socket.destroy();
    });
  });

  function refuseSocket(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    // Custom close codes need an accepted socket; nothing else is sent on it before the close.
    wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const room = roomFromPath(url.pathname);
    const auth: AuthResult =
      room === null
        ? { ok: false, code: CLOSE.badRequest, reason: 'no document in path' }
        : await authorize(authDeps, url.searchParams.get('token'), room);
    if (closing || socket.destroyed) return void socket.destroy();
    if (!auth.ok || room === null) {
      const { code, reason } = auth.ok ? { code: CLOSE.badRequest, reason: 'bad request' } : auth;
      return refuseSocket(req, socket, head, code, reason);
    }
    let doc: SharedDoc;
    try {
      doc = await docs.acquire(auth.storageName);
    } catch (err) {
      console.error(`collab-server: loading ${room} failed`, err);
      return refuseSocket(req, socket, head, 1011, 'document unavailable');
    }
    if (closing || socket.destroyed) {
      docs.release(doc);
      return void socket.destroy();
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const peer: Peer = {
        ws,
        access: auth.access,
        userId: auth.userId,
        name: auth.name,
        readOnly: auth.access !== 'rw',
        awarenessIds: new Set(),
        isAlive: true,
        dropped: false,
        messages: new TokenBucket(limits.messagesPerSecond, limits.messageBurst),
        bytes: new TokenBucket(limits.bytesPerSecond, limits.byteBurst),
        presence: new TokenBucket(limits.presencePerSecond, limits.presencePerSecond * 2),
        presenceWaiting: null,
        presenceTimer: null,
      };
      metrics.connections++;
      conns.set(peer, { token: url.searchParams.get('token') ?? '', room, expiry: null });
      armExpiry(peer, auth.expiresAt);
      ws.on('pong', () => {
        peer.isAlive = true;
      });
      ws.on('error', () => {
        // Protocol errors (e.g. a frame beyond maxPayload) are answered by ws with a close.
      });
      ws.on('close', () => {
        metrics.connections--;
        const conn = conns.get(peer);
        if (conn?.expiry) clearTimeout(conn.expiry);
        conns.delete(peer);
        doc.removePeer(peer);
        docs.release(doc);
      });
      ws.on('message', (data, isBinary) => {
        if (peer.dropped) return;
        if (!isBinary || !Buffer.isBuffer(data)) return dropPeer(peer, 1003, 'binary y-websocket messages only');
        if (data.length > maxMessageBytes) return dropPeer(peer, 1009, `message larger than ${maxMessageBytes} bytes`);
        if (!peer.messages.take(1)) {
          return dropPeer(peer, CLOSE.rateLimited, `more than ${limits.messagesPerSecond} messages per second`);
        }
        if (!peer.bytes.take(data.length)) {
          return dropPeer(peer, CLOSE.rateLimited, `more than ${limits.bytesPerSecond} bytes per second`);
        }
        const started = trace ? performance.now() : 0;
        try {
          doc.receive(peer, data);
        } catch (err) {
          if (err instanceof MalformedMessage) return dropPeer(peer, 1003, `malformed message: ${err.message}`);
          console.error(`collab-server: handling a message on ${room} failed`, err);
          dropPeer(peer, 1011, 'internal error');
        } finally {
          trace?.record('receive', started);
        }
      });
      doc.addPeer(peer);
    });
  }

  const pingTimer = setInterval(() => {
    for (const doc of docs.all()) {
      for (const peer of doc.peers) {
        if (!peer.isAlive) {
          peer.ws.terminate();
          continue;
        }
        peer.isAlive = false;
        peer.ws.ping();
      }
    }
  }, options.pingIntervalMs ?? 30_000);
  pingTimer.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;

  return {
    port,
    metrics: snapshot,
    accessFeedReady: () => feed?.ready ?? Promise.resolve(),
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(pingTimer);
      feed?.stop();
      for (const conn of conns.values()) if (conn.expiry) clearTimeout(conn.expiry);
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await log.flushed();
      await projector?.flush();
      projector?.close();
      for (const client of wss.clients) client.terminate();
      for (const doc of docs.all()) docs.unload(doc);
      await log.close();
      await relay?.close();
      edgeDb.close();
      http.closeAllConnections();
      await httpClosed;
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
