/** Shared fixtures for the collab-server tests: temp databases, edge tables, tokens, clients. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { sign } from 'hono/jwt';
import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeSyncStep1, MESSAGE } from './protocol.ts';
import { type CollabServer, type CollabServerOptions, startCollabServer } from './server.ts';

export const SECRET = 'test-secret-for-collab-server-tests';

export interface Fixture {
  dir: string;
  edgeUrl: string;
  collabUrl: string;
  edge: Client;
  eventId: string;
  addUser(role: string, opts?: { status?: string; tv?: number; name?: string }): Promise<string>;
  grant(userId: string, access: 'read' | 'write', eventId?: string): Promise<void>;
  /** A lead, and optionally the event it was converted into. */
  addLead(opts?: { convert?: boolean }): Promise<{ leadId: string; eventId: string | null }>;
  /** An issued brief share link's row (as the edge writes it); returns its id. */
  addShareLink(docName: string, opts?: { revoked?: boolean }): Promise<string>;
  cleanup(): void;
}

export async function createFixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-collab-'));
  const edgeUrl = `file:${join(dir, 'edge.db')}`;
  const collabUrl = `file:${join(dir, 'collab.db')}`;
  const edge = createClient({ url: edgeUrl });
  await edge.executeMultiple(`
    CREATE TABLE users (id TEXT PRIMARY KEY, role TEXT NOT NULL, status TEXT NOT NULL, token_version INTEGER NOT NULL DEFAULT 0,
      name TEXT NOT NULL DEFAULT 'Test user');
    CREATE TABLE leads (id TEXT PRIMARY KEY);
    CREATE TABLE events (id TEXT PRIMARY KEY, lead_id TEXT);
    CREATE TABLE event_access (event_id TEXT NOT NULL, user_id TEXT NOT NULL, access TEXT NOT NULL DEFAULT 'read',
      PRIMARY KEY (event_id, user_id));
  `);
  // The projection tables, from the edge's own migration.
  const projections = readFileSync(new URL('../../migrations/0002_collab_projections.sql', import.meta.url), 'utf8');
  await edge.executeMultiple(projections.replaceAll('--> statement-breakpoint', ''));
  const shareLinks = readFileSync(new URL('../../migrations/0023_brief_share_links.sql', import.meta.url), 'utf8');
  await edge.executeMultiple(shareLinks.replaceAll('--> statement-breakpoint', ''));
  const eventId = randomUUID();
  await edge.execute({ sql: 'INSERT INTO events (id) VALUES (?)', args: [eventId] });
  return {
    dir,
    edgeUrl,
    collabUrl,
    edge,
    eventId,
    async addUser(role, opts = {}) {
      const id = randomUUID();
      await edge.execute({
        sql: 'INSERT INTO users (id, role, status, token_version, name) VALUES (?, ?, ?, ?, ?)',
        args: [id, role, opts.status ?? 'active', opts.tv ?? 0, opts.name ?? `${role} user`],
      });
      return id;
    },
    async grant(userId, access, forEvent = eventId) {
      await edge.execute({
        sql: 'INSERT INTO event_access (event_id, user_id, access) VALUES (?, ?, ?)',
        args: [forEvent, userId, access],
      });
    },
    async addLead(opts = {}) {
      const leadId = randomUUID();
      await edge.execute({ sql: 'INSERT INTO leads (id) VALUES (?)', args: [leadId] });
      if (!opts.convert) return { leadId, eventId: null };
      const converted = randomUUID();
      await edge.execute({ sql: 'INSERT INTO events (id, lead_id) VALUES (?, ?)', args: [converted, leadId] });
      return { leadId, eventId: converted };
    },
    async addShareLink(docName, opts = {}) {
      const id = randomUUID();
      const now = new Date().toISOString();
      await edge.execute({
        sql: 'INSERT INTO brief_share_links (id, document, expires_at, revoked_at, created_at) VALUES (?, ?, ?, ?, ?)',
        args: [id, docName, now, opts.revoked ? now : null, now],
      });
      return id;
    },
    cleanup() {
      edge.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function tokenFor(
  userId: string,
  role: string,
  opts: { tv?: number; expiresInS?: number; secret?: string; typ?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return sign(
    { sub: userId, role, tv: opts.tv ?? 0, typ: opts.typ ?? 'access', iat: now, exp: now + (opts.expiresInS ?? 900) },
    opts.secret ?? SECRET,
    'HS256',
  );
}

/** Resolves once the clock is past the token's expiry (its `exp`, in seconds), as the server reads it. */
export async function pastExpiryOf(token: string): Promise<void> {
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number };
  await waitFor(() => Date.now() > exp * 1000, 10_000, 'the token to expire');
}

export function startTestServer(fx: Fixture, options: Partial<CollabServerOptions> = {}): Promise<CollabServer> {
  return startCollabServer({
    port: 0,
    host: '127.0.0.1',
    jwtSecret: SECRET,
    edgeDatabaseUrl: fx.edgeUrl,
    collabDatabaseUrl: fx.collabUrl,
    ...options,
  });
}

export interface ServerPerTest {
  /** This test's fixture and server (set in beforeEach). */
  fx: Fixture;
  server: CollabServer;
  /** A synced client, closed after the test. */
  client(room: string, token: string): Promise<TestClient>;
}

/** A fresh fixture and an in-process server for each test of the file; clients closed, all removed after it. */
export function useServerPerTest(options: Partial<CollabServerOptions> = {}): ServerPerTest {
  const clients: TestClient[] = [];
  const ctx = {
    async client(room: string, token: string) {
      const c = await connectClient(ctx.server.port, room, token);
      clients.push(c);
      return c;
    },
  } as ServerPerTest;
  beforeEach(async () => {
    ctx.fx = await createFixture();
    ctx.server = await startTestServer(ctx.fx, options);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) closeClient(c);
    await ctx.server.close();
    ctx.fx.cleanup();
  });
  return ctx;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** A stock y-websocket client, resolved once it has synced. */
export async function connectClient(port: number, room: string, token: string, prefix = ''): Promise<TestClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}${prefix}`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    // Node has BroadcastChannel: without this, clients in one process would sync around the server.
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client for ${room} did not sync`)), 10_000);
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { doc, provider };
}

export function closeClient(client: TestClient): void {
  client.provider.destroy();
  client.doc.destroy();
}

export interface RawConnection {
  ws: WebSocket;
  messages: Buffer[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
}

/** A bare socket, to see exactly what the server sends and how it closes. */
export function rawConnect(url: string): RawConnection {
  const ws = new WebSocket(url);
  const messages: Buffer[] = [];
  ws.on('message', (data) => messages.push(data as Buffer));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, messages, closed, opened };
}

/**
 * Resolves once the server has handled every message sent on `ws` before the call. It sends a
 * sync step 1 and waits for the answer (sync step 2, sent only in answer to one): one socket's
 * messages are handled in order, a closed peer gets no answer, and the answer waits until every
 * update the server accepted before it is committed and relayed to the other peers. So after
 * `handled(sender)` then `handled(receiver)`, an edit of the sender's that the server accepted has
 * reached the receiver: what the receiver lacks was dropped. Works on a provider's socket
 * (`client.provider.ws`) and on a raw one.
 */
export async function handled(ws: WebSocket | globalThis.WebSocket | null, timeoutMs = 5_000): Promise<void> {
  const socket = ws as WebSocket | null;
  if (!socket || socket.readyState !== WebSocket.OPEN) throw new Error('handled(): the socket is not open');
  await new Promise<void>((resolve, reject) => {
    const onMessage = (data: Buffer | ArrayBuffer) => {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
      if (bytes[0] === MESSAGE.sync && bytes[1] === messageYjsSyncStep2) done(null);
    };
    const onClose = (code: number) => done(new Error(`the socket closed (${code}) before the server answered`));
    const timer = setTimeout(() => done(new Error('the server did not answer a sync step 1')), timeoutMs);
    function done(err: Error | null) {
      clearTimeout(timer);
      socket?.off('message', onMessage);
      socket?.off('close', onClose);
      if (err) reject(err);
      else resolve();
    }
    socket.on('message', onMessage);
    socket.on('close', onClose);
    socket.send(encodeSyncStep1(new Y.Doc()));
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition') {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Rebuilds a document from the collab database alone, the way a restarted server would. */
export async function readStoredDoc(collabUrl: string, docName: string): Promise<Y.Doc> {
  const db = createClient({ url: collabUrl });
  try {
    const [snap, upd] = await db.batch(
      [
        { sql: 'SELECT upto_seq, state FROM doc_snapshots WHERE doc_name = ?', args: [docName] },
        {
          sql: `SELECT data FROM doc_updates WHERE doc_name = ?
                AND seq > COALESCE((SELECT upto_seq FROM doc_snapshots WHERE doc_name = ?), 0) ORDER BY seq`,
          args: [docName, docName],
        },
      ],
      'read',
    );
    const doc = new Y.Doc();
    const state = snap?.rows[0]?.state;
    if (state instanceof ArrayBuffer) Y.applyUpdate(doc, new Uint8Array(state));
    for (const row of upd?.rows ?? []) Y.applyUpdate(doc, new Uint8Array(row.data as ArrayBuffer));
    return doc;
  } finally {
    db.close();
  }
}

export async function countLogRows(collabUrl: string, docName: string): Promise<number> {
  const db = createClient({ url: collabUrl });
  try {
    const res = await db.execute({ sql: 'SELECT COUNT(*) AS n FROM doc_updates WHERE doc_name = ?', args: [docName] });
    return Number(res.rows[0]?.n ?? 0);
  } finally {
    db.close();
  }
}
