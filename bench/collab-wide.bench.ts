import { benchSetup, interleaved, type Load, loadAverage, ratioNotes, summarise } from './lib/collab.ts';
import type { BenchReport } from './lib/report.ts';

/**
 * Collaboration sync at the wide load: 50 documents × 3 clients, each writing every
 * `intervalMs`. Same servers and harness as collab-sync.bench.ts (bench/lib/collab.ts).
 */
const DOCS = Number(process.env.BENCH_COLLAB_WIDE_DOCS ?? 50);
const CLIENTS_PER_DOC = Number(process.env.BENCH_COLLAB_WIDE_CLIENTS_PER_DOC ?? 3);
const SECONDS = Number(process.env.BENCH_COLLAB_SECONDS ?? 8);
const INTERVAL_MS = Number(process.env.BENCH_COLLAB_WIDE_INTERVAL_MS ?? 500);
const ROUNDS = Number(process.env.BENCH_COLLAB_ROUNDS ?? 2);

export async function run(): Promise<BenchReport> {
  const bench = await benchSetup(DOCS);
  const loadBefore = loadAverage();
  try {
    const servers = [
      await bench.start('y-websocket'),
      await bench.start('hocuspocus'),
      await bench.start('mandap', { label: 'mandap (durable, no fsync)', env: { COLLAB_SYNCHRONOUS: 'normal' } }),
      await bench.start('mandap', { label: 'mandap (durable, fsync)', env: { COLLAB_SYNCHRONOUS: 'full' } }),
    ];
    const load: Load = { docs: DOCS, clientsPerDoc: CLIENTS_PER_DOC, seconds: SECONDS, intervalMs: INTERVAL_MS };
    const rounds = await interleaved(servers, load, ROUNDS);
    const rows = servers.map((s) => summarise(s.label, rounds.get(s) ?? []));
    return {
      name: `collab sync: propagation, ${DOCS} documents × ${CLIENTS_PER_DOC} clients`,
      settings: {
        docs: DOCS,
        clientsPerDoc: CLIENTS_PER_DOC,
        seconds: SECONDS,
        intervalMs: INTERVAL_MS,
        rounds: ROUNDS,
      },
      variants: rows,
      notes: [
        `load average before: ${loadBefore}; after: ${loadAverage()} (2 cores)`,
        ...ratioNotes(rows),
        `${ROUNDS} interleaved rounds per server; percentiles over all deliveries of all rounds.`,
      ],
    };
  } finally {
    await bench.stop();
  }
}
