import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the entries resolve packages from here, whatever vitest's cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A port nothing listens on right now (the OS picks it; we release it for the child). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A locally installed CLI (tsx, deno, wrangler). Resolved from node_modules/.bin rather
 * than through `npx`, which would try to download a missing tool: a missing one must fail
 * the test loudly, never skip it.
 */
export function localBin(name: string): string {
  const bin = join(REPO_ROOT, 'node_modules', '.bin', name);
  if (!existsSync(bin)) throw new Error(`${name} is not installed at ${bin}: run npm ci at the repository root.`);
  return bin;
}

export interface ServerProcess {
  url: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a server in its own process group (so stopping it also stops grandchildren such
 * as workerd under wrangler) and waits until GET /api/health answers 200.
 */
export async function startServer(opts: {
  command: string;
  args: string[];
  port: number;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Send stdout to /dev/null: a benchmark must not spend its own CPU draining a chatty log. */
  discardStdout?: boolean;
}): Promise<ServerProcess> {
  const child = spawn(opts.command, opts.args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...opts.env },
    detached: true,
    stdio: ['ignore', opts.discardStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const server: ServerProcess = {
    url: `http://127.0.0.1:${opts.port}`,
    output: () => log,
    stop: () => stopGroup(child),
  };
  try {
    await waitForHealth(server.url, child, opts.readyTimeoutMs ?? 60_000);
  } catch (err) {
    await server.stop();
    throw new Error(`${(err as Error).message}\n--- ${opts.command} output ---\n${log}`);
  }
  return server;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it answered /api/health`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url}/api/health within ${timeoutMs} ms`);
}

/** SIGTERM the whole group, then SIGKILL whatever is still there after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  // Grandchildren may outlive the leader; make sure none are left listening.
  signalGroup('SIGKILL');
}
