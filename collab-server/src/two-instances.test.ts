/** Two collab-server instances on one log, behind a real redis-server. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabServer } from './server.ts';
import { type Child, startChild, stopChild } from './test-child.ts';
import { startRedis, type TestRedis } from './test-redis.ts';
import {
  closeClient,
  connectClient,
  countLogRows,
  createFixture,
  type Fixture,
  freePort,
  handled,
  readStoredDoc,
  sleep,
  startTestServer,
  type TestClient,
  tokenFor,
  waitFor,
} from './test-support.ts';

let fx: Fixture;
let redis: TestRedis;
const servers: CollabServer[] = [];
const children: Child[] = [];
const clients: TestClient[] = [];

beforeEach(async () => {
  fx = await createFixture();
  redis = await startRedis();
});

afterEach(async () => {
  for (const c of clients.splice(0)) closeClient(c);
  for (const s of servers.splice(0)) await s.close();
  for (const c of children.splice(0)) stopChild(c);
  redis.stop();
  fx.cleanup();
});

const same = (a: Y.Doc, b: Y.Doc) =>
  a.getText('notes').toString() === b.getText('notes').toString() &&
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

describe('two instances behind Redis', () => {
  it('converge live across instances, share presence, and both compacting loses nothing', async () => {
    const a = await startTestServer(fx, { redisUrl: redis.url, compactAfter: 5 });
    const b = await startTestServer(fx, { redisUrl: redis.url, compactAfter: 5 });
    servers.push(a, b);
    const room = `event:${fx.eventId}:tasks`;
    const token = await tokenFor(await fx.addUser('manager', { name: 'Priya' }), 'manager');
    const onA = await connectClient(a.port, room, token);
    const onB = await connectClient(b.port, room, token);
    clients.push(onA, onB);

    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 120; i++) {
      const doc = rand() < 0.5 ? onA.doc : onB.doc;
      const text = doc.getText('notes');
      if (text.length > 20 && rand() < 0.2) text.delete(Math.floor(rand() * (text.length - 3)), 2);
      else text.insert(Math.floor(rand() * (text.length + 1)), `${i % 10}`);
      if (i % 10 === 0) await sleep(5);
    }
    await waitFor(() => same(onA.doc, onB.doc), 10_000, 'convergence across instances');

    onA.provider.awareness.setLocalStateField('user', { name: 'spoof' });
    await waitFor(
      () => onB.provider.awareness.getStates().get(onA.doc.clientID)?.user?.name === 'Priya',
      5_000,
      'presence across instances',
    );

    // A third peer, on a fresh connection to the other instance, catches up.
    const late = await connectClient(b.port, room, token);
    clients.push(late);
    await waitFor(() => same(late.doc, onA.doc), 5_000, 'late peer catches up');

    // Each instance answers a sync step 1 only once what it accepted is committed.
    await handled(onA.provider.ws);
    await handled(onB.provider.ws);
    const stored = await readStoredDoc(fx.collabUrl, room);
    expect(stored.getText('notes').toString()).toBe(onA.doc.getText('notes').toString());
    expect(await countLogRows(fx.collabUrl, room)).toBeLessThan(120);
  });

  it('loses nothing any peer saw when one instance is killed -9; compaction by both', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const env = { COLLAB_REDIS_URL: redis.url, COLLAB_COMPACT_AFTER: '20', COLLAB_GROUP_COMMIT_MS: '10' };
    let a = await startChild(fx, portA, env);
    const b = await startChild(fx, portB, env);
    children.push(a, b);
    const room = `event:${fx.eventId}:dayof`;
    const token = await tokenFor(await fx.addUser('operations'), 'operations');
    const writerA = await connectClient(portA, room, token);
    const writerB = await connectClient(portB, room, token);
    const observer = await connectClient(portB, room, token);
    let received = 0;
    observer.doc.on('update', () => {
      received++;
    });
    let stop = false;
    const writing = (async () => {
      for (let i = 0; !stop; i++) {
        const w = i % 3 === 0 ? writerB : writerA;
        const t = w.doc.getText('notes');
        t.insert(t.length, `${i};`);
        await sleep(i % 4 === 0 ? 2 : 0);
      }
    })();
    await waitFor(() => received >= 300, 30_000, 'observer on B receives');
    a.process.kill('SIGKILL');
    await a.exited;
    stop = true;
    await writing;
    const seen = Y.encodeStateAsUpdate(observer.doc);
    const seenVector = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
    for (const c of [writerA, writerB, observer]) closeClient(c);

    a = await startChild(fx, portA, env);
    children.push(a);
    for (const port of [portA, portB]) {
      const fresh = await connectClient(port, room, token);
      clients.push(fresh);
      const vector = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
      for (const [client, clock] of seenVector) expect(vector.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
      const merged = new Y.Doc();
      Y.applyUpdate(merged, Y.encodeStateAsUpdate(fresh.doc));
      const before = merged.getText('notes').toString();
      Y.applyUpdate(merged, seen);
      expect(merged.getText('notes').toString()).toBe(before);
    }
    // The log (compacted by both instances while they wrote) holds the same.
    const stored = await readStoredDoc(fx.collabUrl, room);
    const vector = Y.decodeStateVector(Y.encodeStateVector(stored));
    for (const [client, clock] of seenVector) expect(vector.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
    console.log(`two instances: observer saw ${received} updates; rows left ${await countLogRows(fx.collabUrl, room)}`);
  });
});
