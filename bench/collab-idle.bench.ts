import { benchSetup, type Client, connect, heapAfterGc, loadAverage, rssMb } from './lib/collab.ts';
import type { BenchReport, LoadFigures } from './lib/report.ts';

/**
 * Memory per idle document: what each server holds with DOCS documents open (one connected, idle
 * client each, after a small edit: a 20-entry task map and a line of text), minus what it held
 * before, divided by DOCS, after a warm-up. Measured as the JavaScript heap in use plus memory
 * outside it (`heapUsed + external`, buffers included) after a full garbage collection in the
 * server (bench/servers/heap-probe.mjs, node --expose-gc), so garbage not yet collected does not
 * count; RSS is printed beside it (it moves with the collector and the allocator, and rarely
 * shrinks). Includes the connection's own cost, which every server pays alike.
 */
const DOCS = Number(process.env.BENCH_COLLAB_IDLE_DOCS ?? 200);

export async function run(): Promise<BenchReport> {
  const bench = await benchSetup(DOCS);
  const loadBefore = loadAverage();
  try {
    const servers = [
      await bench.start('y-websocket', { heapProbe: true }),
      await bench.start('hocuspocus', { heapProbe: true }),
      await bench.start('mandap', { label: 'mandap (durable)', heapProbe: true }),
    ];
    const perDoc: { label: string; kb: number; rssKb: number; before: number; after: number }[] = [];
    const held = (m: NodeJS.MemoryUsage) => (m.heapUsed + m.external) / 1024 / 1024;
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
      const proc = server.procs[0];
      if (!proc) throw new Error(`${server.label} has no process`);
      const before = held(await heapAfterGc(proc));
      const rssBefore = rssMb(proc.pid);
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
      const after = held(await heapAfterGc(proc));
      const rssAfter = rssMb(proc.pid);
      perDoc.push({
        label: server.label,
        kb: ((after - before) * 1024) / DOCS,
        rssKb: ((rssAfter - rssBefore) * 1024) / DOCS,
        before,
        after,
      });
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
            `${p.label}: ${p.kb.toFixed(1)} KiB per idle document after GC (heap + external ${p.before.toFixed(1)} → ` +
            `${p.after.toFixed(1)} MB)` +
            (base && p !== base ? `, ${(p.kb / base.kb).toFixed(2)}× ${base.label}` : '') +
            `; RSS ${p.rssKb.toFixed(1)} KiB per document` +
            (base && p !== base ? ` (${(p.rssKb / base.rssKb).toFixed(2)}×)` : ''),
        ),
        'The table above has no latency figures for this bench: the figures are in these notes.',
      ],
    };
  } finally {
    await bench.stop();
  }
}
