import { Worker } from 'node:worker_threads';
import { type Client, createClient, type InValue } from '@libsql/client';

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
  | { id: number; op: 'checkpoint' }
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
 * Opens the log's connection for a durability level.
 *
 * - `full`: every commit fsyncs the WAL (survives power loss). The connection lives in a worker
 *   thread: libSQL runs a local file synchronously, and an fsync on the event loop (6 ms median,
 *   30 ms p99 on the bench machine) froze every document's relays while it lasted.
 * - `normal`: a commit is a write into the WAL with no fsync: it survives a crash of the process
 *   (kill -9), which is what "persisted before relay" guards against; power loss or an OS crash
 *   can drop the newest commits, which the peers' own copies (IndexedDB) send back when they
 *   reconnect. The commit is so short that it runs on the main thread (no thread hop); the
 *   checkpoint, the one step that fsyncs, runs in the worker every second.
 */
export async function openLogDb(url: string, synchronous: 'full' | 'normal'): Promise<LogDb> {
  return synchronous === 'full' ? WorkerLogDb.open({ url, synchronous }) : InlineLogDb.open(url);
}

const CHECKPOINT_EVERY_MS = 1000;

/** `normal` durability: writes on this thread, checkpoints in the worker. */
class InlineLogDb implements LogDb {
  private timer: NodeJS.Timeout;
  private checkpointing = false;

  private constructor(
    private readonly db: Client,
    private readonly checkpointer: WorkerLogDb,
  ) {
    this.timer = setInterval(() => {
      if (this.checkpointing) return;
      this.checkpointing = true;
      this.checkpointer
        .checkpoint()
        .catch((err) => console.error('collab-server: a WAL checkpoint failed (retried in a second)', err))
        .finally(() => {
          this.checkpointing = false;
        });
    }, CHECKPOINT_EVERY_MS);
    this.timer.unref();
  }

  static async open(url: string): Promise<InlineLogDb> {
    const db = createClient({ url, concurrency: 1 });
    await db.execute('PRAGMA journal_mode = WAL');
    await db.execute('PRAGMA synchronous = NORMAL');
    await db.execute('PRAGMA busy_timeout = 5000');
    // No checkpoint inside a commit on this thread: the worker does them.
    await db.execute('PRAGMA wal_autocheckpoint = 0');
    return new InlineLogDb(db, await WorkerLogDb.open({ url, synchronous: 'normal' }));
  }

  async batch(stmts: LogStatement[], mode: 'read' | 'write'): Promise<LogDbResult[]> {
    const sets = await this.db.batch(stmts, mode);
    return sets.map((set) => ({
      rows: set.rows as unknown as Record<string, unknown>[],
      lastInsertRowid: set.lastInsertRowid,
    }));
  }

  async execute(sql: string): Promise<LogDbResult> {
    const set = await this.db.execute(sql);
    return { rows: set.rows as unknown as Record<string, unknown>[], lastInsertRowid: set.lastInsertRowid };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checkpointer.checkpoint().catch(() => {});
    await this.checkpointer.close();
    this.db.close();
  }
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

  async checkpoint(): Promise<void> {
    if (this.exited) throw this.exited;
    await this.request({ op: 'checkpoint' });
  }

  async close(): Promise<void> {
    if (!this.exited) await this.request({ op: 'close' }).catch(() => {});
    await this.worker.terminate();
  }

  private request(
    req: { op: 'batch'; stmts: LogStatement[]; mode: 'read' | 'write' } | { op: 'checkpoint' } | { op: 'close' },
  ): Promise<LogDbResult[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }
}
