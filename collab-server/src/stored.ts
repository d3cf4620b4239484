import type { InValue } from '@libsql/client';
import * as Y from 'yjs';
import { foldStored } from './fold.ts';

/**
 * Reading, folding and compacting what the update log stores. Runs in the log's worker thread
 * (log-worker.ts) for the server, so that folding hundreds of rows into a document, which costs
 * tens of milliseconds, never holds up relays on the main thread; the repair command runs it
 * directly.
 */

/** What these functions need from a connection: a batch in one transaction. */
export interface BatchRunner {
  batch(
    stmts: { sql: string; args?: InValue[] }[],
    mode: 'read' | 'write',
  ): Promise<{ rows: readonly Record<string, unknown>[] }[]>;
}

export interface StoredRow {
  seq: number;
  data: Uint8Array;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  /** Rows after the snapshot, in sequence order. */
  rows: StoredRow[];
  /** The snapshot's upto_seq as read (-1: no snapshot); set by `readStoredDoc`. */
  uptoSeq?: number;
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
  return { snapshot: snap ? toBytes(snap.state) : null, rows, uptoSeq: snap ? Number(snap.upto_seq) : -1 };
}

/** A stored document folded into one update (what `foldStored` found, without the Y.Doc). */
export interface FoldedState {
  /** The whole document as one update (`Y.encodeStateAsUpdate`); empty when unreadable. */
  state: Uint8Array;
  badSeqs: number[];
  badSnapshot: boolean;
  unreadable: boolean;
  /** Rows after the snapshot (the log's length for compaction), and whether a snapshot exists. */
  rows: number;
  hasSnapshot: boolean;
}

/** Reads and folds a document; the caller applies `state` to a fresh Y.Doc (one update, not hundreds). */
export async function loadFoldedState(db: BatchRunner, docName: string): Promise<FoldedState> {
  const stored = await readStoredDoc(db, docName);
  const folded = foldStored(stored);
  const state = folded.unreadable ? new Uint8Array(0) : Y.encodeStateAsUpdate(folded.ydoc);
  folded.ydoc.destroy();
  return {
    state,
    badSeqs: folded.badSeqs,
    badSnapshot: folded.badSnapshot,
    unreadable: folded.unreadable,
    rows: stored.rows.length,
    hasSnapshot: stored.snapshot !== null,
  };
}

/** A fold of a document's stored rows into a new snapshot, to be written by `compactionWrites`. */
export interface CompactionFold {
  docName: string;
  /** The newest row folded. */
  lastSeq: number;
  /** The snapshot's upto_seq when read (-1: none): the write applies only if it still stands. */
  readUpto: number;
  state: Uint8Array;
  /** Rows folded. */
  rows: number;
}

/**
 * Folds the document's snapshot and the log rows up to the newest one it read into a new
 * snapshot, or null when there is nothing to fold or a row cannot be applied (the document is
 * left alone: quarantine, repair). Reads only: the write is `compactionWrites`, so the caller
 * chooses the connection (the main thread's, in `normal` mode, which then never waits for a
 * lock this process holds).
 */
export async function foldForCompaction(db: BatchRunner, docName: string): Promise<CompactionFold | null> {
  const stored = await readStoredDoc(db, docName);
  const { rows } = stored;
  const last = rows.at(-1);
  if (!last) return null;
  const folded = foldStored(stored);
  if (folded.badSeqs.length > 0 || folded.badSnapshot || folded.unreadable) {
    folded.ydoc.destroy();
    return null;
  }
  const state = Y.encodeStateAsUpdate(folded.ydoc);
  folded.ydoc.destroy();
  return { docName, lastSeq: last.seq, readUpto: stored.uptoSeq ?? -1, state, rows: rows.length };
}

/**
 * The fold's write, one transaction: the new snapshot, only if no other compaction moved the
 * snapshot since the read, and the deletion of exactly the rows folded, only if that snapshot is
 * the one standing. Any number of instances writing the same log can compact: rows another
 * instance appended after the read are kept.
 */
export function compactionWrites(fold: CompactionFold): { sql: string; args: InValue[] }[] {
  const { docName, lastSeq, readUpto, state } = fold;
  return [
    {
      sql: `INSERT INTO doc_snapshots (doc_name, upto_seq, state, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (doc_name) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state,
              updated_at = excluded.updated_at
            WHERE doc_snapshots.upto_seq = ?`,
      args: [docName, lastSeq, state, Date.now(), readUpto],
    },
    {
      sql: `DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?
            AND (SELECT upto_seq FROM doc_snapshots WHERE doc_name = ?) = ?`,
      args: [docName, lastSeq, docName, lastSeq],
    },
  ];
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (value instanceof Uint8Array) return value;
  throw new Error('expected a BLOB column');
}
