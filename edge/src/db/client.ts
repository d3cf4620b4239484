import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: services take either. */
export type DbOrTx = Db | Tx;

/**
 * Opens the database. The libSQL client keeps a pool of connections; per-connection
 * settings come from its defaults, checked in db/client.test.ts: foreign keys on,
 * synchronous=FULL (a committed write survives power loss) and, through `timeout`, a
 * busy timeout so concurrent writers queue rather than fail. WAL is set once per file.
 */
export async function createDb(url: string, authToken?: string): Promise<Db> {
  const client = createClient({ url, ...(authToken ? { authToken } : {}), timeout: 5000 });
  const db = drizzle(client, { schema }) as Db;
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode = WAL');
    serializeWriteTransactions(db);
  }
  return db;
}

/**
 * A local libSQL file waits for a busy write lock synchronously, on the event loop: a
 * second write transaction opened while the first is between awaits blocks the very loop
 * the first needs to finish, until the busy timeout fails it. SQLite has one writer at a
 * time anyway, so write transactions in this process take turns here instead; reads
 * outside transactions still run in parallel (WAL). A remote libSQL server queues for us.
 */
function serializeWriteTransactions(db: Db): void {
  const original = db.transaction.bind(db);
  let tail: Promise<unknown> = Promise.resolve();
  db.transaction = ((fn, config) => {
    const run = tail.then(() => original(fn, config));
    tail = run.catch(() => undefined);
    return run;
  }) as Db['transaction'];
}
