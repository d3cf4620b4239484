/** A commit hook that throws must not lose the update or leave a peer waiting (18fa161). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { type Peer, SharedDoc } from './documents.ts';
import { DEFAULT_LIMITS, TokenBucket } from './limits.ts';
import { Metrics } from './metrics.ts';
import { UpdateLog } from './persistence.ts';
import { decodeMessage, encodeSyncStep1, encodeUpdate } from './protocol.ts';
import { countLogRows, readStoredDoc } from './test-support.ts';

let dir: string;
let url: string;
let log: UpdateLog | null = null;
let wss: WebSocketServer | null = null;
const sockets: WebSocket[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collab-hooks-'));
  url = `file:${join(dir, 'log.db')}`;
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  wss = null;
  await log?.close();
  log = null;
  rmSync(dir, { recursive: true, force: true });
});

/** A real socket pair: the server side becomes a peer, the client side collects what it is sent. */
async function peerPair(userId: string): Promise<{ peer: Peer; received: Uint8Array[] }> {
  if (!wss) {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => wss?.once('listening', resolve));
  }
  const { port } = wss.address() as { port: number };
  const accepted = new Promise<WebSocket>((resolve) => wss?.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  client.binaryType = 'nodebuffer';
  const received: Uint8Array[] = [];
  client.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  await new Promise((resolve) => client.once('open', resolve));
  const ws = await accepted;
  sockets.push(client, ws);
  const peer: Peer = {
    ws,
    access: 'rw',
    isAlive: true,
    dropped: false,
    userId,
    name: userId,
    readOnly: false,
    awarenessIds: new Set(),
    messages: new TokenBucket(DEFAULT_LIMITS.messagesPerSecond, DEFAULT_LIMITS.messageBurst),
    bytes: new TokenBucket(DEFAULT_LIMITS.bytesPerSecond, DEFAULT_LIMITS.byteBurst),
    presence: new TokenBucket(DEFAULT_LIMITS.presencePerSecond, DEFAULT_LIMITS.presencePerSecond * 2),
    presenceWaiting: null,
    presenceTimer: null,
  };
  return { peer, received };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a commit hook that throws', () => {
  it('keeps the update committed and still answers a sync step 1 that waited for it', async () => {
    // A 50 ms group window: the sync step 1 below arrives while the update is still uncommitted.
    log = await UpdateLog.open({ url, groupCommitMs: 50, compactAfter: 1000, metrics: new Metrics() });
    const opened = log;
    const name = 'event:hooks:tasks';
    let thrown = 0;
    const throwing = () => {
      thrown++;
      throw new Error('hook failed');
    };
    const doc = new SharedDoc(
      name,
      opened,
      {
        onDurable: throwing,
        onCommitted: throwing,
        loadStored: (n) => opened.load(n),
        limits: DEFAULT_LIMITS,
        onQuarantine: () => {},
      },
      new Y.Doc(),
    );
    const writer = await peerPair('writer');
    const reader = await peerPair('reader');
    doc.addPeer(writer.peer);
    doc.addPeer(reader.peer);

    const source = new Y.Doc();
    source.getText('notes').insert(0, 'Caterer arrives 16:05');
    doc.receive(writer.peer, encodeUpdate(Y.encodeStateAsUpdate(source)));
    // The reader asks for the document while that update is in the group window.
    const before = reader.received.length;
    doc.receive(reader.peer, encodeSyncStep1(new Y.Doc()));

    const got = new Y.Doc();
    await until(() => {
      for (const data of reader.received.slice(before)) {
        const msg = decodeMessage(data);
        if (msg.kind === 'update') Y.applyUpdate(got, msg.update);
      }
      return got.getText('notes').toString() === 'Caterer arrives 16:05';
    }, 'the reader to be answered with the update');
    expect(thrown).toBeGreaterThan(0);
    // Committed, and the writer was not dropped for a hook's error.
    await opened.flushed();
    expect(await countLogRows(url, name)).toBe(1);
    expect((await readStoredDoc(url, name)).getText('notes').toString()).toBe('Caterer arrives 16:05');
    expect(writer.peer.dropped).toBe(false);
    doc.destroy();
  });
});
