/** Hostile peers against the real server on a real port: each is refused or dropped, the others carry on. */
import { createClient } from '@libsql/client';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE } from './auth.ts';
import {
  deepNestingUpdate,
  hugeAttributeUpdate,
  poisonUpdate,
  truncatedUpdate,
  unknownDeletesUpdate,
} from './crafted-updates.ts';
import { MAX_NESTING } from './documents.ts';
import { encodeAwarenessEntries } from './presence.ts';
import { encodeUpdate, MESSAGE } from './protocol.ts';
import { repairDatabase } from './repair.ts';
import type { CollabServer } from './server.ts';
import {
  closeClient,
  connectClient,
  countLogRows,
  createFixture,
  type Fixture,
  handled,
  type RawConnection,
  rawConnect,
  readStoredDoc,
  startTestServer,
  type TestClient,
  tokenFor,
  waitFor,
} from './test-support.ts';

let fx: Fixture;
let server: CollabServer | null = null;
let clients: TestClient[] = [];
let raws: RawConnection[] = [];

beforeEach(async () => {
  fx = await createFixture();
});

afterEach(async () => {
  for (const c of clients) closeClient(c);
  for (const r of raws) r.ws.terminate();
  clients = [];
  raws = [];
  await server?.close();
  server = null;
  fx.cleanup();
});

async function client(room: string, token: string): Promise<TestClient> {
  if (!server) throw new Error('no server');
  const c = await connectClient(server.port, room, token);
  clients.push(c);
  return c;
}

async function raw(room: string, token: string): Promise<RawConnection> {
  if (!server) throw new Error('no server');
  const r = rawConnect(`ws://127.0.0.1:${server.port}/${room}?token=${token}`);
  raws.push(r);
  await r.opened;
  return r;
}

function awarenessMessage(entries: { clientId: number; clock: number; state: Record<string, unknown> | null }[]) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries));
  return encoding.toUint8Array(encoder);
}

/** A writer and a watcher on one document and another pair on a second one, to see the server keep serving. */
async function bystanders() {
  const tasks = `event:${fx.eventId}:tasks`;
  const dayof = `event:${fx.eventId}:dayof`;
  const managerToken = await tokenFor(await fx.addUser('manager'), 'manager');
  const opsToken = await tokenFor(await fx.addUser('operations'), 'operations');
  return {
    tasks,
    dayof,
    managerToken,
    writer: await client(tasks, managerToken),
    watcher: await client(tasks, opsToken),
    otherWriter: await client(dayof, managerToken),
    otherWatcher: await client(dayof, opsToken),
  };
}

async function stillServing(b: Awaited<ReturnType<typeof bystanders>>, mark: string) {
  b.writer.doc.getText('notes').insert(0, mark);
  b.otherWriter.doc.getText('notes').insert(0, mark);
  await waitFor(() => b.watcher.doc.getText('notes').toString().startsWith(mark), 5_000, `relay of ${mark}`);
  await waitFor(() => b.otherWatcher.doc.getText('notes').toString().startsWith(mark), 5_000, `relay of ${mark}`);
}

describe('crafted updates', () => {
  it('refuses each one, keeps serving the others, and the document stays loadable', async () => {
    server = await startTestServer(fx);
    const b = await bystanders();
    const vendor = await fx.addUser('vendor');
    await fx.grant(vendor, 'write');
    const vendorToken = await tokenFor(vendor, 'vendor');

    const cases: { what: string; message: Uint8Array; code: number }[] = [
      { what: 'poison', message: encodeUpdate(poisonUpdate()), code: CLOSE.invalidUpdate },
      { what: 'deep nesting', message: encodeUpdate(deepNestingUpdate(MAX_NESTING + 10)), code: CLOSE.invalidUpdate },
      { what: 'very deep nesting', message: encodeUpdate(deepNestingUpdate(20_000)), code: CLOSE.invalidUpdate },
      { what: 'attribute over the message cap', message: encodeUpdate(hugeAttributeUpdate(3_000_000)), code: 1009 },
      { what: 'truncated', message: encodeUpdate(truncatedUpdate()), code: 1003 },
      { what: 'not an update at all', message: encodeUpdate(new Uint8Array([1, 2, 3, 250, 250, 250])), code: 1003 },
    ];
    for (const c of cases) {
      const attacker = await raw(b.tasks, vendorToken);
      attacker.ws.send(c.message);
      const closed = await attacker.closed;
      expect(closed.code, c.what).toBe(c.code);
      await stillServing(b, `${c.what};`);
    }

    // Nesting just under the limit is a valid document.
    const fine = await raw(b.tasks, vendorToken);
    fine.ws.send(encodeUpdate(deepNestingUpdate(MAX_NESTING - 2)));
    await waitFor(() => b.watcher.doc.getMap('fields').has('n'), 5_000, 'nested map relayed');

    // Deleting items nobody has changes nothing: nothing stored, nothing relayed, not worth a disconnect.
    const rowsBefore = await countLogRows(fx.collabUrl, b.tasks);
    fine.ws.send(encodeUpdate(unknownDeletesUpdate()));
    await stillServing(b, 'after deletes;');
    expect(await countLogRows(fx.collabUrl, b.tasks)).toBe(rowsBefore + 1);
    expect(fine.ws.readyState).toBe(WebSocket.OPEN);

    // What is stored holds none of the refused content and loads cleanly.
    const stored = await readStoredDoc(fx.collabUrl, b.tasks);
    expect(stored.getText('notes').toString()).toBe(b.writer.doc.getText('notes').toString());
    expect(stored.getText('notes').toString()).not.toContain('boom');
    expect(b.watcher.doc.getText('notes').toString()).toBe(b.writer.doc.getText('notes').toString());
    expect(server.metrics().quarantined).toEqual([]);
  });

  it('loads a document holding a bad stored row quarantined (read-only, in /metrics); the repair command drops the row', async () => {
    const room = `event:${fx.eventId}:tasks`;
    const good = new Y.Doc();
    good.getText('notes').insert(0, 'kept');
    const db = createClient({ url: fx.collabUrl });
    server = await startTestServer(fx); // creates the tables
    await server.close();
    await db.batch(
      [
        {
          sql: 'INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, 0)',
          args: [room, Y.encodeStateAsUpdate(good)],
        },
        { sql: 'INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, 0)', args: [room, poisonUpdate()] },
      ],
      'write',
    );
    db.close();

    server = await startTestServer(fx, { compactAfter: 1 });
    const managerToken = await tokenFor(await fx.addUser('manager'), 'manager');
    const editor = await client(room, managerToken);
    expect(editor.doc.getText('notes').toString()).toBe('kept');
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).json();
    expect(metrics.quarantined).toEqual([room]);
    editor.doc.getText('notes').insert(0, 'dropped;');
    await handled(editor.provider.ws); // answered once anything accepted is committed
    expect(await countLogRows(fx.collabUrl, room)).toBe(2); // not stored, not compacted away
    closeClient(editor);
    clients = [];
    await server.close();

    expect(await repairDatabase(fx.collabUrl, { dryRun: true })).toEqual([
      { docName: room, droppedSeqs: [2], droppedSnapshot: false, unreadable: false },
    ]);
    expect(await countLogRows(fx.collabUrl, room)).toBe(2);
    await repairDatabase(fx.collabUrl);
    expect(await countLogRows(fx.collabUrl, room)).toBe(1);
    expect(await repairDatabase(fx.collabUrl)).toEqual([]);

    server = await startTestServer(fx);
    const again = await client(room, managerToken);
    again.doc.getText('notes').insert(4, ', edited');
    await waitFor(async () => (await countLogRows(fx.collabUrl, room)) === 2, 5_000, 'edit stored');
    expect(server.metrics().quarantined).toEqual([]);
    expect((await readStoredDoc(fx.collabUrl, room)).getText('notes').toString()).toBe('kept, edited');
  });
});

describe('presence', () => {
  it('lets a peer set only its own client, with its account name, capped in size and rate', async () => {
    server = await startTestServer(fx);
    const b = await bystanders();
    b.writer.provider.awareness.setLocalStateField('user', { name: 'anything' });
    const writerId = b.writer.doc.clientID;
    await waitFor(() => b.watcher.provider.awareness.getStates().get(writerId)?.user?.name === 'manager user', 5_000);

    // A read-only peer tries to overwrite the writer's presence and to add a huge one.
    const roPeer = await raw(b.tasks, await tokenFor(await fx.addUser('finance'), 'finance'));
    roPeer.ws.send(awarenessMessage([{ clientId: writerId, clock: 999, state: { user: { name: 'spoofed' } } }]));
    roPeer.ws.send(awarenessMessage([{ clientId: 5555, clock: 1, state: { blob: 'z'.repeat(1_900_000) } }]));
    roPeer.ws.send(awarenessMessage([{ clientId: 6666, clock: 1, state: { user: { name: 'Mallory' }, cursor: 1 } }]));
    await waitFor(() => b.watcher.provider.awareness.getStates().has(6666), 5_000, 'the peer’s own presence');
    const own = b.watcher.provider.awareness.getStates().get(6666);
    expect(own).toEqual({
      user: {
        id: expect.any(String),
        name: 'finance user',
        color: expect.stringMatching(/^#[0-9a-f]{6}$/),
        focus: null,
      },
    });
    expect(b.watcher.provider.awareness.getStates().get(writerId)?.user?.name).toBe('manager user');
    expect(b.watcher.provider.awareness.getStates().has(5555)).toBe(false);

    // A flood within the message limit is coalesced: few relays, and the last state wins.
    let relays = 0;
    b.watcher.provider.awareness.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(6666)) relays++;
    });
    for (let i = 2; i < 202; i++) {
      roPeer.ws.send(awarenessMessage([{ clientId: 6666, clock: i, state: { user: { focus: `t${i}` } } }]));
    }
    await waitFor(
      () => b.watcher.provider.awareness.getStates().get(6666)?.user?.focus === 't201',
      10_000,
      'last wins',
    );
    expect(relays).toBeLessThan(80);

    // A flood beyond it closes the peer (4429); the others carry on.
    for (let i = 0; i < 2000 && roPeer.ws.readyState === WebSocket.OPEN; i++) {
      roPeer.ws.send(awarenessMessage([{ clientId: 6666, clock: 1000 + i, state: { user: {} } }]));
    }
    expect((await roPeer.closed).code).toBe(CLOSE.rateLimited);
    await waitFor(() => !b.watcher.provider.awareness.getStates().has(6666), 5_000, 'presence removed on close');
    await stillServing(b, 'after flood;');
  });
});

describe('limits', () => {
  it('drops a peer that does not read (4408 on the server side), without holding its data', async () => {
    server = await startTestServer(fx, { limits: { maxBufferedBytes: 1024 * 1024 } });
    const b = await bystanders();
    b.writer.doc.getText('notes').insert(0, 'q'.repeat(400_000));
    await waitFor(() => b.watcher.doc.getText('notes').length >= 400_000, 10_000, 'big doc relayed');

    const slow = await raw(b.tasks, b.managerToken);
    // Stop reading, then ask for the whole document again and again.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const step1 = new Uint8Array([MESSAGE.sync, 0, 1, 0]);
    for (let i = 0; i < 60; i++) slow.ws.send(step1);
    await waitFor(() => server?.metrics().connections === 4, 10_000, 'slow peer dropped');
    await stillServing(b, 'after slow;');
  });

  it('closes a peer over its message rate, and one peer’s burst does not stall another document', async () => {
    server = await startTestServer(fx, { limits: { messagesPerSecond: 50, messageBurst: 100 } });
    const b = await bystanders();
    const burst = await raw(b.tasks, b.managerToken);
    const lags: number[] = [];
    const started = performance.now();
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => burst.ws.send(encodeUpdate(u)));
    for (let i = 0; i < 99; i++) source.getText('burst').insert(0, 'b'.repeat(10_000));
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      b.otherWriter.doc.getText('notes').insert(0, `o${i};`);
      await waitFor(() => b.otherWatcher.doc.getText('notes').toString().startsWith(`o${i};`), 5_000);
      lags.push(performance.now() - t);
    }
    console.log(`relay on another document during a 1 MB burst: ${lags.map((l) => l.toFixed(0)).join(', ')} ms`);
    expect(Math.max(...lags)).toBeLessThan(1500);
    for (let i = 0; i < 50; i++) source.getText('burst').insert(0, 'c');
    expect((await burst.closed).code).toBe(CLOSE.rateLimited);
    expect(performance.now() - started).toBeLessThan(10_000);
    await stillServing(b, 'after burst;');
  });
});
