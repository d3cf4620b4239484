import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type LogDb, openLogDb } from './log-db.ts';

let dir: string;
let url: string;
let db: LogDb | null = null;
let other: Client | null = null;

const insert = (doc: string) => ({
  sql: 'INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)',
  args: [doc, new Uint8Array([1, 2, 3]), Date.now()],
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collab-log-db-'));
  url = `file:${join(dir, 'log.db')}`;
});

afterEach(async () => {
  other?.close();
  other = null;
  await db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('the update log connection (COLLAB_SYNCHRONOUS=normal)', () => {
  it('commits at once on the main thread when this instance alone writes the log, and only in the worker when others share it', async () => {
    db = await openLogDb(url, 'normal');
    await db.execute(
      'CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_name TEXT, data BLOB, created_at INTEGER)',
    );
    expect(db.commitNow?.(insert('a'))?.lastInsertRowid).toBe(1n);
    await db.close();
    // Several instances (two-instances.test.ts): one connection per process, in the worker.
    db = await openLogDb(url, 'normal', true);
    expect(db.commitNow).toBeUndefined();
    const [row] = await db.commit([insert('a')]);
    expect(row?.lastInsertRowid).toBe(2n);
  });

  it('commits on the main thread, and hands a commit that finds the file locked to the worker instead of waiting on the event loop', async () => {
    db = await openLogDb(url, 'normal');
    await db.execute(
      'CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_name TEXT, data BLOB, created_at INTEGER)',
    );
    const [first] = await db.commit([insert('a')]);
    expect(first?.lastInsertRowid).toBe(1n);

    // Another process (a second instance on the same log) holds the write lock.
    other = createClient({ url });
    const tx = await other.transaction('write');
    await tx.execute({
      sql: 'INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)',
      args: ['b', new Uint8Array([9]), 0],
    });
    const t0 = performance.now();
    let committed = false;
    const pending = db.commit([insert('a')]).then((r) => {
      committed = true;
      return r;
    });
    // A busy wait on the main thread would have blocked this call for the busy timeout (5 s).
    expect(performance.now() - t0).toBeLessThan(1000);
    await new Promise((r) => setImmediate(r));
    expect(committed).toBe(false);
    await tx.commit();
    const [second] = await pending;
    expect(second?.lastInsertRowid).toBe(3n);

    const [rows] = await db.batch([{ sql: 'SELECT seq, doc_name FROM doc_updates ORDER BY seq' }], 'read');
    expect(rows?.rows.map((r) => [Number(r.seq), r.doc_name])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'a'],
    ]);
  });

  it('checkpoints the WAL from the worker while the main thread commits (its own automatic checkpoints are off)', async () => {
    db = await openLogDb(url, 'normal');
    await db.execute(
      'CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_name TEXT, data BLOB, created_at INTEGER)',
    );
    const file = join(dir, 'log.db');
    const before = statSync(file).size;
    const kib = new Uint8Array(1024).fill(7);
    for (let i = 0; i < 150; i++) {
      await db.commit([{ ...insert('a'), args: ['a', kib, Date.now()] }]);
    }
    // The worker answers in order: once this read is back, the checkpoint asked for at the 100th commit is done.
    const [count] = await db.batch([{ sql: 'SELECT COUNT(*) AS n FROM doc_updates' }], 'read');
    expect(Number(count?.rows[0]?.n)).toBe(150);
    // Only a checkpoint writes pages into the database file itself; 100 rows of 1 KiB are about 25 pages.
    expect(statSync(file).size - before).toBeGreaterThan(20 * 4096);
  });
});

describe('loads and compaction fold in the worker', () => {
  it('folds the rows into a snapshot and writes it on the commit connection; a load gets the folded state', async () => {
    db = await openLogDb(url, 'normal');
    for (const sql of [
      'CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_name TEXT NOT NULL, data BLOB NOT NULL, created_at INTEGER NOT NULL)',
      'CREATE TABLE doc_snapshots (doc_name TEXT PRIMARY KEY, upto_seq INTEGER NOT NULL, state BLOB NOT NULL, updated_at INTEGER NOT NULL)',
    ]) {
      await db.execute(sql);
    }
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const word of ['haldi ', 'mehendi ', 'sangeet']) doc.getText('t').insert(doc.getText('t').length, word);
    for (const u of updates) await db.commit([{ ...insert('d'), args: ['d', u, Date.now()] }]);

    expect(await db.compact('d')).toBe(3);
    const [left] = await db.batch([{ sql: 'SELECT COUNT(*) AS n FROM doc_updates' }], 'read');
    expect(Number(left?.rows[0]?.n)).toBe(0);
    // Nothing left to fold.
    expect(await db.compact('d')).toBe(0);

    const loaded = await db.load('d');
    expect(loaded).toMatchObject({ rows: 0, hasSnapshot: true, badSeqs: [], unreadable: false });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded.state);
    expect(copy.getText('t').toString()).toBe('haldi mehendi sangeet');
  });
});
