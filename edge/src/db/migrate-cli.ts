import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER } from '../bootstrap.ts';
import { openCliDb } from './cli-db.ts';
import type { Db } from './client.ts';
import { migrateDb } from './migrate.ts';

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (a file or a remote
 * libSQL server). Workers never migrate at runtime, so run this before each deploy.
 */

interface JournalEntry {
  tag: string;
  when: number;
}

/** Drizzle records each applied migration by its journal timestamp in __drizzle_migrations. */
async function lastApplied(db: Db): Promise<number> {
  try {
    const rs = await db.$client.execute('SELECT max(created_at) AS last FROM __drizzle_migrations');
    return Number(rs.rows[0]?.last ?? 0);
  } catch {
    return 0; // No bookkeeping table yet: a fresh database.
  }
}

const { db, where } = await openCliDb();
const journal: { entries: JournalEntry[] } = JSON.parse(
  readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
);
const before = await lastApplied(db);
await migrateDb(db, MIGRATIONS_FOLDER);
const after = await lastApplied(db);
const applied = journal.entries.filter((e) => e.when > before && e.when <= after).map((e) => e.tag);

console.log(
  applied.length
    ? `Applied ${applied.length} migration(s) to ${where}:\n${applied.map((t) => `  ${t}`).join('\n')}`
    : `${where} is up to date (${journal.entries.length} migration(s) known).`,
);
db.$client.close();
