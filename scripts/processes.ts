import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** Runs a TypeScript entry with tsx (restarting on change with `watch`), inheriting the terminal. */
export function runTs(entry: string, env: Record<string, string>, opts: { watch?: boolean } = {}): ChildProcess {
  const args = opts.watch ? ['tsx', 'watch', entry] : ['tsx', entry];
  return spawn('npx', args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
}

/** Stops every child when one exits or the user presses Ctrl-C, so nothing lingers. */
export function superviseAll(children: ChildProcess[]): void {
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    setTimeout(() => process.exit(code), 1500).unref();
  };
  for (const c of children) c.on('exit', (code) => stopAll(code ?? 0));
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
}

/** A long-running server `npm start` keeps up: a name for messages, and how to start it. */
export interface Service {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface SuperviseOptions {
  /** First restart delay; doubles per crash, capped at `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** A run this long counts as healthy: the next crash starts the backoff again. */
  healthyAfterMs?: number;
  /** Crashes in a row (none healthy) after which everything stops, never half. */
  maxRestarts?: number;
  /** How long children get to exit after SIGTERM before their process group is killed. */
  stopGraceMs?: number;
  log?: (line: string) => void;
}

/**
 * Runs the services, each in its own process group (so a stop reaches its whole tree), and keeps
 * them up: a service that exits is restarted with exponential backoff and the supervisor says so;
 * one that keeps crashing stops everything with exit code 1. SIGINT/SIGTERM stop every group
 * (SIGTERM, then SIGKILL after the grace period), so no orphan is left holding a port.
 */
export function superviseServices(services: Service[], opts: SuperviseOptions = {}): void {
  const o = {
    firstDelayMs: 1000,
    maxDelayMs: 30_000,
    healthyAfterMs: 60_000,
    maxRestarts: 5,
    stopGraceMs: 5000,
    log: (line: string) => console.log(`[start] ${line}`),
    ...opts,
  };
  const running = new Map<string, ChildProcess>();
  let stopping = false;

  const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
    if (!child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };

  const stopAll = (code: number, why: string) => {
    if (stopping) return;
    stopping = true;
    o.log(`stopping (${why})`);
    for (const c of running.values()) killGroup(c, 'SIGTERM');
    const deadline = setTimeout(() => {
      for (const c of running.values()) killGroup(c, 'SIGKILL');
      process.exit(code);
    }, o.stopGraceMs);
    const finishIfDone = () => {
      if (running.size > 0) return;
      clearTimeout(deadline);
      // Children of a child (if any) share its group: make sure none outlives the stop.
      process.exit(code);
    };
    for (const c of running.values()) c.once('exit', () => setImmediate(finishIfDone));
    finishIfDone();
  };

  const start = (s: Service, crashes: number) => {
    const startedAt = Date.now();
    const child = spawn(s.command, s.args, {
      cwd: ROOT,
      env: { ...process.env, ...s.env },
      stdio: 'inherit',
      detached: true,
    });
    running.set(s.name, child);
    o.log(`${s.name} started (pid ${child.pid})`);
    child.on('error', (err) => o.log(`${s.name} could not start: ${err.message}`));
    child.on('exit', (code, signal) => {
      if (running.get(s.name) === child) running.delete(s.name);
      // Whatever the service left behind in its group goes with it.
      killGroup(child, 'SIGKILL');
      if (stopping) return;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const healthy = Date.now() - startedAt >= o.healthyAfterMs;
      const n = healthy ? 1 : crashes + 1;
      if (n > o.maxRestarts) {
        o.log(`${s.name} ${how}; it crashed ${o.maxRestarts} times in a row, so everything stops`);
        stopAll(1, `${s.name} keeps crashing`);
        return;
      }
      const delay = Math.min(o.maxDelayMs, o.firstDelayMs * 2 ** (n - 1));
      o.log(`${s.name} ${how}; restarting in ${delay / 1000} s (restart ${n} of at most ${o.maxRestarts} in a row)`);
      setTimeout(() => {
        if (!stopping) start(s, n);
      }, delay);
    });
  };

  process.on('SIGINT', () => stopAll(0, 'SIGINT'));
  process.on('SIGTERM', () => stopAll(0, 'SIGTERM'));
  // Last resort if the supervisor itself dies of an error: take the groups with it.
  process.on('exit', () => {
    for (const c of running.values()) killGroup(c, 'SIGKILL');
  });
  // If whatever started the supervisor dies without signalling it (a shell killed under npm), stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stopAll(0, 'the parent process is gone');
  }, 1000).unref();
  for (const s of services) start(s, 0);
}
