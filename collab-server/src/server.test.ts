import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from './protocol.ts';
import type { CollabServer } from './server.ts';
import {
  closeClient,
  connectClient,
  countLogRows,
  createFixture,
  type Fixture,
  handled,
  rawConnect,
  readStoredDoc,
  SECRET,
  sleep,
  startTestServer,
  type TestClient,
  tokenFor,
  waitFor,
} from './test-support.ts';

let fx: Fixture;
let server: CollabServer | null = null;
let clients: TestClient[] = [];

beforeEach(async () => {
  fx = await createFixture();
});

afterEach(async () => {
  for (const c of clients) closeClient(c);
  clients = [];
  await server?.close();
  server = null;
  fx.cleanup();
});

async function client(room: string, token: string, prefix = ''): Promise<TestClient> {
  if (!server) throw new Error('no server');
  const c = await connectClient(server.port, room, token, prefix);
  clients.push(c);
  return c;
}

/** JSON with sorted keys: Y.Map iteration order differs between replicas holding the same state. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );

const contentOf = (doc: Y.Doc) =>
  canonical({ notes: doc.getText('notes').toString(), fields: doc.getMap('fields').toJSON() });

const sameState = (a: Y.Doc, b: Y.Doc) =>
  contentOf(a) === contentOf(b) && Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

describe('collab-server', () => {
  it('answers health and metrics', async () => {
    server = await startTestServer(fx);
    const health = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).json();
    expect(metrics).toMatchObject({ connections: 0, documentsLoaded: 0, updatesPersisted: 0 });
  });

  it('converges three clients making random concurrent edits, and the log holds the same state', async () => {
    server = await startTestServer(fx);
    const room = `event:${fx.eventId}:tasks`;
    const manager = await fx.addUser('manager');
    const ops = await fx.addUser('operations');
    const vendor = await fx.addUser('vendor');
    await fx.grant(vendor, 'write');
    const peers = [
      await client(room, await tokenFor(manager, 'manager')),
      await client(room, await tokenFor(ops, 'operations'), '/collab'),
      await client(room, await tokenFor(vendor, 'vendor')),
    ];

    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    await Promise.all(
      peers.map(async ({ doc }, who) => {
        for (let i = 0; i < 150; i++) {
          const text = doc.getText('notes');
          const op = rand(10);
          if (op < 5) text.insert(rand(text.length + 1), `${who}${'abcdefgh'.slice(0, 1 + rand(8))}`);
          else if (op < 7 && text.length > 0) {
            const at = rand(text.length);
            text.delete(at, Math.min(1 + rand(4), text.length - at));
          } else doc.getMap('fields').set(`k${rand(12)}`, `${who}:${i}`);
          if (rand(3) === 0) await sleep(rand(4));
        }
      }),
    );
    const [a, b, c] = peers.map((p) => p.doc) as [Y.Doc, Y.Doc, Y.Doc];
    await waitFor(() => sameState(a, b) && sameState(b, c), 15_000, 'convergence');
    expect(a.getText('notes').length).toBeGreaterThan(0);

    const metrics = server.metrics();
    console.log('metrics after convergence test', JSON.stringify(metrics));
    expect(metrics.connections).toBe(3);
    expect(metrics.documentsLoaded).toBe(1);
    expect(metrics.updatesPersisted).toBeGreaterThan(0);

    const stored = await readStoredDoc(fx.collabUrl, room);
    expect(contentOf(stored)).toBe(contentOf(a));
  });

  it('gives a read-only peer the document and presence but drops its edits', async () => {
    server = await startTestServer(fx);
    const room = `event:${fx.eventId}:brief`;
    const writer = await client(room, await tokenFor(await fx.addUser('sales'), 'sales'));
    writer.doc.getText('brief').insert(0, 'Sangeet on the lawn');
    const readerId = await fx.addUser('finance', { name: 'Farah (finance)' });
    const reader = await client(room, await tokenFor(readerId, 'finance'));
    await waitFor(() => reader.doc.getText('brief').toString() === 'Sangeet on the lawn', 5_000, 'reader sync');
    await waitFor(async () => (await countLogRows(fx.collabUrl, room)) === 1, 5_000, 'first update persisted');

    // The name shown is the account's, not what the peer claims; a read-only peer's extras are dropped.
    reader.provider.awareness.setLocalStateField('user', { name: 'The CEO' });
    reader.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    reader.doc.getText('brief').insert(0, 'HACKED ');
    reader.doc.getMap('fields').set('budget', 1);
    await waitFor(
      () =>
        [...writer.provider.awareness.getStates().values()].some(
          (s) => s.user?.name === 'Farah (finance)' && s.user?.id === readerId && s.cursor === undefined,
        ),
      5_000,
      'reader presence',
    );
    writer.doc.getText('brief').insert(writer.doc.getText('brief').length, ', 7 pm');
    await waitFor(() => reader.doc.getText('brief').toString().endsWith(', 7 pm'), 5_000, 'reader still receives');
    // The server has handled the reader's edits, and anything of them it had accepted would have reached the writer.
    await handled(reader.provider.ws);
    await handled(writer.provider.ws);

    expect(writer.doc.getText('brief').toString()).toBe('Sangeet on the lawn, 7 pm');
    expect(writer.doc.getMap('fields').size).toBe(0);
    expect(reader.provider.wsconnected).toBe(true);
    expect(await countLogRows(fx.collabUrl, room)).toBe(2);
    expect((await readStoredDoc(fx.collabUrl, room)).getText('brief').toString()).toBe('Sangeet on the lawn, 7 pm');
  });

  describe('refuses before any sync message', () => {
    async function expectRefused(path: string, code: number) {
      if (!server) throw new Error('no server');
      const conn = rawConnect(`ws://127.0.0.1:${server.port}${path}`);
      const closed = await conn.closed;
      expect(closed.code, `${path} → ${closed.reason}`).toBe(code);
      expect(conn.messages).toHaveLength(0);
      return closed;
    }

    it('closes 4401 for missing, expired, forged, share and stale tokens', async () => {
      server = await startTestServer(fx);
      const room = `event:${fx.eventId}:brief`;
      const user = await fx.addUser('manager', { tv: 3 });
      const gone = await fx.addUser('manager', { status: 'deactivated' });
      const invited = await fx.addUser('manager', { status: 'invited' });
      await expectRefused(`/${room}`, 4401);
      await expectRefused(`/${room}?token=`, 4401);
      await expectRefused(`/${room}?token=not.a.jwt`, 4401);
      await expectRefused(`/${room}?token=${await tokenFor(user, 'manager', { tv: 3, expiresInS: -10 })}`, 4401);
      await expectRefused(`/${room}?token=${await tokenFor(user, 'manager', { tv: 3, secret: `${SECRET}x` })}`, 4401);
      await expectRefused(`/${room}?token=${await tokenFor(user, 'manager', { tv: 2 })}`, 4401);
      await expectRefused(`/${room}?token=${await tokenFor(user, 'manager', { tv: 3, typ: 'refresh' })}`, 4401);
      await expectRefused(`/${room}?token=${await tokenFor(user, 'manager', { tv: 3, typ: 'share' })}`, 4401);
      await expectRefused(`/${room}?token=${await tokenFor(gone, 'manager')}`, 4401);
      await expectRefused(`/${room}?token=${await tokenFor(invited, 'manager')}`, 4401);
      await expectRefused(`/${room}?token=${await tokenFor('no-such-user', 'manager')}`, 4401);

      // The same user with the current token version gets in (and the first thing sent is sync step 1).
      const ok = rawConnect(
        `ws://127.0.0.1:${server.port}/${room}?token=${await tokenFor(user, 'manager', { tv: 3 })}`,
      );
      await waitFor(() => ok.messages.length > 0, 5_000, 'sync step 1');
      expect([...(ok.messages[0] ?? Buffer.alloc(0)).subarray(0, 2)]).toEqual([0, 0]);
      // queryAwareness (3) is answered with an awareness message (1).
      ok.ws.send(Uint8Array.of(3));
      await waitFor(() => ok.messages.some((m) => m[0] === 1), 5_000, 'awareness answer');
      ok.ws.close();
    });

    it('closes 4403 for scoped users outside their access, 4404/4400 for unknown documents', async () => {
      server = await startTestServer(fx);
      const clientUser = await fx.addUser('client');
      await fx.grant(clientUser, 'read');
      const clientToken = await tokenFor(clientUser, 'client');
      await expectRefused(`/event:${fx.eventId}:tasks?token=${clientToken}`, 4403);
      await expectRefused(`/event:${fx.eventId}:dayof?token=${clientToken}`, 4403);
      const stranger = await fx.addUser('vendor');
      await expectRefused(`/event:${fx.eventId}:tasks?token=${await tokenFor(stranger, 'vendor')}`, 4403);

      const manager = await tokenFor(await fx.addUser('manager'), 'manager');
      await expectRefused(`/event:00000000-0000-4000-8000-000000000000:brief?token=${manager}`, 4404);
      await expectRefused(`/event:${fx.eventId}:notes?token=${manager}`, 4400);
      await expectRefused(`/lobby?token=${manager}`, 4400);
      await expectRefused(`/?token=${manager}`, 4400);

      // The client does get its event's brief, read-only.
      const brief = await client(`event:${fx.eventId}:brief`, clientToken);
      expect(brief.provider.wsconnected).toBe(true);
    });
  });

  it('closes only the peer that sends a malformed or oversized message', async () => {
    server = await startTestServer(fx, { maxMessageBytes: 64 * 1024 });
    const room = `event:${fx.eventId}:dayof`;
    const token = await tokenFor(await fx.addUser('operations'), 'operations');
    const a = await client(room, token);
    const b = await client(room, token);
    a.doc.getText('log').insert(0, 'Caterer arrived 16:05');
    await waitFor(() => b.doc.getText('log').length > 0, 5_000, 'first edit');

    const url = `ws://127.0.0.1:${server.port}/${room}?token=${token}`;
    const cases: [Uint8Array, number][] = [
      [Uint8Array.of(0, 2, 5, 0xff, 0xff, 0xff, 0xff, 0xff), 1003],
      [Uint8Array.of(42, 1, 2, 3), 1003],
      [encodeUpdate(new Uint8Array(100 * 1024)), 1009],
      [new Uint8Array(200 * 1024), 1009],
    ];
    for (const [payload, code] of cases) {
      const bad = rawConnect(url);
      await bad.opened;
      bad.ws.send(payload);
      expect((await bad.closed).code).toBe(code);
    }
    const text = rawConnect(url);
    await text.opened;
    text.ws.send('hello');
    expect((await text.closed).code).toBe(1003);

    b.doc.getText('log').insert(b.doc.getText('log').length, '; decor team 16:20');
    await waitFor(() => a.doc.getText('log').toString().endsWith('16:20'), 5_000, 'peers unaffected');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    expect((await readStoredDoc(fx.collabUrl, room)).getText('log').toString()).toBe(
      'Caterer arrived 16:05; decor team 16:20',
    );
  });

  it('compacts the log into a snapshot, unloads idle documents and reloads them', async () => {
    server = await startTestServer(fx, { compactAfter: 20, idleUnloadMs: 100 });
    const room = `event:${fx.eventId}:tasks`;
    const token = await tokenFor(await fx.addUser('manager'), 'manager');
    const first = await client(room, token);
    const tasks = first.doc.getArray<string>('tasks');
    for (let i = 0; i < 75; i++) {
      tasks.push([`task ${i}`]);
      first.doc.getText('title').insert(0, String(i % 10));
      if (i % 5 === 0) await sleep(10);
    }
    first.doc.getText('title').delete(0, 10);
    await waitFor(() => server?.metrics().updatesPersisted === 151, 10_000, 'all updates persisted');
    // Compaction runs after the commit, in the log's worker thread: it lands shortly after.
    await waitFor(async () => (await countLogRows(fx.collabUrl, room)) <= 20, 5_000, 'compaction to 20 rows or fewer');

    const expected = { tasks: tasks.toJSON(), title: first.doc.getText('title').toString() };
    closeClient(first);
    clients = [];
    await waitFor(() => server?.metrics().documentsLoaded === 0, 5_000, 'idle unload');

    // Unloaded while idle: the rows left below the threshold are folded too.
    await waitFor(async () => (await countLogRows(fx.collabUrl, room)) === 0, 5_000, 'idle compaction');

    const again = await client(room, token);
    expect({ tasks: again.doc.getArray('tasks').toJSON(), title: again.doc.getText('title').toString() }).toEqual(
      expected,
    );
    expect(again.doc.getArray('tasks').length).toBe(75);
    expect(server.metrics().documentsLoaded).toBe(1);
  });
});
