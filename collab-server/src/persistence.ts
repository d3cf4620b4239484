import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as Y from 'yjs';
import { foldStored } from './fold.ts';
import { type BatchRunner, fileDatabasePath, type LogDb, openLogDb } from './log-db.ts';
import type { Metrics } from './metrics.ts';

/**
 * The collab-server's own durable log of Yjs updates, one row per update, group-committed.
 *
 * Contract: `append()` resolves only after the update is committed; its `onCommitted` callback
 * (which applies it to the in-memory Y.Doc, and so relays it) runs only after that. Nothing a
 * peer can see is therefore missing from disk.
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
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface StoredRow {
  seq: number;
  data: Uint8Array;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  /** Rows after the snapshot, in sequence order. */
  rows: StoredRow[];
}

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

  private constructor(
    private readonly db: LogDb,
    private readonly options: UpdateLogOptions,
  ) {}

  static async open(options: UpdateLogOptions): Promise<UpdateLog> {
    const path = fileDatabasePath(options.url);
    if (path) mkdirSync(dirname(path), { recursive: true });
    // Durability levels and where the connection runs: log-db.ts.
    const db = await openLogDb(options.url, options.synchronous ?? 'normal');
    for (const sql of SCHEMA) await db.execute(sql);
    return new UpdateLog(db, options);
  }

  /** Queues `update` for the next group commit; calls `onCommitted` once it is durable. */
  append(docName: string, update: Uint8Array, onCommitted: (seq: number) => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error('update log closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ docName, update, receivedAt: performance.now(), onCommitted, resolve, reject });
      this.schedule();
    });
  }

  /** Snapshot plus every later update, read in one transaction so compaction cannot interleave. */
  async load(docName: string): Promise<StoredDoc> {
    const stored = await readStoredDoc(this.db, docName);
    this.logLength.set(docName, stored.rows.length);
    return stored;
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
          for (const w of group) w.reject(err);
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
        results = await this.db.commit(
          group.map((w) => ({
            sql: 'INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)',
            args: [w.docName, w.update, now],
          })),
        );
        break;
      } catch (err) {
        const delay = retries[attempt];
        if (delay === undefined) {
          for (const w of group) w.reject(err);
          return;
        }
        console.error(`collab-server: a commit failed, retrying in ${delay} ms`, err);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    const committedAt = performance.now();
    this.options.metrics.recordCommit(group.map((w) => committedAt - w.receivedAt));
    const touched = new Set<string>();
    for (const [i, w] of group.entries()) {
      this.logLength.set(w.docName, (this.logLength.get(w.docName) ?? 0) + 1);
      touched.add(w.docName);
      try {
        w.onCommitted(Number(results[i]?.lastInsertRowid ?? 0));
      } catch (err) {
        console.error(`collab-server: applying a committed update to ${w.docName} failed`, err);
      }
      w.resolve();
    }
    for (const docName of touched) {
      // Off the commit path: other documents' commits do not wait for a fold.
      if ((this.logLength.get(docName) ?? 0) > this.options.compactAfter) this.startCompaction(docName);
    }
  }

  /**
   * Folds the document's snapshot and the log rows up to the newest one it read into a new
   * snapshot, and deletes exactly those rows, in one transaction, only if no other compaction
   * moved the snapshot in between. It folds what is stored, not what is in memory, so any number
   * of instances writing the same log can compact: rows another instance appended after the read
   * are kept. A document with rows that cannot be applied is left alone (quarantine, repair).
   * Never throws.
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
      const [snapRes, rowsRes] = await this.db.batch(
        [
          { sql: 'SELECT upto_seq, state FROM doc_snapshots WHERE doc_name = ?', args: [docName] },
          {
            sql: `SELECT seq, data FROM doc_updates WHERE doc_name = ?
                  AND seq > COALESCE((SELECT upto_seq FROM doc_snapshots WHERE doc_name = ?), 0) ORDER BY seq`,
            args: [docName, docName],
          },
        ],
        'read',
      );
      const snap = snapRes?.rows[0];
      const rows = (rowsRes?.rows ?? []).map((r) => ({ seq: Number(r.seq), data: toBytes(r.data) }));
      const last = rows.at(-1);
      if (!last) return;
      const folded = foldStored({ snapshot: snap ? toBytes(snap.state) : null, rows });
      if (folded.badSeqs.length > 0 || folded.badSnapshot || folded.unreadable) return;
      const state = Y.encodeStateAsUpdate(folded.ydoc);
      folded.ydoc.destroy();
      const readUpto = snap ? Number(snap.upto_seq) : -1;
      await this.db.batch(
        [
          {
            sql: `INSERT INTO doc_snapshots (doc_name, upto_seq, state, updated_at) VALUES (?, ?, ?, ?)
                  ON CONFLICT (doc_name) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state,
                    updated_at = excluded.updated_at
                  WHERE doc_snapshots.upto_seq = ?`,
            args: [docName, last.seq, state, Date.now(), readUpto],
          },
          {
            // Only the rows this fold read, and only if its snapshot is the one standing.
            sql: `DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?
                  AND (SELECT upto_seq FROM doc_snapshots WHERE doc_name = ?) = ?`,
            args: [docName, last.seq, docName, last.seq],
          },
        ],
        'write',
      );
      // Commits that landed while this fold ran are still in the log: only the rows folded leave it.
      const left = Math.max(0, (this.logLength.get(docName) ?? 0) - rows.length);
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

  private startCompaction(docName: string): void {
    const running = this.compact(docName);
    this.compactions.add(running);
    void running.finally(() => this.compactions.delete(running));
  }
}

/** A document's snapshot and the log rows after it, read in one transaction. */
export async function readStoredDoc(db: BatchRunner, docName: string): Promise<StoredDoc> {
  const [snapRes, updRes] = await db.batch(
    [
      { sql: 'SELECT upto_seq, state FROM doc_snapshots WHERE doc_name = ?', args: [docName] },
      {
        sql: `SELECT seq, data FROM doc_updates WHERE doc_name = ?
              AND seq > COALESCE((SELECT upto_seq FROM doc_snapshots WHERE doc_name = ?), 0) ORDER BY seq`,
        args: [docName, docName],
      },
    ],
    'read',
  );
  const snap = snapRes?.rows[0];
  const rows = (updRes?.rows ?? []).map((r) => ({ seq: Number(r.seq), data: toBytes(r.data) }));
  return { snapshot: snap ? toBytes(snap.state) : null, rows };
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (value instanceof Uint8Array) return value;
  throw new Error('expected a BLOB column');
}
