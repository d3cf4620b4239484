/**
 * The update log's database connection, in a worker thread.
 *
 * A local libSQL file runs every statement synchronously on the thread that calls it. A commit
 * with `synchronous=FULL` waits for an fsync (6 ms at the median, 30 ms at p99 on the bench
 * machine); with `NORMAL`, a write() to a busy disk and the automatic checkpoints can still stall.
 * On the main thread that froze every document's relays while it lasted. Here it blocks only this
 * thread; the main thread keeps reading sockets and relaying what is already durable, and gathers
 * the next group commit meanwhile. Loads and compactions fold the stored rows here too
 * (stored.ts; a compaction's write is the caller's): a fold of a few hundred rows takes tens of milliseconds, and 50 documents reaching
 * their compaction threshold together stalled every relay for over a second on the main thread.
 *
 * Requests and answers: `LogDbRequest` / `LogDbResponse` in log-db.ts. Rows are sent as plain
 * objects keyed by column name.
 *
 * Production runs dist/log-worker.js, built from this file; the source tree (tests, tsx) starts
 * it through log-worker.js, which registers tsx's loader (a worker thread does not inherit it on
 * Node 20).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createClient, type ResultSet } from '@libsql/client';
import type { LogDbRequest, LogDbResponse, LogWorkerData } from './log-db.ts';
import { foldForCompaction, loadFoldedState } from './stored.ts';

const port = parentPort;
if (!port) throw new Error('log-worker runs only as a worker thread');
const { url, synchronous } = workerData as LogWorkerData;

// One connection: PRAGMA synchronous is per connection, and the writes are serial anyway.
const db = createClient({ url, concurrency: 1 });
const ready = (async () => {
  await db.execute('PRAGMA journal_mode = WAL');
  await db.execute(`PRAGMA synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  await db.execute('PRAGMA busy_timeout = 5000');
})();

port.on('message', (req: LogDbRequest) => {
  void handle(req).then(([res, transfer]) => port.postMessage(res, transfer));
});

const plain = (set: ResultSet) => ({
  rows: set.rows.map((row) => Object.fromEntries(set.columns.map((col) => [col, row[col]]))),
  lastInsertRowid: set.lastInsertRowid,
});

async function handle(req: LogDbRequest): Promise<[LogDbResponse, ArrayBuffer[]]> {
  try {
    await ready;
    switch (req.op) {
      case 'close':
        db.close();
        return [{ id: req.id, value: [] }, []];
      case 'exec':
        // A checkpoint cannot run inside a transaction: `exec` runs one statement on its own.
        return [{ id: req.id, value: [plain(await db.execute(req.sql))] }, []];
      case 'batch':
        return [{ id: req.id, value: (await db.batch(req.stmts, req.mode)).map(plain) }, []];
      case 'fold': {
        const fold = await foldForCompaction(db, req.docName);
        const whole = fold && fold.state.byteOffset === 0 && fold.state.byteLength === fold.state.buffer.byteLength;
        return [{ id: req.id, value: fold }, whole ? [fold.state.buffer as ArrayBuffer] : []];
      }
      case 'load': {
        const folded = await loadFoldedState(db, req.docName);
        // The state's bytes move to the main thread instead of being copied.
        const whole = folded.state.byteOffset === 0 && folded.state.byteLength === folded.state.buffer.byteLength;
        return [{ id: req.id, value: folded }, whole ? [folded.state.buffer as ArrayBuffer] : []];
      }
    }
  } catch (err) {
    return [{ id: req.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, []];
  }
}
