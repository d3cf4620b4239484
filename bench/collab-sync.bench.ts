import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createFixture, freePort, SECRET, tokenFor } from '../collab-server/src/test-support.ts';
import { idbColdLoad } from './lib/idb-load.ts';
import type { BenchReport, LoadFigures } from './lib/report.ts';

/**
 * Collaboration sync: N stock y-websocket clients over M documents, each writing a timestamped
 * entry every `intervalMs`; propagation latency is measured at every other client of that
 * document (one process, one clock). The same load runs against Mandap's collab-server
 * (authenticated, every update persisted before relay) and @y/websocket-server 0.1.1 (in memory,
 * no persistence, no auth), each in its own child process so its RSS can be read.
 * Then a document with a long editing history is loaded cold (from the update log) by a new client.
 */
const CLIENTS = Number(process.env.BENCH_COLLAB_CLIENTS ?? 24);
const DOCS = Number(process.env.BENCH_COLLAB_DOCS ?? 6);
const SECONDS = Number(process.env.BENCH_COLLAB_SECONDS ?? 8);
const INTERVAL_MS = Number(process.env.BENCH_COLLAB_INTERVAL_MS ?? 100);
const HISTORY = Number(process.env.BENCH_COLLAB_HISTORY ?? 5000);
/** Rounds per server, interleaved (A B, B A, A B …) so drift on a shared machine hits both alike. */
const ROUNDS = Number(process.env.BENCH_COLLAB_ROUNDS ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));

interface Server {
  label: string;
  url: string;
  proc: ChildProcess;
  token: (doc: number) => string;
  room: (doc: number) => string;
}

/** Starts a server: built JavaScript (`.js`) as production runs it, else TypeScript through tsx. */
async function startChild(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const args = script.endsWith('.js') ? [script] : ['--import', 'tsx', script];
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 30_000);
    proc.stdout?.on('data', (chunk: Buffer) => {
      if (/listening/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return proc;
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function connect(url: string, room: string, token: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync for ${room}`)), 20_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve({ doc, provider });
    });
  });
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

interface Round {
  latencies: number[];
  expected: number;
  elapsedS: number;
  rss: number;
}

async function propagationRound(server: Server): Promise<Round> {
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => connect(server.url, server.room(i % DOCS), server.token(i % DOCS))),
  );
  const latencies: number[] = [];
  let expected = 0;
  clients.forEach(({ doc }, i) => {
    doc.getMap<number>('bench').observe((e) => {
      const now = performance.now() + performance.timeOrigin;
      for (const key of e.keysChanged)
        if (!key.startsWith(`${i}:`)) latencies.push(now - (doc.getMap<number>('bench').get(key) ?? now));
    });
  });
  const peersPerDoc = (d: number) => clients.filter((_, i) => i % DOCS === d).length;
  let seq = 0;
  const started = performance.now();
  const timers = clients.map(({ doc }, i) =>
    setInterval(() => {
      doc.getMap<number>('bench').set(`${i}:${seq++}`, performance.now() + performance.timeOrigin);
      expected += peersPerDoc(i % DOCS) - 1;
    }, INTERVAL_MS),
  );
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  for (const t of timers) clearInterval(t);
  await new Promise((r) => setTimeout(r, 1500));
  const elapsedS = (performance.now() - started) / 1000;
  const rss = rssMb(server.proc.pid);
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  return { latencies, expected, elapsedS, rss };
}

/** One server's rounds folded into one row: percentiles over every delivery of every round. */
function summarise(label: string, rounds: Round[]): { figures: LoadFigures; rss: number } {
  const all = rounds.flatMap((r) => r.latencies);
  const elapsed = rounds.reduce((n, r) => n + r.elapsedS, 0);
  return {
    rss: Math.max(...rounds.map((r) => r.rss)),
    figures: {
      label,
      requestsPerSec: all.length / elapsed,
      p50Ms: pct(all, 0.5),
      p99Ms: pct(all, 0.99),
      failures: rounds.reduce((n, r) => n + Math.max(0, r.expected - r.latencies.length), 0),
      totalRequests: all.length,
      requestsPerSecByRound: rounds.map((r) => r.latencies.length / r.elapsedS),
    },
  };
}

/** Writes a long history (HISTORY small text edits) and times a fresh client's cold load. */
async function coldLoad(server: Server, afterWriteMs: number): Promise<{ ms: number; bytes: number }> {
  const room = server.room(DOCS);
  const writer = await connect(server.url, room, server.token(DOCS));
  const text = writer.doc.getText('content');
  for (let i = 0; i < HISTORY; i++) {
    text.insert(Math.floor(text.length / 2), i % 40 === 0 ? '\n' : 'x');
    if (i % 7 === 0 && text.length > 2) text.delete(1, 1);
    if (i % 200 === 0) await new Promise((r) => setImmediate(r));
  }
  const bytes = Y.encodeStateAsUpdate(writer.doc).length;
  await new Promise((r) => setTimeout(r, 500));
  writer.provider.destroy();
  writer.doc.destroy();
  await new Promise((r) => setTimeout(r, afterWriteMs));
  const t0 = performance.now();
  const reader = await connect(server.url, room, server.token(DOCS));
  const ms = performance.now() - t0;
  reader.provider.destroy();
  reader.doc.destroy();
  return { ms, bytes };
}

export async function run(): Promise<BenchReport> {
  const fx = await createFixture();
  const staff = await fx.addUser('operations');
  const events = [fx.eventId];
  for (let d = 1; d <= DOCS; d++) {
    const id = crypto.randomUUID();
    await fx.edge.execute({ sql: 'INSERT INTO events (id) VALUES (?)', args: [id] });
    events.push(id);
  }
  const token = await tokenFor(staff, 'operations', { expiresInS: 3600 });
  const oursPort = await freePort();
  const refPort = await freePort();
  // Production runs the collab-server as built JavaScript (npm run build -w collab-server), not through tsx.
  execFileSync('npm', ['run', '-s', 'build', '-w', 'collab-server'], { cwd: root, stdio: 'ignore' });
  const ours = await startChild('collab-server/dist/main.js', {
    JWT_SECRET: SECRET,
    DATABASE_URL: fx.edgeUrl,
    COLLAB_DATABASE_URL: fx.collabUrl,
    COLLAB_PORT: String(oursPort),
    COLLAB_IDLE_UNLOAD_MS: '200',
  });
  const ref = await startChild('bench/servers/y-websocket-server.ts', { PORT: String(refPort) });
  const servers: Server[] = [
    {
      label: 'y-websocket-server (memory)',
      url: `ws://127.0.0.1:${refPort}`,
      proc: ref,
      token: () => '',
      room: (d) => `event:${events[d]}:tasks`,
    },
    {
      label: 'mandap collab (durable)',
      url: `ws://127.0.0.1:${oursPort}/collab`,
      proc: ours,
      token: () => token,
      room: (d) => `event:${events[d]}:tasks`,
    },
  ];
  try {
    const rounds = new Map<Server, Round[]>(servers.map((sv) => [sv, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const sv of r % 2 === 0 ? servers : [...servers].reverse()) rounds.get(sv)?.push(await propagationRound(sv));
    }
    const results = servers.map((sv) => ({ s: sv, ...summarise(sv.label, rounds.get(sv) ?? []) }));
    const cold = [];
    for (const s of servers) cold.push({ s, ...(await coldLoad(s, s === servers[1] ? 1000 : 0)) });
    const idb = await idbColdLoad(HISTORY, 5).catch((err: Error) => err);
    const [ref0, ours0] = results;
    return {
      name: 'collab sync: propagation and cold load',
      settings: {
        clients: CLIENTS,
        docs: DOCS,
        seconds: SECONDS,
        intervalMs: INTERVAL_MS,
        historyEdits: HISTORY,
        rounds: ROUNDS,
      },
      variants: results.map((r) => r.figures),
      notes: [
        ...results.map((r) => `${r.s.label}: server RSS after load ${r.rss.toFixed(1)} MB (max over rounds)`),
        `${ROUNDS} interleaved rounds per server (A B, B A, …); percentiles over all deliveries of all rounds.`,
        ...cold.map(
          (c) =>
            `${c.s.label}: cold load of a ${HISTORY}-edit document (${(c.bytes / 1024).toFixed(1)} KiB state) ${c.ms.toFixed(1)} ms` +
            (c.s === servers[1]
              ? ' (unloaded first: read from snapshot + update log)'
              : ' (still in memory: it has no log to load from)'),
        ),
        `p99 ratio mandap/reference: ${((ours0?.figures.p99Ms ?? 0) / (ref0?.figures.p99Ms || 1)).toFixed(2)}; p50 ratio ${((ours0?.figures.p50Ms ?? 0) / (ref0?.figures.p50Ms || 1)).toFixed(2)}`,
        idb instanceof Error
          ? `IndexedDB cold load not measured: ${idb.message}`
          : `IndexedDB (real Chromium, y-indexeddb): cold open of the same ${HISTORY}-edit history ${idb.opensMs
              .map((ms) => ms.toFixed(0))
              .join(
                ' / ',
              )} ms over 5 fresh pages (first open also compacts the ${HISTORY} stored updates); writing them took ${idb.drainMs.toFixed(0)} ms to drain to IndexedDB after the last edit`,
        '"requests/s" = update deliveries per second (one update reaching one other client); "failures" = deliveries missing after a 1.5 s drain.',
      ],
    };
  } finally {
    ours.kill('SIGTERM');
    ref.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    fx.cleanup();
  }
}
