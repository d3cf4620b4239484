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
  if (url.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL');
  return drizzle(client, { schema }) as Db;
}
