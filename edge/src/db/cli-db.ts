import { ensureDatabaseFolder } from '../bootstrap.ts';
import { ZEnv } from '../env.ts';
import { createDb, type Db } from './client.ts';

/** Only the settings the command-line tools need: they must run without a JWT_SECRET. */
const ZCliEnv = ZEnv.pick({ DATABASE_URL: true, DATABASE_AUTH_TOKEN: true, PASSWORD_HASH_ITERATIONS: true });

/**
 * Opens the database named by DATABASE_URL / DATABASE_AUTH_TOKEN for the command-line
 * tools (migrate, seed), with the same defaults as the server.
 */
export async function openCliDb() {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v));
  const env = ZCliEnv.parse(clean);
  ensureDatabaseFolder(env.DATABASE_URL);
  const db: Db = await createDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  // Never print credentials someone put in the URL's query (`?authToken=…`).
  return { db, env, where: env.DATABASE_URL.split('?')[0]! };
}
