import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portIsFree, settingsProblems } from './settings.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start` without the client build: the supervisor itself, as npm runs it, on temp data and free ports. */
function startSupervisor(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const waitFor = async (re: RegExp, ms = 90_000): Promise<RegExpMatchArray> => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const m = out.match(re);
      if (m) return m;
      if (child.exitCode !== null && !out.match(re)) throw new Error(`supervisor exited early:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for ${re}; output so far:\n${out}`);
  };
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, waitFor, exited };
}

async function healthy(port: number, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`edge on ${port} never became healthy`);
}

let running: ChildProcess | null = null;
let dir: string | null = null;
afterEach(() => {
  if (running?.exitCode === null) running.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
  running = null;
  dir = null;
});

describe('settings checked before npm start starts anything', () => {
  it('names each bad variable and what it must be', () => {
    const problems = settingsProblems({
      PORT: 'eighty',
      COLLAB_PORT: '70000',
      DATABASE_URL: 'postgres://db/mandap',
      JWT_SECRET: 'short',
      PUBLIC_URL: 'not a url',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT="eighty": must be a whole number from 1 to 65535',
        'COLLAB_PORT="70000": must be a whole number from 1 to 65535',
        expect.stringMatching(/^DATABASE_URL="postgres:\/\/db\/mandap": must be a libSQL URL/),
        'JWT_SECRET: JWT_SECRET must be at least 32 characters (edge)',
        expect.stringMatching(/^PUBLIC_URL: .* \(edge\)$/),
      ]),
    );
    expect(settingsProblems({ JWT_SECRET: 'x'.repeat(40), PORT: '8787', DATABASE_URL: 'file:data/m.db' })).toEqual([]);
  });

  it('a real start with a bad PORT or DATABASE_URL exits non-zero at once with the variable named, starting nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mandap-start-'));
    const bad = startSupervisor({ PORT: '99999', DATABASE_URL: 'mysql://x', DATA_DIR: dir, CLIENT_DIST: dir });
    running = bad.child;
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/cannot start with these settings/);
    expect(bad.output()).toMatch(/PORT="99999": must be a whole number from 1 to 65535/);
    expect(bad.output()).toMatch(/DATABASE_URL="mysql:\/\/x": must be a libSQL URL/);
    expect(bad.output()).not.toMatch(/started \(pid/);
  });

  it('names a port another process already holds', async () => {
    const holder = createServer();
    const port = await new Promise<number>((r) =>
      holder.listen(0, '127.0.0.1', () => r((holder.address() as { port: number }).port)),
    );
    expect(await portIsFree(port, '127.0.0.1')).toBe(false);
    dir = mkdtempSync(join(tmpdir(), 'mandap-start-'));
    const run = startSupervisor({ PORT: String(port), COLLAB_PORT: String(await freePort()), DATA_DIR: dir });
    running = run.child;
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain(`PORT=${port}: port ${port} on 127.0.0.1 is already in use`);
    holder.close();
  });
});

describe('npm start supervising the edge and the collab server', () => {
  it('a service that keeps crashing stops everything with exit code 1, never half', async () => {
    const code = `import { superviseServices } from './scripts/processes.ts';
      superviseServices([
        { name: 'flaky', command: process.execPath, args: ['-e', 'process.exit(3)'], env: {} },
        { name: 'steady', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], env: {} },
      ], { firstDelayMs: 20, maxRestarts: 3 });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
    });
    const exitCode = await new Promise<number | null>((r) => child.on('exit', r));
    expect(exitCode).toBe(1);
    expect(out).toMatch(/flaky exited with code 3; restarting in 0.02 s \(restart 1 of at most 3 in a row\)/);
    expect(out).toMatch(/flaky exited with code 3; restarting in 0.04 s \(restart 2/);
    expect(out).toMatch(/flaky exited with code 3; it crashed 3 times in a row, so everything stops/);
    const steadyPid = Number(out.match(/steady started \(pid (\d+)\)/)![1]);
    expect(alive(steadyPid)).toBe(false);
  });

  it('restarts a killed child with backoff and says so; SIGTERM leaves no child alive and the ports free', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mandap-start-'));
    const port = await freePort();
    const collabPort = await freePort();
    const run = startSupervisor({
      PORT: String(port),
      COLLAB_PORT: String(collabPort),
      DATA_DIR: dir,
      DATABASE_URL: `file:${dir}/mandap.db`,
      COLLAB_DATABASE_URL: `file:${dir}/collab.db`,
      CLIENT_DIST: dir,
    });
    running = run.child;
    const edgePid = Number((await run.waitFor(/edge started \(pid (\d+)\)/))[1]);
    const collabPid = Number((await run.waitFor(/collab started \(pid (\d+)\)/))[1]);
    await healthy(port);

    // A crash (SIGKILL, as the OOM killer does): the supervisor says so and starts it again.
    process.kill(edgePid, 'SIGKILL');
    await run.waitFor(/edge was killed by SIGKILL; restarting in 1 s \(restart 1 of at most 5 in a row\)/);
    const restarted = await run.waitFor(/edge started \(pid (\d+)\)[\s\S]*edge started \(pid (\d+)\)/);
    const newEdgePid = Number(restarted[2]);
    expect(newEdgePid).not.toBe(edgePid);
    await healthy(port);
    expect(alive(collabPid)).toBe(true);

    // SIGTERM: every process it started is gone, and nothing holds the ports.
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/stopping \(SIGTERM\)/);
    for (const pid of [edgePid, newEdgePid, collabPid]) expect(alive(pid), `pid ${pid} still alive`).toBe(false);
    expect(await portIsFree(port, '127.0.0.1')).toBe(true);
    expect(await portIsFree(collabPort, '127.0.0.1')).toBe(true);
  }, 240_000);
});
