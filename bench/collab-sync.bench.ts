import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createFixture, freePort, SECRET, tokenFor } from '../collab-server/src/test-support.ts';
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
const root = fileURLToPath(new URL('..', import.meta.url));

interface Server {
  label: string;
  url: string;
  proc: ChildProcess;
  token: (doc: number) => string;
  room: (doc: number) => string;
}

async function startChild(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script], {
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

async function propagation(server: Server): Promise<{ figures: LoadFigures; rss: number }> {
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
  const elapsed = (performance.now() - started) / 1000;
  const rss = rssMb(server.proc.pid);
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  return {
    rss,
    figures: {
      label: server.label,
      requestsPerSec: latencies.length / elapsed,
      p50Ms: pct(latencies, 0.5),
      p99Ms: pct(latencies, 0.99),
      failures: Math.max(0, expected - latencies.length),
      totalRequests: latencies.length,
      requestsPerSecByRound: [latencies.length / elapsed],
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
  const ours = await startChild('collab-server/src/main.ts', {
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
    const results = [];
    for (const s of servers) results.push({ s, ...(await propagation(s)) });
    const cold = [];
    for (const s of servers) cold.push({ s, ...(await coldLoad(s, s === servers[1] ? 1000 : 0)) });
    const [ref0, ours0] = results;
    return {
      name: 'collab sync: propagation and cold load',
      settings: { clients: CLIENTS, docs: DOCS, seconds: SECONDS, intervalMs: INTERVAL_MS, historyEdits: HISTORY },
      variants: results.map((r) => r.figures),
      notes: [
        ...results.map((r) => `${r.s.label}: server RSS after load ${r.rss.toFixed(1)} MB`),
        ...cold.map(
          (c) =>
            `${c.s.label}: cold load of a ${HISTORY}-edit document (${(c.bytes / 1024).toFixed(1)} KiB state) ${c.ms.toFixed(1)} ms` +
            (c.s === servers[1]
              ? ' (unloaded first: read from snapshot + update log)'
              : ' (still in memory: it has no log to load from)'),
        ),
        `p99 ratio mandap/reference: ${((ours0?.figures.p99Ms ?? 0) / (ref0?.figures.p99Ms || 1)).toFixed(2)}; p50 ratio ${((ours0?.figures.p50Ms ?? 0) / (ref0?.figures.p50Ms || 1)).toFixed(2)}`,
        'Load from IndexedDB is not measured here: it needs a browser (y-indexeddb); no fake-indexeddb package is installed.',
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
