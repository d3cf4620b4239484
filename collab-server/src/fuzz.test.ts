/**
 * Fuzz: valid updates, mutated byte by byte, sent to the real server by a peer with write access.
 * The server must never crash, never store an update it could not apply, keep relaying, and every
 * document must load the same after a restart.
 */

import { createClient } from '@libsql/client';
import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { foldStored } from './fold.ts';
import { readStoredDoc as readRows } from './persistence.ts';
import { encodeUpdate, MESSAGE } from './protocol.ts';
import type { CollabServer } from './server.ts';
import {
  closeClient,
  connectClient,
  createFixture,
  type Fixture,
  type RawConnection,
  rawConnect,
  startTestServer,
  type TestClient,
  tokenFor,
  waitFor,
} from './test-support.ts';

let fx: Fixture;
let server: CollabServer | null = null;
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  fx = await createFixture();
});

afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await server?.close();
  server = null;
  fx.cleanup();
});

/** Valid updates of every kind a document holds: text, formatting, maps, arrays, nested types, deletions. */
function seedUpdates(): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array) => {
    updates.push(u);
    Y.applyUpdate(b, u);
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== null) return;
    updates.push(u);
  });
  const text = a.getText('notes');
  text.insert(0, 'Sangeet on the lawn, 7 pm');
  text.format(0, 7, { bold: true, href: 'https://example.com' });
  text.delete(3, 4);
  const tasks = a.getArray<Y.Map<unknown>>('tasks');
  const task = new Y.Map<unknown>();
  tasks.push([task]);
  task.set('title', 'Mandap flowers');
  task.set('done', false);
  const sub = new Y.Array<string>();
  task.set('subtasks', sub);
  sub.push(['marigold', 'roses']);
  a.getMap('fields').set('budget', 150000);
  a.getMap('fields').set('blob', new Uint8Array([1, 2, 3, 4]));
  tasks.delete(0, 1);
  b.getText('notes').insert(2, 'from b');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  updates.push(Y.encodeStateAsUpdate(a));
  return updates;
}

type Mutation =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'remove'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swap'; at: number; other: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
);

function mutate(input: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = Array.from(input);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    if (m.kind === 'set') bytes[at] = m.value;
    else if (m.kind === 'insert') bytes.splice(at, 0, ...m.bytes);
    else if (m.kind === 'remove') bytes.splice(at, m.length);
    else if (m.kind === 'truncate') bytes = bytes.slice(0, at);
    else {
      const other = bytes.length === 0 ? 0 : m.other % bytes.length;
      [bytes[at], bytes[other]] = [bytes[other] as number, bytes[at] as number];
    }
  }
  return Uint8Array.from(bytes);
}

describe('fuzzing the update path', () => {
  it('never crashes, never stores an update it could not apply, and every document reloads the same', async () => {
    server = await startTestServer(fx, {
      compactAfter: 40,
      limits: { messagesPerSecond: 10_000, messageBurst: 10_000 },
    });
    const room = `event:${fx.eventId}:tasks`;
    const managerToken = await tokenFor(await fx.addUser('manager'), 'manager');
    const watcher: TestClient = await connectClient(server.port, room, managerToken);
    cleanups.push(() => closeClient(watcher));
    const seeds = seedUpdates();
    const outcomes = { kept: 0, closed: 0 };

    let peer: RawConnection | null = null;
    const openPeer = async (): Promise<RawConnection> => {
      if (peer && peer.ws.readyState === WebSocket.OPEN) return peer;
      const port = server?.port;
      peer = rawConnect(`ws://127.0.0.1:${port}/${room}?token=${managerToken}`);
      const p = peer;
      cleanups.push(() => p.ws.terminate());
      await p.opened;
      return p;
    };
    /** Sends `message`, then a sync step 1; resolves on the step 2 answer (all committed) or on the close. */
    const exchange = async (message: Uint8Array): Promise<'answered' | 'closed'> => {
      const p = await openPeer();
      const before = p.messages.length;
      const isClosed = p.closed.then(() => 'closed' as const);
      p.ws.send(message);
      p.ws.send(new Uint8Array([MESSAGE.sync, 0, 1, 0]));
      const answered = (async () => {
        while (p.ws.readyState === WebSocket.OPEN) {
          if (p.messages.slice(before).some((m) => m[0] === MESSAGE.sync && m[1] === 1)) return 'answered' as const;
          await new Promise((r) => setTimeout(r, 2));
        }
        return 'closed' as const;
      })();
      return Promise.race([answered, isClosed]);
    };

    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (seedIndex, mutations, wrapped) => {
          const seed = seeds[seedIndex] as Uint8Array;
          const message = wrapped ? encodeUpdate(mutate(seed, mutations)) : mutate(encodeUpdate(seed), mutations);
          const outcome = await exchange(message);
          if (outcome === 'closed') outcomes.closed++;
          else outcomes.kept++;
          const health = await fetch(`http://127.0.0.1:${server?.port}/health`);
          expect(health.status).toBe(200);
        },
      ),
      { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
    console.log(`fuzz: ${outcomes.kept} mutated messages kept the peer connected, ${outcomes.closed} closed it`);
    expect(outcomes.closed).toBeGreaterThan(0);
    expect(outcomes.kept).toBeGreaterThan(0);

    // Still relaying.
    const editor = await connectClient(server.port, room, managerToken);
    cleanups.push(() => closeClient(editor));
    editor.doc.getText('after').insert(0, 'still live');
    await waitFor(() => watcher.doc.getText('after').toString() === 'still live', 5_000, 'relay after fuzzing');
    expect(server.metrics().quarantined).toEqual([]);

    // Every stored row applies, in order, alone.
    const db = createClient({ url: fx.collabUrl });
    const stored = await readRows(db, room);
    db.close();
    const folded = foldStored(stored);
    expect(folded.badSeqs).toEqual([]);
    expect(folded.badSnapshot).toBe(false);
    const expected = Y.encodeStateVector(watcher.doc);
    expect(Buffer.from(Y.encodeStateVector(folded.ydoc)).equals(Buffer.from(expected))).toBe(true);

    // A restart loads the same document.
    await server.close();
    server = await startTestServer(fx);
    const fresh = await connectClient(server.port, room, managerToken);
    cleanups.push(() => closeClient(fresh));
    expect(Buffer.from(Y.encodeStateVector(fresh.doc)).equals(Buffer.from(expected))).toBe(true);
    expect(fresh.doc.getText('notes').toString()).toBe(watcher.doc.getText('notes').toString());
    expect(server.metrics().quarantined).toEqual([]);
  });
});
