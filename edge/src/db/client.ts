import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';
import { serializeWrites } from './serialize-writes.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: services take either. */
export type DbOrTx = Db | Tx;

/**
 * Opens the database. Per-connection settings come from the libSQL client's defaults,
 * checked in db/database.test.ts: foreign keys on, synchronous=FULL (a committed write
 * survives power loss) and, through `timeout`, a busy timeout. WAL is set once per file,
 * and writes to a local file take turns in this process (see serialize-writes.ts).
 */
export async function createDb(url: string, authToken?: string): Promise<Db> {
  const client = createClient({ url, ...(authToken ? { authToken } : {}), timeout: 5000 });
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode = WAL');
    serializeWrites(client);
  }
  return drizzle(client, { schema }) as Db;
}
