import { Worker } from 'node:worker_threads';
import type { InValue } from '@libsql/client';
import Database from 'libsql';
import { type CompactionFold, compactionWrites, type FoldedState } from './stored.ts';
import { trace } from './trace.ts';

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
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'fold'; docName: string }
  | { id: number; op: 'load'; docName: string }
  | { id: number; op: 'close' };

/** `value`: LogDbResult[] for batch, exec and close; CompactionFold | null for fold; FoldedState for load. */
export type LogDbResponse = { id: number; value: unknown } | { id: number; error: string };

export interface LogWorkerData {
  url: string;
  /** `full` fsyncs the WAL at every commit (survives power loss); `normal` survives a process crash. */
  synchronous: 'full' | 'normal';
}

/** The update log's connection: each batch is one transaction. */
export interface LogDb {
  batch(stmts: LogStatement[], mode: 'read' | 'write'): Promise<LogDbResult[]>;
  /** The group commit of appended updates (the relay path): one write transaction. */
  commit(stmts: LogStatement[]): Promise<LogDbResult[]>;
  /**
   * One statement committed on the calling thread before this returns, where the connection is
   * there (`normal` on a file): its result, or null when the file is locked (the caller queues it
   * for `commit`, which waits for the lock in the worker). Absent where commits run in the worker.
   */
  commitNow?(stmt: LogStatement): LogDbResult | null;
  execute(sql: string): Promise<LogDbResult>;
  /**
   * Folds a document's rows into its snapshot: the fold in the worker (stored.ts
   * `foldForCompaction`), then its write. Resolves with the rows folded (0: nothing to fold, or
   * rows that cannot be applied).
   */
  compact(docName: string): Promise<number>;
  /** Reads and folds a document, in the worker: one update to apply (stored.ts `loadFoldedState`). */
  load(docName: string): Promise<FoldedState>;
  close(): Promise<void>;
}

/**
 * Opens the log's connection for a durability level.
 *
 * libSQL runs a local file synchronously on the calling thread. On the main thread, an fsync
 * (6 ms median, 32 ms p99 on the bench machine's disk) froze every document's relays while it
 * lasted, and so did SQLite's automatic checkpoints (which fsync) and waiting for a lock another
 * process holds; folding a document's rows (a load, a compaction) costs tens of milliseconds of
 * CPU. Where each part runs:
 *
 * - `full`: every commit fsyncs the WAL (survives power loss too). Everything runs in a worker
 *   thread (log-worker.ts): an fsync blocks only the worker; the main thread keeps reading
 *   sockets and gathers the next group commit meanwhile.
 * - `normal` (default): a commit is written into the WAL with no fsync. It survives a crash of the
 *   process (kill -9), which is what "persisted before relay" guards against; power loss or an OS
 *   crash can drop the newest commits, which the peers' own copies (IndexedDB) send back when they
 *   reconnect. The group commit runs on the main thread, on its own connection: a write() into
 *   the page cache costs tens of microseconds, less than two hops to a worker thread, which on a
 *   busy machine each wait to be scheduled (see HybridLogDb). What can block stays in the worker:
 *   checkpoints, loads and compaction (reading and folding the rows), and any commit that finds
 *   the file locked.
 *
 * Several instances writing one log file (behind Redis, `shared`): everything runs in the worker,
 * one connection per process, at both levels. With a second connection on the main thread, the
 * two-instance kill -9 test (two-instances.test.ts) lost committed updates about one run in four
 * on 30/11/2026: a compaction folded a document whose log was missing an update its peers had
 * seen. With the worker alone it passed 10 of 10, as with `full`. The cause inside libSQL is not
 * found; until it is, a shared log pays the worker's hop (see the collab-two-instances bench).
 *
 * An in-memory URL exists only on the connection that opened it: it keeps one, in the worker.
 */
export async function openLogDb(url: string, synchronous: 'full' | 'normal', shared = false): Promise<LogDb> {
  const worker = await WorkerLogDb.open({ url, synchronous });
  const path = fileDatabasePath(url);
  if (shared || synchronous === 'full' || path === null || path.includes('?')) return worker;
  return HybridLogDb.open(path, worker);
}

/** The file a `file:` URL names, or null (in memory, or not a file). */
export function fileDatabasePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  return path === ':memory:' ? null : path;
}

/** WAL pages a commit of one small update writes, about: the row, the index, sqlite_sequence. */
const CHECKPOINT_EVERY_COMMITS = 100;

/**
 * `normal`: group commits and compaction writes on the main thread, everything else (reads,
 * folds, checkpoints) in the worker.
 *
 * The main connection never waits: `busy_timeout = 0`, so a commit that finds the write lock
 * taken (by another instance or process writing the same log: this one writes only here) fails
 * at once with SQLITE_BUSY and is handed to the worker, which waits for the lock there. Its own automatic
 * checkpoints are off (`wal_autocheckpoint = 0`); the worker runs a PASSIVE checkpoint every
 * CHECKPOINT_EVERY_COMMITS commits, which never blocks the writer. Commits are serial (the
 * update log runs one group at a time), so the two paths never reorder one instance's writes.
 */
class HybridLogDb implements LogDb {
  private commitsSinceCheckpoint = 0;
  private checkpointing = false;
  /** Prepared once: a commit is three statements' execution and nothing else (about 40 µs here). */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly begin: Database.Statement;
  private readonly end: Database.Statement;
  private readonly rollback: Database.Statement;

  private constructor(
    private readonly main: Database.Database,
    private readonly worker: WorkerLogDb,
  ) {
    this.begin = main.prepare('BEGIN IMMEDIATE');
    this.end = main.prepare('COMMIT');
    this.rollback = main.prepare('ROLLBACK');
  }

  static async open(path: string, worker: WorkerLogDb): Promise<HybridLogDb> {
    let main: Database.Database | null = null;
    try {
      // libSQL's synchronous driver itself: @libsql/client's wrapper costs about 3× the commit.
      main = new Database(path);
      // The worker set journal_mode = WAL (persistent in the file); these are per connection.
      main.exec('PRAGMA synchronous = NORMAL');
      main.exec('PRAGMA busy_timeout = 0');
      main.exec('PRAGMA wal_autocheckpoint = 0');
      return new HybridLogDb(main, worker);
    } catch (err) {
      main?.close();
      await worker.close();
      throw err;
    }
  }

  batch(stmts: LogStatement[], mode: 'read' | 'write'): Promise<LogDbResult[]> {
    return this.worker.batch(stmts, mode);
  }

  commit(stmts: LogStatement[]): Promise<LogDbResult[]> {
    // One row (the usual group at a steady load): one statement, its own transaction. BEGIN and
    // COMMIT around it were two more native calls, about a fifth of a commit's CPU.
    if (stmts.length === 1 && stmts[0]) return this.commitOne(stmts[0]);
    let results: LogDbResult[];
    try {
      this.begin.run();
    } catch (err) {
      if (isBusy(err)) return this.handOff(stmts);
      return Promise.reject(err);
    }
    try {
      results = stmts.map((stmt) => {
        const { lastInsertRowid } = this.prepared(stmt.sql).run(...(stmt.args ?? []).map(toSqlValue));
        return { rows: [], lastInsertRowid: BigInt(lastInsertRowid) };
      });
      this.end.run();
    } catch (err) {
      if (this.main.inTransaction) this.rollback.run();
      if (isBusy(err)) return this.handOff(stmts);
      return Promise.reject(err);
    }
    if (++this.commitsSinceCheckpoint >= CHECKPOINT_EVERY_COMMITS) this.checkpoint();
    return Promise.resolve(results);
  }

  private commitOne(stmt: LogStatement): Promise<LogDbResult[]> {
    let result: LogDbResult | null;
    try {
      result = this.commitNow(stmt);
    } catch (err) {
      return Promise.reject(err);
    }
    return result ? Promise.resolve([result]) : this.handOff([stmt]);
  }

  commitNow(stmt: LogStatement): LogDbResult | null {
    let lastInsertRowid: number | bigint;
    try {
      ({ lastInsertRowid } = this.prepared(stmt.sql).run(...(stmt.args ?? []).map(toSqlValue)));
    } catch (err) {
      // Autocommit: a statement that failed left no transaction open.
      if (isBusy(err)) return null;
      throw err;
    }
    if (++this.commitsSinceCheckpoint >= CHECKPOINT_EVERY_COMMITS) this.checkpoint();
    return { rows: [], lastInsertRowid: BigInt(lastInsertRowid) };
  }

  execute(sql: string): Promise<LogDbResult> {
    return this.worker.execute(sql);
  }

  /**
   * The fold runs in the worker; its write is a transaction on this connection like a commit
   * (a snapshot and a DELETE by index: about a millisecond), so within one instance the two
   * connections never take the write lock at the same time and a commit never finds it held.
   * Before, the worker wrote it: a commit that met that lock was handed to the worker and
   * queued behind its folds, and with 50 documents compacting at once every relay waited
   * about half a second.
   */
  async compact(docName: string): Promise<number> {
    const fold = await this.worker.fold(docName);
    if (!fold) return 0;
    await this.commit(compactionWrites(fold));
    return fold.rows;
  }

  load(docName: string): Promise<FoldedState> {
    return this.worker.load(docName);
  }

  async close(): Promise<void> {
    this.main.close();
    await this.worker.close();
  }

  /** A write that found the file locked (another process): the worker waits for the lock. */
  private handOff(stmts: LogStatement[]): Promise<LogDbResult[]> {
    const started = trace ? performance.now() : 0;
    const done = this.worker.batch(stmts, 'write');
    if (trace) void done.finally(() => trace?.record('commit-handoff', started)).catch(() => {});
    return done;
  }

  private prepared(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.main.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private checkpoint(): void {
    if (this.checkpointing) return;
    this.checkpointing = true;
    this.commitsSinceCheckpoint = 0;
    void this.worker
      .exec('PRAGMA wal_checkpoint(PASSIVE)')
      .catch((err) => console.error('collab-server: a checkpoint of the update log failed', err))
      .finally(() => {
        this.checkpointing = false;
      });
  }
}

/** What the synchronous driver binds: a BLOB as a Buffer over the same bytes (no copy). */
function toSqlValue(value: InValue): unknown {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  return value;
}

function isBusy(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, rawCode } = err as { code?: unknown; rawCode?: unknown };
  return (
    (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) ||
    (typeof rawCode === 'number' && (rawCode & 0xff) === 5)
  );
}

/**
 * The log's connection in a worker thread (log-worker.ts). Requests are answered in order.
 */
class WorkerLogDb implements LogDb {
  private nextId = 1;
  private waiting = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  private exited: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (res: LogDbResponse) => {
      const w = this.waiting.get(res.id);
      if (!w) return;
      this.waiting.delete(res.id);
      if ('error' in res) w.reject(new Error(`update log: ${res.error}`));
      else w.resolve(res.value);
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
    // src/log-worker.js (log-worker.ts through tsx) from the source tree; dist/log-worker.js, built
    // from log-worker.ts beside dist/main.js, in production.
    const worker = new Worker(new URL('./log-worker.js', import.meta.url), { workerData: data });
    const db = new WorkerLogDb(worker);
    // The first round trip applies the PRAGMAs and proves the file opens.
    await db.batch([{ sql: 'SELECT 1' }], 'read');
    return db;
  }

  batch(stmts: LogStatement[], mode: 'read' | 'write'): Promise<LogDbResult[]> {
    return this.request({ op: 'batch', stmts, mode }) as Promise<LogDbResult[]>;
  }

  commit(stmts: LogStatement[]): Promise<LogDbResult[]> {
    return this.batch(stmts, 'write');
  }

  /** One statement outside any transaction (a checkpoint). */
  exec(sql: string): Promise<LogDbResult[]> {
    return this.request({ op: 'exec', sql }) as Promise<LogDbResult[]>;
  }

  fold(docName: string): Promise<CompactionFold | null> {
    return this.request({ op: 'fold', docName }) as Promise<CompactionFold | null>;
  }

  async compact(docName: string): Promise<number> {
    const fold = await this.fold(docName);
    if (!fold) return 0;
    await this.batch(compactionWrites(fold), 'write');
    return fold.rows;
  }

  load(docName: string): Promise<FoldedState> {
    return this.request({ op: 'load', docName }) as Promise<FoldedState>;
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

  private request(req: DistributiveOmit<LogDbRequest, 'id'>): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
