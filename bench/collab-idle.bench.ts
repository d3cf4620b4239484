import { benchSetup, type Client, connect, loadAverage, rssMb } from './lib/collab.ts';
import type { BenchReport, LoadFigures } from './lib/report.ts';

/**
 * Memory per idle document: each server's RSS with DOCS documents open (one connected, idle
 * client each, after a small edit: a 20-entry task map and a line of text), minus its RSS before,
 * divided by DOCS, after a warm-up. Includes the connection's own cost, which every server pays
 * alike. RSS moves with the garbage collector: trust it only with a few hundred documents.
 */
const DOCS = Number(process.env.BENCH_COLLAB_IDLE_DOCS ?? 200);

export async function run(): Promise<BenchReport> {
  const bench = await benchSetup(DOCS);
  const loadBefore = loadAverage();
  try {
    const servers = [
      await bench.start('y-websocket'),
      await bench.start('hocuspocus'),
      await bench.start('mandap', { label: 'mandap (durable)' }),
    ];
    const perDoc: { label: string; kb: number; before: number; after: number }[] = [];
    for (const server of servers) {
      // Warm up (first connections, code paths compiled), then settle, so start-up garbage
      // collected later is not counted against the documents.
      const warm = await Promise.all(Array.from({ length: 10 }, (_, d) => connect(server, 0, d)));
      for (const c of warm) c.doc.getMap<string>('tasks').set('warm', 'up');
      await new Promise((r) => setTimeout(r, 500));
      for (const c of warm) {
        c.destroy();
        c.doc.destroy();
      }
      await new Promise((r) => setTimeout(r, 3000));
      const before = rssMb(server.procs[0]?.pid);
      const clients: Client[] = [];
      for (let d = 0; d < DOCS; d += 25) {
        const slice = Array.from({ length: Math.min(25, DOCS - d) }, (_, k) => d + k);
        clients.push(...(await Promise.all(slice.map((doc) => connect(server, 0, doc)))));
      }
      for (const c of clients) {
        c.doc.transact(() => {
          const tasks = c.doc.getMap<string>('tasks');
          for (let t = 0; t < 20; t++) tasks.set(`task-${t}`, `Confirm the mandap decorator, item ${t}`);
          c.doc.getText('notes').insert(0, 'Sangeet on the lawn at 7 pm; haldi at 10 am.');
        });
      }
      await new Promise((r) => setTimeout(r, 3000));
      const after = rssMb(server.procs[0]?.pid);
      perDoc.push({ label: server.label, kb: ((after - before) * 1024) / DOCS, before, after });
      for (const c of clients) {
        c.destroy();
        c.doc.destroy();
      }
    }
    const [base] = perDoc;
    const variants: LoadFigures[] = perDoc.map((p) => ({
      label: p.label,
      requestsPerSec: 0,
      p50Ms: 0,
      p99Ms: 0,
      failures: 0,
      totalRequests: 0,
      requestsPerSecByRound: [],
    }));
    return {
      name: `collab memory per idle document (${DOCS} documents, one idle client each)`,
      settings: { docs: DOCS },
      variants,
      notes: [
        `load average before: ${loadBefore}; after: ${loadAverage()} (2 cores)`,
        ...perDoc.map(
          (p) =>
            `${p.label}: ${p.kb.toFixed(1)} KiB per idle document (RSS ${p.before.toFixed(0)} → ${p.after.toFixed(0)} MB)` +
            (base && p !== base ? `; ratio to ${base.label} ${(p.kb / base.kb).toFixed(2)}×` : ''),
        ),
        'The table above has no latency figures for this bench: the figures are in these notes.',
      ],
    };
  } finally {
    await bench.stop();
  }
}
