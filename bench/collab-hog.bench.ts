import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { benchSetup, interleaved, type Load, loadAverage, ratioNotes, summarise } from './lib/collab.ts';
import type { BenchReport } from './lib/report.ts';

/**
 * The tail under a CPU-hog neighbour: one busy-looping process per core runs beside the servers
 * (same priority) while the 6 × 4 propagation load runs, against @y/websocket-server and
 * Hocuspocus in memory and Mandap's durable server.
 */
const DOCS = Number(process.env.BENCH_COLLAB_DOCS ?? 6);
const CLIENTS_PER_DOC = Number(process.env.BENCH_COLLAB_CLIENTS_PER_DOC ?? 4);
const SECONDS = Number(process.env.BENCH_COLLAB_SECONDS ?? 8);
const INTERVAL_MS = Number(process.env.BENCH_COLLAB_INTERVAL_MS ?? 100);
const ROUNDS = Number(process.env.BENCH_COLLAB_ROUNDS ?? 2);

export async function run(): Promise<BenchReport> {
  const bench = await benchSetup(DOCS);
  const hogs: ChildProcess[] = [];
  const loadBefore = loadAverage();
  try {
    const servers = [
      await bench.start('y-websocket'),
      await bench.start('hocuspocus'),
      await bench.start('mandap', { label: 'mandap (durable, no fsync)' }),
      await bench.start('mandap', { label: 'mandap (durable, fsync)', env: { COLLAB_SYNCHRONOUS: 'full' } }),
    ];
    for (let i = 0; i < availableParallelism(); i++) {
      hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    }
    const load: Load = { docs: DOCS, clientsPerDoc: CLIENTS_PER_DOC, seconds: SECONDS, intervalMs: INTERVAL_MS };
    const rounds = await interleaved(servers, load, ROUNDS);
    const rows = servers.map((s) => summarise(`${s.label}, CPU hog`, rounds.get(s) ?? []));
    return {
      name: `collab sync beside a CPU hog (${hogs.length} busy loops), ${DOCS} documents × ${CLIENTS_PER_DOC} clients`,
      settings: {
        docs: DOCS,
        clientsPerDoc: CLIENTS_PER_DOC,
        seconds: SECONDS,
        intervalMs: INTERVAL_MS,
        rounds: ROUNDS,
      },
      variants: rows,
      notes: [
        `load average before: ${loadBefore}; after: ${loadAverage()} (2 cores, hogs included)`,
        ...ratioNotes(rows),
      ],
    };
  } finally {
    for (const h of hogs) h.kill('SIGKILL');
    await bench.stop();
  }
}
