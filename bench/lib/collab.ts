/**
 * Shared harness of the collab benches (bench/collab-*.bench.ts): starts the servers as child
 * processes (each its own process, so its RSS and CPU are its own), connects stock clients, and
 * measures propagation: N clients over M documents, each writing a timestamped entry every
 * `intervalMs`, latency taken at every other client of that document (one process, one clock).
 *
 * Servers compared:
 * Every server runs as built JavaScript under plain `node` (the peers bundled by `builtEntry`, ours by
 * its own build), none through tsx.
 *
 * - `@y/websocket-server` 0.1.1, in memory (no persistence, no auth): the reference;
 * - `@hocuspocus/server` 4.7, in memory (no persistence extension; it would store after relaying anyway);
 * - Mandap's collab-server as production runs it (built JavaScript, authenticated, every update
 *   committed to its log before any other peer sees it), with `COLLAB_SYNCHRONOUS=full` (fsync per
 *   commit) and `normal` (no fsync; survives kill -9, not power loss).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createFixture, type Fixture, freePort, SECRET, tokenFor } from '../../collab-server/src/test-support.ts';
import type { LoadFigures } from './report.ts';
import { builtEntry } from './servers.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export type Kind = 'y-websocket' | 'hocuspocus' | 'mandap';

export interface BenchServer {
  label: string;
  kind: Kind;
  /** One URL per instance; clients are spread over them round-robin. */
  urls: string[];
  procs: ChildProcess[];
  token: string;
  room: (doc: number) => string;
}

export interface Client {
  doc: Y.Doc;
  destroy(): void;
}

/**
 * Starts a server script: built JavaScript (`.js`) as production runs it, else TypeScript through
 * tsx. `heapProbe`: with --expose-gc and bench/servers/heap-probe.mjs, for `heapAfterGc`.
 */
export async function startChild(
  script: string,
  env: Record<string, string>,
  opts: { heapProbe?: boolean } = {},
): Promise<ChildProcess> {
  const prof = process.env.BENCH_COLLAB_PROF;
  const args = [
    ...(prof && script.includes('collab-server') ? ['--cpu-prof', '--cpu-prof-dir', prof] : []),
    ...(opts.heapProbe ? ['--expose-gc', '--import', './bench/servers/heap-probe.mjs'] : []),
    ...(script.endsWith('.js') ? [script] : ['--import', 'tsx', script]),
  ];
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: opts.heapProbe ? ['ignore', 'pipe', 'inherit', 'ipc'] : ['ignore', 'pipe', 'inherit'],
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

/** A server started with `heapProbe`: its memory after a full garbage collection. */
export function heapAfterGc(proc: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the heap probe did not answer')), 30_000);
    const onMessage = (msg: { heap?: NodeJS.MemoryUsage }) => {
      if (!msg.heap) return;
      clearTimeout(timer);
      proc.off('message', onMessage);
      resolve(msg.heap);
    };
    proc.on('message', onMessage);
    proc.send('heap');
  });
}

export function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A stock client of `server` (instance `instance` of it, modulo how many it has) on document `docIndex`. */
export function connect(server: BenchServer, instance: number, docIndex: number): Promise<Client> {
  const doc = new Y.Doc();
  const url = server.urls[instance % server.urls.length] as string;
  const room = server.room(docIndex);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync for ${room} on ${server.label}`)), 30_000);
    if (server.kind === 'hocuspocus') {
      // One socket per client, as each browser tab has its own.
      const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: room,
        document: doc,
        onSynced: () => {
          clearTimeout(timer);
          resolve({
            doc,
            destroy: () => {
              provider.destroy();
              socket.destroy();
            },
          });
        },
      });
      provider.attach();
      return;
    }
    const provider = new WebsocketProvider(url, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: server.token ? { token: server.token } : {},
      disableBc: true,
    });
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve({ doc, destroy: () => provider.destroy() });
    });
  });
}

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

export interface Load {
  docs: number;
  clientsPerDoc: number;
  seconds: number;
  intervalMs: number;
}

export interface Round {
  latencies: number[];
  expected: number;
  elapsedS: number;
  rss: number;
}

/** One round of the propagation load against one server. */
export async function propagationRound(server: BenchServer, load: Load): Promise<Round> {
  const n = load.docs * load.clientsPerDoc;
  const clients: Client[] = [];
  // In slices, so a wide load does not open hundreds of sockets in one burst.
  for (let i = 0; i < n; i += 25) {
    const slice = Array.from({ length: Math.min(25, n - i) }, (_, k) => i + k);
    // Client c edits document c % docs; a document's clients alternate between instances.
    clients.push(...(await Promise.all(slice.map((c) => connect(server, Math.floor(c / load.docs), c % load.docs)))));
  }
  const latencies: number[] = [];
  /** BENCH_COLLAB_TRACE: deliveries over 50 ms, with when they arrived (wall clock), and the bench's own loop delay. */
  const slow: { at: number; ms: number }[] = [];
  const loop = TRACE ? monitorEventLoopDelay({ resolution: 1 }) : null;
  loop?.enable();
  let expected = 0;
  clients.forEach(({ doc }, i) => {
    const map = doc.getMap<number>('bench');
    map.observe((e) => {
      const now = performance.now() + performance.timeOrigin;
      for (const key of e.keysChanged) {
        if (key.startsWith(`${i}:`)) continue;
        const ms = now - (map.get(key) ?? now);
        latencies.push(ms);
        if (TRACE && ms > 50) slow.push({ at: now, ms });
      }
    });
  });
  let seq = 0;
  const started = performance.now();
  // Each client starts at a random phase, so writes are spread over the interval as real typing is.
  const timers: NodeJS.Timeout[] = [];
  clients.forEach(({ doc }, i) => {
    const start = setTimeout(() => {
      timers.push(
        setInterval(() => {
          doc.getMap<number>('bench').set(`${i}:${seq++}`, performance.now() + performance.timeOrigin);
          expected += load.clientsPerDoc - 1;
        }, load.intervalMs),
      );
    }, Math.random() * load.intervalMs);
    timers.push(start);
  });
  await new Promise((r) => setTimeout(r, load.seconds * 1000));
  for (const t of timers) clearInterval(t);
  await new Promise((r) => setTimeout(r, 1500));
  const elapsedS = (performance.now() - started) / 1000;
  const rss = Math.max(...server.procs.map((p) => rssMb(p.pid)));
  if (loop) {
    loop.disable();
    console.log(traceLines(server.label, latencies, slow, loop).join('\n'));
  }
  for (const c of clients) {
    c.destroy();
    c.doc.destroy();
  }
  // Long enough for what a server does once its clients leave (unloading, folding the idle
  // documents' logs) to finish before the next server's round.
  await new Promise((r) => setTimeout(r, 1500));
  return { latencies, expected, elapsedS, rss };
}

const TRACE = Boolean(process.env.BENCH_COLLAB_TRACE);

/** What BENCH_COLLAB_TRACE prints after a round: where the slow deliveries fell in time, and the bench's own stalls. */
function traceLines(
  label: string,
  latencies: number[],
  slow: { at: number; ms: number }[],
  loop: ReturnType<typeof monitorEventLoopDelay>,
): string[] {
  const clock = (at: number) => new Date(at).toISOString().slice(11, 23);
  // Slow deliveries bunched by the 100 ms in which they arrived: a stall shows as one bunch.
  const bunches = new Map<number, { n: number; worst: number }>();
  for (const s of slow) {
    const key = Math.floor(s.at / 100) * 100;
    const b = bunches.get(key) ?? { n: 0, worst: 0 };
    b.n++;
    b.worst = Math.max(b.worst, s.ms);
    bunches.set(key, b);
  }
  const worst = [...bunches].sort((a, b) => b[1].worst - a[1].worst).slice(0, 12);
  return [
    `trace ${label}: ${latencies.length} deliveries, p50 ${pct(latencies, 0.5).toFixed(2)} ms, ` +
      `p99 ${pct(latencies, 0.99).toFixed(2)} ms; ${slow.length} over 50 ms in ${bunches.size} bunches; ` +
      `bench event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
    ...worst
      .sort((a, b) => a[0] - b[0])
      .map(([at, b]) => `  ${clock(at)}: ${b.n} deliveries over 50 ms, worst ${b.worst.toFixed(1)} ms`),
  ];
}

/** Interleaved rounds (A B C, C B A, …) so drift on a shared machine hits every server alike. */
export async function interleaved(
  servers: BenchServer[],
  load: Load,
  rounds: number,
): Promise<Map<BenchServer, Round[]>> {
  const out = new Map<BenchServer, Round[]>(servers.map((s) => [s, []]));
  for (let r = 0; r < rounds; r++) {
    for (const s of r % 2 === 0 ? servers : [...servers].reverse()) out.get(s)?.push(await propagationRound(s, load));
  }
  return out;
}

/** One server's rounds folded into one row: percentiles over every delivery of every round. */
export function summarise(label: string, rounds: Round[]): LoadFigures & { rss: number } {
  const all = rounds.flatMap((r) => r.latencies);
  const elapsed = rounds.reduce((n, r) => n + r.elapsedS, 0);
  return {
    label,
    rss: Math.max(...rounds.map((r) => r.rss)),
    requestsPerSec: all.length / elapsed,
    p50Ms: pct(all, 0.5),
    p99Ms: pct(all, 0.99),
    failures: rounds.reduce((n, r) => n + Math.max(0, r.expected - r.latencies.length), 0),
    totalRequests: all.length,
    requestsPerSecByRound: rounds.map((r) => r.latencies.length / r.elapsedS),
  };
}

export function ratioNotes(rows: (LoadFigures & { rss: number })[]): string[] {
  const [base, ...rest] = rows;
  if (!base) return [];
  return rest.map(
    (r) =>
      `${r.label} / ${base.label}: p50 ${(r.p50Ms / base.p50Ms).toFixed(2)}×, p99 ${(r.p99Ms / base.p99Ms).toFixed(2)}×` +
      ` (RSS after load ${r.rss.toFixed(0)} MB against ${base.rss.toFixed(0)} MB)`,
  );
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

export interface Bench {
  fx: Fixture;
  events: string[];
  token: string;
  /** Starts one server kind; `instances` > 1 only for mandap (needs `redisUrl`). */
  start(
    kind: Kind,
    opts?: {
      label?: string;
      env?: Record<string, string>;
      instances?: number;
      redisUrl?: string;
      script?: string;
      /** Started with the heap probe (`heapAfterGc`). */
      heapProbe?: boolean;
    },
  ): Promise<BenchServer>;
  stop(): Promise<void>;
}

/** The fixture (edge tables with `docs` events and an operations user) and a server starter. */
export async function benchSetup(docs: number): Promise<Bench> {
  const fx = await createFixture();
  const staff = await fx.addUser('operations');
  const events = [fx.eventId];
  const rows = Array.from({ length: docs }, () => crypto.randomUUID());
  await fx.edge.batch(
    rows.map((id) => ({ sql: 'INSERT INTO events (id) VALUES (?)', args: [id] })),
    'write',
  );
  events.push(...rows);
  const token = await tokenFor(staff, 'operations', { expiresInS: 3600 });
  // Production runs the collab-server as built JavaScript (npm run build -w collab-server), not through tsx.
  execFileSync('npm', ['run', '-s', 'build', '-w', 'collab-server'], { cwd: root, stdio: 'ignore' });
  const procs: ChildProcess[] = [];
  let n = 0;
  return {
    fx,
    events,
    token,
    async start(kind, opts = {}) {
      const room = (d: number) => `event:${events[d]}:tasks`;
      if (kind !== 'mandap') {
        const port = await freePort();
        // Built to JavaScript like ours (bundled by esbuild, packages external), so no server runs
        // through tsx: its loader thread and source-map support would be a cost ours does not pay.
        const script = await builtEntry(
          kind === 'y-websocket' ? 'bench/servers/y-websocket-server.ts' : 'bench/servers/hocuspocus.ts',
        );
        const proc = await startChild(script, { PORT: String(port) }, { heapProbe: opts.heapProbe });
        procs.push(proc);
        return {
          label: opts.label ?? (kind === 'y-websocket' ? 'y-websocket-server (memory)' : 'hocuspocus 4.7 (memory)'),
          kind,
          urls: [`ws://127.0.0.1:${port}`],
          procs: [proc],
          token: '',
          room,
        };
      }
      // Each mandap server its own log (instances of one server share it).
      const collabUrl = `file:${fx.dir}/collab-${n++}.db`;
      const urls: string[] = [];
      const mine: ChildProcess[] = [];
      for (let i = 0; i < (opts.instances ?? 1); i++) {
        const port = await freePort();
        const proc = await startChild(
          opts.script ?? 'collab-server/dist/main.js',
          {
            JWT_SECRET: SECRET,
            DATABASE_URL: fx.edgeUrl,
            COLLAB_DATABASE_URL: collabUrl,
            COLLAB_PORT: String(port),
            COLLAB_IDLE_UNLOAD_MS: '200',
            ...(opts.redisUrl ? { COLLAB_REDIS_URL: opts.redisUrl } : {}),
            ...opts.env,
          },
          { heapProbe: opts.heapProbe },
        );
        procs.push(proc);
        mine.push(proc);
        urls.push(`ws://127.0.0.1:${port}/collab`);
      }
      return { label: opts.label ?? 'mandap collab (durable)', kind, urls, procs: mine, token, room };
    },
    async stop() {
      for (const p of procs) p.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 800));
      for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
      fx.cleanup();
    },
  };
}
