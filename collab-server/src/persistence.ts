import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as Y from 'yjs';
import type { Folded } from './fold.ts';
import { fileDatabasePath, type LogDb, openLogDb } from './log-db.ts';
import type { Metrics } from './metrics.ts';
import { trace } from './trace.ts';

export { readStoredDoc, type StoredDoc, type StoredRow } from './stored.ts';

/**
 * The collab-server's own durable log of Yjs updates, one row per update, group-committed.
 *
 * Contract: `append()` calls its `onCommitted` callback (which relays the update to the other
 * peers) only after the update is committed. Nothing a peer can see is therefore missing from disk.
 */
export interface UpdateLogOptions {
  url: string;
  /**
   * Updates arriving within this window share one transaction. 0: a commit starts as soon as the
   * current event-loop turn ends; updates that arrive while it is on disk form the next group.
   */
  groupCommitMs: number;
  /** `normal` (default): a commit survives a process crash. `full`: fsync at every commit, survives power loss. */
  synchronous?: 'full' | 'normal';
  /** Other instances (behind Redis) write the same log file: its connection stays in the worker (log-db.ts). */
  sharedWithOtherInstances?: boolean;
  /** A document whose log grows past this many rows is compacted into a snapshot. */
  compactAfter: number;
  metrics: Metrics;
  /** A per-document lease across instances, taken before compacting: a release function, or null when another holds it. */
  lease?: (docName: string) => Promise<(() => Promise<void>) | null>;
  /** Most writes, and most bytes, one transaction takes; the rest wait for the next. Default 256 / 4 MiB. */
  maxBatchWrites?: number;
  maxBatchBytes?: number;
  /** Delays before retrying a failed commit; after the last, the writes are rejected. */
  commitRetryDelaysMs?: number[];
}

interface PendingWrite {
  docName: string;
  update: Uint8Array;
  receivedAt: number;
  /** With the row's sequence number in the log. */
  onCommitted: (seq: number) => void;
  /** The write was not committed (after the retries). */
  onFailed: (err: unknown) => void;
  /** Settled: one callback or the other has run. */
  done?: boolean;
}

/** A document as loaded: folded, and whether anything was stored at all. */
export interface LoadedDoc extends Folded {
  stored: boolean;
}

const INSERT_UPDATE = 'INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)';

/**
 * When a write commits as it arrives (`UpdateLog.append`): the first of its event-loop turn, and
 * only when the log has been quiet (no commit) for this long. At a light load nearly every update
 * commits at once; at a heavy one, commits come closer together than this and updates share group
 * commits, which cost less CPU than a commit each.
 */
const COMMIT_NOW_AFTER_QUIET_MS = 1;

const SCHEMA = [
  // AUTOINCREMENT so a seq is never reused after compaction deletes the newest rows.
  `CREATE TABLE IF NOT EXISTS doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_name TEXT NOT NULL,
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL
   )`,
  'CREATE INDEX IF NOT EXISTS doc_updates_doc_seq ON doc_updates (doc_name, seq)',
  `CREATE TABLE IF NOT EXISTS doc_snapshots (
     doc_name TEXT PRIMARY KEY,
     upto_seq INTEGER NOT NULL,
     state BLOB NOT NULL,
     updated_at INTEGER NOT NULL
   )`,
];

export class UpdateLog {
  private queue: PendingWrite[] = [];
  /** The scheduled flush, if one is waiting to start. */
  private timer: { cancel: () => void } | null = null;
  private flushing: Promise<void> | null = null;
  private logLength = new Map<string, number>();
  private closed = false;
  private compacting = new Set<string>();
  private compactions = new Set<Promise<void>>();
  private compactQueue: string[] = [];
  private compactRunner: Promise<void> | null = null;
  /** A write was committed at once (`commitNow`) in this event-loop turn. */
  private committedNowThisTurn = false;
  /** When the last commit ended (performance.now()). */
  private lastCommitAt = Number.NEGATIVE_INFINITY;

  private constructor(
    private readonly db: LogDb,
    private readonly options: UpdateLogOptions,
  ) {}

  static async open(options: UpdateLogOptions): Promise<UpdateLog> {
    const path = fileDatabasePath(options.url);
    if (path) mkdirSync(dirname(path), { recursive: true });
    // Durability levels and where the connection runs: log-db.ts.
    const db = await openLogDb(options.url, options.synchronous ?? 'normal', options.sharedWithOtherInstances ?? false);
    for (const sql of SCHEMA) await db.execute(sql);
    return new UpdateLog(db, options);
  }

  /**
   * Commits `update`, then calls `onCommitted`; or `onFailed`, never both. Writes settle in the
   * order they were appended.
   *
   * With no group window (`groupCommitMs` 0) and nothing waiting to be committed, the first write
   * of an event-loop turn, when no commit ended in the last `COMMIT_NOW_AFTER_QUIET_MS`, commits at
   * once on this thread (`LogDb.commitNow`: about 40 µs), and `onCommitted` runs before this
   * returns: the relay leaves in the same turn the update arrived in, as an in-memory server's
   * does. Other writes wait for a group commit at the end of the turn. Where commits run in the
   * worker (`full`, or a log shared with other instances), every write waits for a group commit.
   * Callbacks rather than a promise: no allocation and no extra microtask per update on the relay path.
   */
  append(
    docName: string,
    update: Uint8Array,
    onCommitted: (seq: number) => void,
    onFailed: (err: unknown) => void,
  ): void {
    if (this.closed) {
      queueMicrotask(() => onFailed(new Error('update log closed')));
      return;
    }
    const write: PendingWrite = { docName, update, receivedAt: performance.now(), onCommitted, onFailed };
    if (this.queue.length === 0 && !this.flushing && !this.timer && this.commitNow(write)) return;
    this.queue.push(write);
    this.schedule();
  }

  /**
   * Snapshot plus every later update, read in one transaction so compaction cannot interleave,
   * and folded in the log's worker (foldStored); here only the folded state is applied.
   */
  async load(docName: string): Promise<LoadedDoc> {
    const state = await this.db.load(docName);
    this.logLength.set(docName, state.rows);
    const started = trace ? performance.now() : 0;
    let ydoc = new Y.Doc();
    let unreadable = state.unreadable;
    if (!unreadable) {
      try {
        Y.applyUpdate(ydoc, state.state, 'load');
      } catch {
        ydoc.destroy();
        ydoc = new Y.Doc();
        unreadable = true;
      }
    }
    trace?.record('load-apply', started);
    return {
      ydoc,
      badSeqs: state.badSeqs,
      badSnapshot: state.badSnapshot,
      unreadable,
      stored: state.hasSnapshot || state.rows > 0,
    };
  }

  /** Resolves when everything appended so far is committed. */
  async flushed(): Promise<void> {
    while (this.queue.length > 0 || this.flushing || this.timer) {
      if (this.timer) {
        this.cancelTimer();
        void this.runFlush();
      }
      await this.flushing;
    }
  }

  async close(): Promise<void> {
    await this.flushed();
    // A fold may start the next one as it ends.
    while (this.compactions.size > 0) await Promise.all(this.compactions);
    this.closed = true;
    await this.db.close();
  }

  /**
   * A document nobody has open any more (unloaded): its rows are folded into a snapshot now, while
   * no peer waits on it, so its next cold load reads one snapshot. Once per idle period.
   */
  compactIdle(docName: string): void {
    if ((this.logLength.get(docName) ?? 0) > 0) this.startCompaction(docName);
  }

  /** Rows in the log (after the snapshot) for a document, as last known. */
  logLengthOf(docName: string): number {
    return this.logLength.get(docName) ?? 0;
  }

  private schedule(): void {
    if (this.timer || this.flushing) return;
    const fire = () => {
      this.timer = null;
      void this.runFlush();
    };
    if (this.options.groupCommitMs > 0) {
      const t = setTimeout(fire, this.options.groupCommitMs);
      this.timer = { cancel: () => clearTimeout(t) };
    } else {
      // After the socket reads of this turn, so a burst read together commits together.
      const t = setImmediate(fire);
      this.timer = { cancel: () => clearImmediate(t) };
    }
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private runFlush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      // Updates that arrive while a commit is in flight form the next group. A group is capped so
      // one peer's burst is committed in slices, and other documents' writes get their turn.
      while (this.queue.length > 0) {
        const group = this.takeGroup();
        try {
          await this.commit(group);
        } catch (err) {
          // commit() settles every write itself; anything escaping is a bug, never fatal.
          console.error('collab-server: the flush loop caught an error', err);
          for (const w of group) settleFailed(w, err);
        }
      }
    })().finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule();
    });
    return this.flushing;
  }

  private takeGroup(): PendingWrite[] {
    const maxWrites = this.options.maxBatchWrites ?? 256;
    const maxBytes = this.options.maxBatchBytes ?? 4 * 1024 * 1024;
    let n = 0;
    let bytes = 0;
    for (const w of this.queue) {
      if (n > 0 && (n >= maxWrites || bytes + w.update.length > maxBytes)) break;
      n++;
      bytes += w.update.length;
    }
    return this.queue.splice(0, n);
  }

  private async commit(group: PendingWrite[]): Promise<void> {
    const now = Date.now();
    const retries = this.options.commitRetryDelaysMs ?? [20, 200, 1000];
    let results: { lastInsertRowid: bigint | undefined }[] = [];
    for (let attempt = 0; ; attempt++) {
      try {
        const started = trace ? performance.now() : 0;
        const committing = this.db.commit(
          group.map((w) => ({
            sql: INSERT_UPDATE,
            args: [w.docName, w.update, now],
          })),
        );
        trace?.record('commit', started);
        results = await committing;
        break;
      } catch (err) {
        const delay = retries[attempt];
        if (delay === undefined) {
          for (const w of group) settleFailed(w, err);
          return;
        }
        console.error(`collab-server: a commit failed, retrying in ${delay} ms`, err);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    this.settleCommitted(group, results);
  }

  /**
   * A write committed on this thread now (`append`), when the rules there allow: true when it is
   * committed and settled, false when it must wait for a group commit (not allowed, the file
   * locked, an error: the group commit retries it).
   */
  private commitNow(write: PendingWrite): boolean {
    // A group window set (COLLAB_GROUP_COMMIT_MS > 0) asks for grouping: every write waits for it.
    if (!this.db.commitNow || this.options.groupCommitMs > 0 || this.committedNowThisTurn) return false;
    if (write.receivedAt - this.lastCommitAt < COMMIT_NOW_AFTER_QUIET_MS) return false;
    this.committedNowThisTurn = true;
    const started = trace ? performance.now() : 0;
    setImmediate(this.resetTurn);
    let result: { lastInsertRowid: bigint | undefined } | null;
    try {
      result = this.db.commitNow({ sql: INSERT_UPDATE, args: [write.docName, write.update, Date.now()] });
    } catch {
      return false;
    }
    trace?.record('commit-now', started);
    if (!result) return false;
    this.settleCommitted([write], [result]);
    return true;
  }

  private readonly resetTurn = () => {
    this.committedNowThisTurn = false;
  };

  /** After a commit: the metrics, each write's `onCommitted` in order, and compaction when due. */
  private settleCommitted(group: PendingWrite[], results: { lastInsertRowid: bigint | undefined }[]): void {
    const committedAt = performance.now();
    this.lastCommitAt = committedAt;
    const relayStarted = trace ? committedAt : 0;
    this.options.metrics.recordCommit(group.map((w) => committedAt - w.receivedAt));
    const touched = new Set<string>();
    for (const [i, w] of group.entries()) {
      this.logLength.set(w.docName, (this.logLength.get(w.docName) ?? 0) + 1);
      touched.add(w.docName);
      w.done = true;
      try {
        w.onCommitted(Number(results[i]?.lastInsertRowid ?? 0));
      } catch (err) {
        console.error(`collab-server: relaying a committed update to ${w.docName} failed`, err);
      }
    }
    trace?.record('relay', relayStarted);
    for (const docName of touched) {
      // Off the commit path: other documents' commits do not wait for a fold.
      if ((this.logLength.get(docName) ?? 0) > this.options.compactAfter) this.startCompaction(docName);
    }
  }

  /**
   * Compacts a document under its lease (several instances): the fold runs in the log's worker
   * (stored.ts `foldForCompaction`, which leaves a document with rows that cannot be applied
   * alone), and its write deletes only the rows folded (`compactionWrites`). Never throws.
   */
  private async compact(docName: string): Promise<void> {
    if (this.compacting.has(docName)) return;
    this.compacting.add(docName);
    let release: (() => Promise<void>) | null = null;
    let again = false;
    try {
      if (this.options.lease) {
        release = await this.options.lease(docName);
        if (!release) return;
      }
      const folded = await this.db.compact(docName);
      if (folded === 0) return;
      // Commits that landed while this fold ran are still in the log: only the rows folded leave it.
      const left = Math.max(0, (this.logLength.get(docName) ?? 0) - folded);
      this.logLength.set(docName, left);
      again = left > this.options.compactAfter;
    } catch (err) {
      // The log is still complete; compaction is retried after a later commit.
      console.error(`collab-server: compacting ${docName} failed`, err);
    } finally {
      this.compacting.delete(docName);
      await release?.().catch(() => {});
    }
    // The last commits may all have landed during the fold: nothing else would start the next one.
    if (again) this.startCompaction(docName);
  }

  /**
   * Compactions run one at a time: when many documents reach the threshold together (they do
   * under a steady load), their folds are spread out instead of all queueing in the worker at
   * once, ahead of any load or handed-off commit.
   */
  private startCompaction(docName: string): void {
    if (this.compacting.has(docName) || this.compactQueue.includes(docName)) return;
    this.compactQueue.push(docName);
    if (this.compactRunner) return;
    const runner = (async () => {
      for (let next = this.compactQueue.shift(); next !== undefined; next = this.compactQueue.shift()) {
        await this.compact(next);
      }
      // Synchronously after the queue is found empty: a compaction asked for later starts a new runner.
      this.compactRunner = null;
    })();
    this.compactRunner = runner;
    this.compactions.add(runner);
    void runner.finally(() => this.compactions.delete(runner));
  }
}

function settleFailed(w: PendingWrite, err: unknown): void {
  if (w.done) return;
  w.done = true;
  try {
    w.onFailed(err);
  } catch (e) {
    console.error(`collab-server: handling a failed write to ${w.docName} failed`, e);
  }
}
