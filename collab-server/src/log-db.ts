import { Worker } from 'node:worker_threads';
import type { InValue } from '@libsql/client';

/** Statement shape sent to the log worker (a subset of libSQL's InStatement). */
export interface LogStatement {
  sql: string;
  args?: InValue[];
}

export interface LogDbResult {
  rows: Record<string, unknown>[];
  lastInsertRowid: bigint | undefined;
}

export type LogDbRequest =
  | { id: number; op: 'batch'; stmts: LogStatement[]; mode: 'read' | 'write' }
  | { id: number; op: 'close' };

export type LogDbResponse = { id: number; results: LogDbResult[] } | { id: number; error: string };

export interface LogWorkerData {
  url: string;
  /** `full` fsyncs the WAL at every commit (survives power loss); `normal` survives a process crash. */
  synchronous: 'full' | 'normal';
}

/** What `readStoredDoc` and compaction need: a batch in one transaction. */
export interface BatchRunner {
  batch(stmts: LogStatement[], mode: 'read' | 'write'): Promise<{ rows: readonly Record<string, unknown>[] }[]>;
}

/** The update log's connection: each batch is one transaction. */
export interface LogDb extends BatchRunner {
  batch(stmts: LogStatement[], mode: 'read' | 'write'): Promise<LogDbResult[]>;
  execute(sql: string): Promise<LogDbResult>;
  close(): Promise<void>;
}

/**
 * Opens the log's connection, in a worker thread, for a durability level.
 *
 * libSQL runs a local file synchronously on the calling thread. On the main thread, an fsync
 * (6 ms median, 32 ms p99 on the bench machine's disk) and even a plain write() stalled by a busy
 * disk froze every document's relays while it lasted. In the worker they block only the worker;
 * the main thread keeps reading sockets and gathers the next group commit meanwhile.
 *
 * - `normal` (default): a commit is written into the WAL with no fsync. It survives a crash of the
 *   process (kill -9), which is what "persisted before relay" guards against; power loss or an OS
 *   crash can drop the newest commits, which the peers' own copies (IndexedDB) send back when they
 *   reconnect. SQLite's automatic checkpoints (which do fsync) also run in the worker.
 * - `full`: every commit fsyncs the WAL (survives power loss too).
 *
 * (Measured with the bench under real-time priority on a loaded machine: writing `normal` commits
 * on the main thread instead gave a lower p50 but a p99 of 29–37 ms against 13 ms in the worker.)
 */
export function openLogDb(url: string, synchronous: 'full' | 'normal'): Promise<LogDb> {
  return WorkerLogDb.open({ url, synchronous });
}

/**
 * The log's connection in a worker thread (log-worker.js). Requests are answered in order.
 */
class WorkerLogDb implements LogDb {
  private nextId = 1;
  private waiting = new Map<number, { resolve: (r: LogDbResult[]) => void; reject: (e: Error) => void }>();
  private exited: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (res: LogDbResponse) => {
      const w = this.waiting.get(res.id);
      if (!w) return;
      this.waiting.delete(res.id);
      if ('error' in res) w.reject(new Error(`update log: ${res.error}`));
      else w.resolve(res.results);
    });
    const fail = (err: Error) => {
      this.exited = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
    worker.on('exit', (code) => fail(new Error(`update log worker exited with ${code}`)));
  }

  static async open(data: LogWorkerData): Promise<WorkerLogDb> {
    // src/log-worker.js from the source tree; dist/log-worker.js (built beside dist/main.js) in production.
    const worker = new Worker(new URL('./log-worker.js', import.meta.url), { workerData: data });
    const db = new WorkerLogDb(worker);
    // The first round trip applies the PRAGMAs and proves the file opens.
    await db.batch([{ sql: 'SELECT 1' }], 'read');
    return db;
  }

  batch(stmts: LogStatement[], mode: 'read' | 'write'): Promise<LogDbResult[]> {
    if (this.exited) return Promise.reject(this.exited);
    return this.request({ op: 'batch', stmts, mode });
  }

  async execute(sql: string): Promise<LogDbResult> {
    const [result] = await this.batch([{ sql }], 'write');
    if (!result) throw new Error('update log: no result');
    return result;
  }

  async close(): Promise<void> {
    if (!this.exited) await this.request({ op: 'close' }).catch(() => {});
    await this.worker.terminate();
  }

  private request(
    req: { op: 'batch'; stmts: LogStatement[]; mode: 'read' | 'write' } | { op: 'close' },
  ): Promise<LogDbResult[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }
}
