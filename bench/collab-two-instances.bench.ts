import { startRedis } from '../collab-server/src/test-redis.ts';
import { benchSetup, interleaved, type Load, loadAverage, ratioNotes, summarise } from './lib/collab.ts';
import type { BenchReport } from './lib/report.ts';

/**
 * Two Mandap collab-server instances on one log and a real redis-server (the y-redis design:
 * commit, then XADD; relay from the stream), each document's clients alternating between the
 * two, against one instance and against @y/websocket-server in memory, at 6 documents × 4 clients.
 * Hocuspocus's own multi-instance setup (@hocuspocus/extension-redis) is not installed: not measured.
 */
const DOCS = Number(process.env.BENCH_COLLAB_DOCS ?? 6);
const CLIENTS_PER_DOC = Number(process.env.BENCH_COLLAB_CLIENTS_PER_DOC ?? 4);
const SECONDS = Number(process.env.BENCH_COLLAB_SECONDS ?? 8);
const INTERVAL_MS = Number(process.env.BENCH_COLLAB_INTERVAL_MS ?? 100);
const ROUNDS = Number(process.env.BENCH_COLLAB_ROUNDS ?? 2);

export async function run(): Promise<BenchReport> {
  const bench = await benchSetup(DOCS);
  const redis = await startRedis();
  const loadBefore = loadAverage();
  try {
    const servers = [
      await bench.start('y-websocket'),
      await bench.start('mandap', { label: 'mandap, one instance' }),
      await bench.start('mandap', { label: 'mandap, two instances + Redis', instances: 2, redisUrl: redis.url }),
    ];
    const load: Load = { docs: DOCS, clientsPerDoc: CLIENTS_PER_DOC, seconds: SECONDS, intervalMs: INTERVAL_MS };
    const rounds = await interleaved(servers, load, ROUNDS);
    const rows = servers.map((s) => summarise(s.label, rounds.get(s) ?? []));
    return {
      name: `collab sync across two instances, ${DOCS} documents × ${CLIENTS_PER_DOC} clients`,
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
        'Half of every document’s clients are on each instance, so most deliveries cross Redis. RSS is the larger instance.',
        'redis-server 7.0 with no persistence (--save "" --appendonly no): the log in libSQL is the durable tier.',
      ],
    };
  } finally {
    await bench.stop();
    redis.stop();
  }
}
