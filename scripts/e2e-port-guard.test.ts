import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './processes.ts';

// The Playwright config as the runner loads it (`--list` loads the config and starts no server).

const listen = (port: number) =>
  new Promise<Server | null>((done) => {
    const s = createServer();
    s.once('error', () => done(null));
    s.listen(port, '127.0.0.1', () => done(s));
  });

/** A base port whose next two are free too (the config takes PORT, PORT + 1 and PORT + 2). */
async function freeTriple(): Promise<number> {
  for (let base = 47_000 + Math.floor(Math.random() * 1000) * 3; ; base += 3) {
    const held = await Promise.all([base, base + 1, base + 2].map(listen));
    await Promise.all(held.map((s) => s && new Promise((r) => s.close(r))));
    if (held.every(Boolean)) return base;
  }
}

function listSpecs(port: number, env: Record<string, string> = {}) {
  const child = spawn('npx', ['playwright', 'test', '-c', 'client/playwright.config.ts', '--list', 'journey'], {
    cwd: ROOT,
    env: { ...process.env, E2E_PORT: String(port), E2E_CLIENT_DIST: dist, ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise<{ code: number | null; out: string }>((done) => child.on('exit', (code) => done({ code, out })));
}

let dist: string;
let port: number;
let dataDir: string;
let marker: string;
const lockFile = () => join(tmpdir(), `mandap-e2e-${port}.lock`);
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'mandap-e2e-guard-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html>');
  port = await freeTriple();
  dataDir = join(tmpdir(), `mandap-e2e-${port}`);
  marker = join(dataDir, 'e2e.db');
});
afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(lockFile(), { force: true });
});

/** Another run's database in the port's data folder. */
function anotherRunsDatabase() {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(marker, 'another run');
}

describe('the e2e config on a port another run holds', { timeout: 120_000 }, () => {
  it("refuses before touching anything while a server answers on the port: the other run's database is kept", async () => {
    anotherRunsDatabase();
    const other = (await listen(port + 1))!; // that run's collab server
    try {
      const r = await listSpecs(port);
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(`Port ${port + 1} is already in use`);
      expect(r.out).toContain('E2E_REUSE_SERVER=1');
      expect(existsSync(marker)).toBe(true);
      expect(existsSync(lockFile())).toBe(false);

      // Told to reuse the servers up there: it runs, and their database is kept.
      const reuse = await listSpecs(port, { E2E_REUSE_SERVER: '1' });
      expect(reuse.code).toBe(0);
      expect(existsSync(marker)).toBe(true);
    } finally {
      await new Promise((r) => other.close(r));
    }
  });

  it('refuses while another live run is still starting its servers (its lock is held)', async () => {
    anotherRunsDatabase();
    writeFileSync(lockFile(), String(process.pid));
    try {
      const r = await listSpecs(port);
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(`Another e2e run (pid ${process.pid}) is starting on port ${port}`);
      expect(existsSync(marker)).toBe(true);
    } finally {
      rmSync(lockFile(), { force: true });
    }
  });

  it('on a free port (or over a lock left by a killed run) starts from a fresh database, and lets the port go', async () => {
    anotherRunsDatabase();
    writeFileSync(lockFile(), '999999999');
    const r = await listSpecs(port);
    expect(r.out).toContain('journey.spec.ts');
    expect(r.code).toBe(0);
    expect(existsSync(dataDir)).toBe(true);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(lockFile())).toBe(false);
  });
});
