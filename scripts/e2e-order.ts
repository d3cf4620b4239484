/**
 * Proves the browser specs do not lean on each other: runs the spec files one Playwright
 * invocation at a time, in a seeded random order, against ONE edge + collab server on one fresh
 * database (so each spec meets whatever the specs before it left behind), or, with --alone, each
 * spec on a fresh database of its own.
 *
 * Playwright itself cannot do this: it sorts the test files by name (collectFiles in its runner),
 * whatever order they are given in, and has no shuffle. So each file is its own invocation; in the
 * shared mode the config's webServer entries are started here once and the invocations reuse them
 * (E2E_REUSE_SERVER=1 in client/playwright.config.ts).
 *
 *   npm run test:e2e:order                      shared database, a random seed (printed)
 *   npm run test:e2e:order -- --seed 7          the same order again
 *   npm run test:e2e:order -- --alone           each spec alone on a fresh database
 *   npm run test:e2e:order -- --seed 7 collab vendor-arrivals   only these specs (by name)
 *
 * Needs a built client (E2E_CLIENT_DIST or client/dist), like npm run test:e2e. Honours E2E_PORT; on
 * an overloaded machine E2E_TIMEOUT_SCALE=3 stretches the config's timeouts, so a failure is about order.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { ROOT } from './processes.ts';

const E2E_DIR = join(ROOT, 'client', 'e2e');
const CONFIG = join(ROOT, 'client', 'playwright.config.ts');

/** mulberry32: the same seed gives the same order on every machine. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface WebServer {
  command: string;
  cwd?: string;
  url?: string;
  timeout?: number;
  env?: Record<string, string>;
}

interface SpecResult {
  spec: string;
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  /** Each failed test's title and the first line of its error ("Test timeout …" points at load, not order). */
  failures: string[];
}

interface JsonSuite {
  title: string;
  specs?: { title: string; tests: { results: { status: string; error?: { message?: string } }[] }[] }[];
  suites?: JsonSuite[];
}

/** The failed tests of a JSON report, each with the first line of its first error. */
function failuresOf(suites: JsonSuite[]): string[] {
  const out: string[] = [];
  for (const suite of suites) {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        for (const r of t.results)
          if (r.status !== 'passed' && r.status !== 'skipped')
            out.push(`${spec.title}: ${stripVTControlCharacters(r.error?.message ?? r.status).split('\n')[0]}`);
    out.push(...failuresOf(suite.suites ?? []));
  }
  return out;
}

const { values, positionals } = parseArgs({
  options: {
    seed: { type: 'string' },
    alone: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

const seed = values.seed === undefined ? Math.floor(Math.random() * 1_000_000) : Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);

const allSpecs = readdirSync(E2E_DIR)
  .filter((f) => f.endsWith('.spec.ts'))
  .sort();
const wanted = positionals.map((p) => p.replace(/(\.spec)?(\.ts)?$/, ''));
const unknown = wanted.filter((w) => !allSpecs.includes(`${w}.spec.ts`));
if (unknown.length > 0) throw new Error(`No such spec in client/e2e: ${unknown.join(', ')}`);
const specs = shuffled(wanted.length > 0 ? wanted.map((w) => `${w}.spec.ts`) : allSpecs, seed);

const port = Number(process.env.E2E_PORT ?? 4599);
const resultsRoot = join(tmpdir(), `mandap-e2e-order-${port}`);
rmSync(resultsRoot, { recursive: true, force: true });
mkdirSync(resultsRoot, { recursive: true });

/** Waits until the URL answers (as Playwright's webServer does), or the process dies, or time runs out. */
async function answers(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} exited with ${child.exitCode}`);
    const up = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 250)); // between attempts, as webServer's own poll
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const servers: ChildProcess[] = [];
function stopServers() {
  for (const s of servers) {
    if (s.pid && s.exitCode === null) {
      try {
        process.kill(-s.pid, 'SIGTERM'); // its whole group: npx, tsx and node
      } catch {
        // already gone
      }
    }
  }
}
process.on('SIGINT', () => {
  stopServers();
  process.exit(130);
});

/** Starts the config's own webServer entries once, on the fresh database the config just made. */
async function startServers(): Promise<void> {
  // Loading the config (as the runner, not a worker) wipes and recreates the e2e data folder.
  const config = (await import(CONFIG)).default as { webServer: WebServer[] };
  for (const ws of config.webServer) {
    const log = join(resultsRoot, `server-${servers.length}.log`);
    const child = spawn(`${ws.command} >> ${JSON.stringify(log)} 2>&1`, {
      cwd: ws.cwd ?? ROOT,
      env: { ...process.env, ...ws.env },
      shell: true,
      detached: true,
      stdio: 'ignore',
    });
    servers.push(child);
    if (ws.url) await answers(ws.url, child, ws.timeout ?? 60_000);
  }
}

function runSpec(spec: string, reuse: boolean): Promise<SpecResult> {
  const started = Date.now();
  const json = join(resultsRoot, `${spec}.json`);
  const args = [
    'playwright',
    'test',
    '-c',
    CONFIG,
    `client/e2e/${spec}`,
    '--reporter=list,json',
    '--output',
    join(resultsRoot, spec.replace(/\.spec\.ts$/, '')),
  ];
  const child = spawn('npx', args, {
    cwd: ROOT,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: json, ...(reuse ? { E2E_REUSE_SERVER: '1' } : {}) },
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      const report = existsSync(json)
        ? (JSON.parse(readFileSync(json, 'utf8')) as {
            stats: { expected: number; unexpected: number; flaky: number; skipped: number };
            suites: JsonSuite[];
          })
        : { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, suites: [] };
      const { stats } = report;
      resolve({
        spec,
        ok: code === 0,
        passed: stats.expected,
        failed: stats.unexpected + stats.flaky,
        skipped: stats.skipped,
        seconds: Math.round((Date.now() - started) / 1000),
        failures: failuresOf(report.suites),
      });
    });
  });
}

async function main() {
  const mode = values.alone ? 'each spec alone, a fresh database each' : 'one shared fresh database';
  console.log(`e2e-order: seed ${seed}, ${mode}, port ${port}`);
  console.log(`order: ${specs.join(' ')}`);
  const began = Date.now();
  if (!values.alone) await startServers();
  const results: SpecResult[] = [];
  try {
    for (const [i, spec] of specs.entries()) {
      console.log(`\n── ${i + 1}/${specs.length} ${spec} (seed ${seed})`);
      results.push(await runSpec(spec, !values.alone));
    }
  } finally {
    stopServers();
  }
  const minutes = ((Date.now() - began) / 60_000).toFixed(1);
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.filter((r) => !r.ok);
  console.log(`\ne2e-order summary: seed ${seed}, ${mode}, ${minutes} min`);
  for (const r of results) {
    console.log(
      `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.spec.padEnd(32)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped  ${r.seconds} s`,
    );
    for (const f of r.failures) console.log(`         ${f}`);
  }
  console.log(
    `${passed} tests passed, ${results.reduce((s, r) => s + r.failed, 0)} failed; ${results.length - failed.length} of ${results.length} spec files green`,
  );
  if (failed.length > 0) {
    console.log(`replay: npm run test:e2e:order -- --seed ${seed}${values.alone ? ' --alone' : ''}`);
    process.exitCode = 1;
  }
}

await main();
