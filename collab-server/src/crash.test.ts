import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  closeClient,
  connectClient,
  createFixture,
  type Fixture,
  freePort,
  SECRET,
  sleep,
  type TestClient,
  tokenFor,
  waitFor,
} from './test-support.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const mainPath = fileURLToPath(new URL('./main.ts', import.meta.url));

let fx: Fixture;
const children: ChildProcess[] = [];

beforeEach(async () => {
  fx = await createFixture();
});

afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.length = 0;
  fx.cleanup();
});

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete env[key];
  return env;
}

/** Runs `main.ts` as a real process, resolved once it is listening. */
function startChild(port: number, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
    cwd: repoRoot,
    env: childEnv({
      JWT_SECRET: SECRET,
      DATABASE_URL: fx.edgeUrl,
      COLLAB_DATABASE_URL: fx.collabUrl,
      COLLAB_HOST: '127.0.0.1',
      COLLAB_PORT: String(port),
      ...extraEnv,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`collab-server listening on ws://127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('crash durability', () => {
  // `normal` (the default) commits without an fsync; `full` commits from the worker thread with one.
  it.each(['normal', 'full'])(
    'loses nothing any peer saw when the server is killed -9 mid-stream (COLLAB_SYNCHRONOUS=%s)',
    async (synchronous) => {
      const port = await freePort();
      const room = `event:${fx.eventId}:dayof`;
      const writerToken = await tokenFor(await fx.addUser('operations'), 'operations');
      const observerToken = await tokenFor(await fx.addUser('finance'), 'finance');

      // A wide group-commit window makes relay-before-commit bugs visible (checked: relaying first fails this).
      let child = await startChild(port, { COLLAB_GROUP_COMMIT_MS: '20', COLLAB_SYNCHRONOUS: synchronous });
      const writer = await connectClient(port, room, writerToken);
      const observer = await connectClient(port, room, observerToken);
      let received = 0;
      observer.doc.on('update', () => {
        received++;
      });

      let stop = false;
      const writing = (async () => {
        for (let i = 0; !stop; i++) {
          const log = writer.doc.getText('log');
          log.insert(log.length, `w${i};`);
          if (i % 3 === 0) writer.doc.getMap('arrivals').set(`vendor-${i % 40}`, i);
          if (i % 7 === 0 && log.length > 10) log.delete(0, 2);
          await sleep(i % 4 === 0 ? 1 : 0);
        }
      })();

      await waitFor(() => received >= 300, 30_000, 'observer to receive updates');
      child.kill('SIGKILL');
      expect((await exited(child)).signal).toBe('SIGKILL');
      stop = true;
      await writing;

      // Freeze what the observer saw, and make sure neither old client can re-sync it later.
      const seenState = Y.encodeStateAsUpdate(observer.doc);
      const seenVector = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
      const seenLog = observer.doc.getText('log').toString();
      const writerLog = writer.doc.getText('log').toString();
      closeClient(writer);
      closeClient(observer);

      child = await startChild(port, { COLLAB_SYNCHRONOUS: synchronous });
      let fresh: TestClient | null = null;
      try {
        fresh = await connectClient(port, room, await tokenFor(await fx.addUser('manager'), 'manager'));
        const freshVector = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
        for (const [clientId, clock] of seenVector)
          expect(freshVector.get(clientId) ?? 0).toBeGreaterThanOrEqual(clock);

        // Merging what the observer had into the restarted server's state changes nothing.
        const merged = new Y.Doc();
        Y.applyUpdate(merged, Y.encodeStateAsUpdate(fresh.doc));
        const before = Y.encodeStateVector(merged);
        const beforeLog = merged.getText('log').toString();
        Y.applyUpdate(merged, seenState);
        expect(Buffer.from(Y.encodeStateVector(merged)).equals(Buffer.from(before))).toBe(true);
        expect(merged.getText('log').toString()).toBe(beforeLog);
        expect(fresh.doc.getText('log').toString()).toBe(beforeLog);

        console.log(
          `crash test: observer saw ${received} updates (${seenLog.length} chars); restarted server has ` +
            `${beforeLog.length} chars; writer had ${writerLog.length} chars locally at the kill`,
        );
        expect(seenLog.length).toBeGreaterThan(0);
      } finally {
        if (fresh) closeClient(fresh);
      }

      // SIGTERM is a clean shutdown.
      child.kill('SIGTERM');
      expect((await exited(child)).code).toBe(0);
    },
  );

  it('refuses to start without JWT_SECRET, naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
      cwd: repoRoot,
      env: childEnv({ COLLAB_DATABASE_URL: fx.collabUrl, COLLAB_PORT: '0', JWT_SECRET: '' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    expect((await exited(child)).code).toBe(1);
    expect(err).toContain('JWT_SECRET');
  });
});
