import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * The ports of `ports` something already listens on (127.0.0.1). Checked in a child process
 * because Playwright loads its config synchronously.
 */
export function portsInUse(ports: readonly number[]): number[] {
  const probe = `
    const net = require('node:net');
    const ports = ${JSON.stringify(ports)};
    Promise.all(ports.map((port) => new Promise((done) => {
      const s = net.connect({ port, host: '127.0.0.1' });
      s.setTimeout(2000, () => { s.destroy(); done(null); });
      s.on('connect', () => { s.destroy(); done(port); });
      s.on('error', () => done(null));
    }))).then((taken) => process.stdout.write(JSON.stringify(taken.filter((p) => p !== null))));`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) throw new Error(`Could not check ports ${ports.join(', ')}: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as number[];
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims `lockFile` for this process until it exits. Refuses (returns the holder's pid) while
 * another live process holds it: a run whose servers are still starting has not bound its port yet.
 */
export function claimRun(lockFile: string): number | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      process.on('exit', () => {
        try {
          if (readFileSync(lockFile, 'utf8') === String(process.pid)) rmSync(lockFile, { force: true });
        } catch {
          // already gone
        }
      });
      return null;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (holder === process.pid) return null;
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return holder;
      rmSync(lockFile, { force: true }); // left by a run that was killed
    }
  }
  throw new Error(`Could not claim ${lockFile}`);
}
