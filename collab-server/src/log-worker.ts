/**
 * The update log's database connection, in a worker thread.
 *
 * A local libSQL file runs every statement synchronously on the thread that calls it. A commit
 * with `synchronous=FULL` waits for an fsync (6 ms at the median, 30 ms at p99 on the bench
 * machine); with `NORMAL`, a write() to a busy disk and the automatic checkpoints can still stall.
 * On the main thread that froze every document's relays while it lasted. Here it blocks only this
 * thread; the main thread keeps reading sockets and relaying what is already durable, and gathers
 * the next group commit meanwhile.
 *
 * Messages: `{ id, op: 'batch', stmts, mode }`, `{ id, op: 'exec', sql }` or `{ id, op: 'close' }`; answers
 * `{ id, results }` or `{ id, error }` (types in log-db.ts). Rows are sent as plain objects keyed
 * by column name.
 *
 * Plain JavaScript on purpose: the same file runs from the source tree (tests, tsx) and is
 * copied by the build, and a worker thread does not inherit tsx's loader on Node 20.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createClient } from '@libsql/client';

const port = parentPort;
if (!port) throw new Error('log-worker.js runs only as a worker thread');
const { url, synchronous } = workerData;

// One connection: PRAGMA synchronous is per connection, and the writes are serial anyway.
const db = createClient({ url, concurrency: 1 });
const ready = (async () => {
  await db.execute('PRAGMA journal_mode = WAL');
  await db.execute(`PRAGMA synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  await db.execute('PRAGMA busy_timeout = 5000');
})();

port.on('message', (req) => {
  void handle(req).then((res) => port.postMessage(res));
});

async function handle(req) {
  try {
    await ready;
    if (req.op === 'close') {
      db.close();
      return { id: req.id, results: [] };
    }
    // A checkpoint cannot run inside a transaction: `exec` runs one statement on its own.
    const sets = req.op === 'exec' ? [await db.execute(req.sql)] : await db.batch(req.stmts, req.mode);
    const results = sets.map((set) => ({
      rows: set.rows.map((row) => Object.fromEntries(set.columns.map((col) => [col, row[col]]))),
      lastInsertRowid: set.lastInsertRowid,
    }));
    return { id: req.id, results };
  } catch (err) {
    return { id: req.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}
