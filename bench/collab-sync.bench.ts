import * as Y from 'yjs';
import {
  type BenchServer,
  benchSetup,
  connect,
  interleaved,
  type Load,
  loadAverage,
  ratioNotes,
  summarise,
} from './lib/collab.ts';
import { idbColdLoad } from './lib/idb-load.ts';
import type { BenchReport } from './lib/report.ts';

/**
 * Collaboration sync, 6 documents × 4 clients (the first load): propagation p50/p99 of
 * Mandap's collab-server (authenticated, every update committed to its log before relay; as
 * built JavaScript) side by side with @y/websocket-server and Hocuspocus 4 in memory. Then a
 * document with a long editing history is loaded cold by a new client. The wide load (50 × 3)
 * is collab-wide.bench.ts; two instances, idle memory and a CPU hog are collab-scale.bench.ts.
 *
 * BENCH_COLLAB_COMPARE=<path to another build's main.js> adds that build as one more row (used
 * to measure before/after a change on the same machine in one run).
 */
const DOCS = Number(process.env.BENCH_COLLAB_DOCS ?? 6);
const CLIENTS_PER_DOC = Number(process.env.BENCH_COLLAB_CLIENTS_PER_DOC ?? 4);
const SECONDS = Number(process.env.BENCH_COLLAB_SECONDS ?? 8);
const INTERVAL_MS = Number(process.env.BENCH_COLLAB_INTERVAL_MS ?? 100);
const HISTORY = Number(process.env.BENCH_COLLAB_HISTORY ?? 5000);
const ROUNDS = Number(process.env.BENCH_COLLAB_ROUNDS ?? 3);

/**
 * Writes a long history (HISTORY small text edits, ten to an update) and times a fresh client's
 * cold load. Paced at about 70 updates/s, under the server's per-peer limit (100 messages/s).
 */
async function coldLoad(server: BenchServer, afterWriteMs: number): Promise<{ ms: number; bytes: number }> {
  const writer = await connect(server, 0, DOCS);
  const text = writer.doc.getText('content');
  for (let i = 0; i < HISTORY; i += 10) {
    writer.doc.transact(() => {
      for (let k = i; k < Math.min(HISTORY, i + 10); k++) {
        text.insert(Math.floor(text.length / 2), k % 40 === 0 ? '\n' : 'x');
        if (k % 7 === 0 && text.length > 2) text.delete(1, 1);
      }
    });
    if (i % 100 === 90) await new Promise((r) => setTimeout(r, 150));
  }
  const bytes = Y.encodeStateAsUpdate(writer.doc).length;
  await new Promise((r) => setTimeout(r, 500));
  writer.destroy();
  writer.doc.destroy();
  await new Promise((r) => setTimeout(r, afterWriteMs));
  const t0 = performance.now();
  const reader = await connect(server, 0, DOCS);
  const ms = performance.now() - t0;
  reader.destroy();
  reader.doc.destroy();
  return { ms, bytes };
}

export async function run(): Promise<BenchReport> {
  const bench = await benchSetup(DOCS + 1);
  const loadBefore = loadAverage();
  try {
    // The reference always runs (every ratio is against it); BENCH_COLLAB_ONLY=normal,hocuspocus narrows the rest.
    const only = process.env.BENCH_COLLAB_ONLY?.split(',');
    const wanted = (name: string) => !only || only.includes(name);
    const servers = [await bench.start('y-websocket')];
    if (wanted('hocuspocus')) servers.push(await bench.start('hocuspocus'));
    if (wanted('full')) {
      servers.push(
        await bench.start('mandap', { label: 'mandap (durable, fsync)', env: { COLLAB_SYNCHRONOUS: 'full' } }),
      );
    }
    if (wanted('normal')) {
      servers.push(
        await bench.start('mandap', { label: 'mandap (durable, no fsync)', env: { COLLAB_SYNCHRONOUS: 'normal' } }),
      );
    }
    const compare = process.env.BENCH_COLLAB_COMPARE;
    if (compare) servers.push(await bench.start('mandap', { label: 'mandap (compared build)', script: compare }));
    const load: Load = { docs: DOCS, clientsPerDoc: CLIENTS_PER_DOC, seconds: SECONDS, intervalMs: INTERVAL_MS };
    const rounds = await interleaved(servers, load, ROUNDS);
    const rows = servers.map((s) => summarise(s.label, rounds.get(s) ?? []));
    const [reference] = servers;
    const ours = servers.find((s) => s.kind === 'mandap');
    const cold = [];
    // BENCH_COLLAB_COLD=0 skips the cold loads (and Chromium's IndexedDB one): propagation only.
    const coldToo = process.env.BENCH_COLLAB_COLD !== '0';
    if (coldToo)
      for (const s of [reference, ours]) if (s) cold.push({ s, ...(await coldLoad(s, s === ours ? 1000 : 0)) });
    const idb = coldToo
      ? await idbColdLoad(HISTORY, 5).catch((err: Error) => err)
      : new Error('skipped (BENCH_COLLAB_COLD=0)');
    return {
      name: `collab sync: propagation, ${DOCS} documents × ${CLIENTS_PER_DOC} clients, and cold load`,
      settings: {
        docs: DOCS,
        clientsPerDoc: CLIENTS_PER_DOC,
        seconds: SECONDS,
        intervalMs: INTERVAL_MS,
        historyEdits: HISTORY,
        rounds: ROUNDS,
      },
      variants: rows,
      notes: [
        `load average before: ${loadBefore}; after: ${loadAverage()} (2 cores)`,
        ...ratioNotes(rows),
        `${ROUNDS} interleaved rounds per server (A B C D, D C B A, …); percentiles over all deliveries of all rounds.`,
        ...cold.map(
          (c) =>
            `${c.s.label}: cold load of a ${HISTORY}-edit document (${(c.bytes / 1024).toFixed(1)} KiB state) ${c.ms.toFixed(1)} ms` +
            (c.s === ours
              ? ' (unloaded first: read from snapshot + update log)'
              : ' (still in memory: it has no log to load from)'),
        ),
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
    await bench.stop();
  }
}
