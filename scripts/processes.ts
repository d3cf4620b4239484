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
