import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type Db } from './db/client.ts';
import { migrateDb } from './db/migrate.ts';
import type { Env } from './env.ts';
import { seedDemoPayments } from './features/payments/demo-payments.ts';
import { seedDemoQuotes } from './features/quotes/demo-quotes.ts';
import { seedDemoVendors } from './features/vendors/demo-vendors.ts';
import type { Deps } from './lib/context.ts';
import { createLogger } from './lib/logger.ts';
import { seedDemo } from './seed/demo.ts';

/** The repository's migrations folder, wherever the process was started from. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/** libSQL cannot create the folder of a `file:` database; make it first. */
export function ensureDatabaseFolder(url: string): void {
  if (!url.startsWith('file:')) return;
  const path = url.slice('file:'.length).split('?')[0]!;
  if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
}

/**
 * Opens and migrates the database and, when it is empty and SEED_DEMO is on, seeds the
 * demo house. Used by the Node and Deno entries (a Worker's database is migrated ahead
 * of deploy with `npm run db:migrate`).
 */
export async function prepareDeps(env: Env, now: () => Date = () => new Date()): Promise<Deps & { seeded: boolean }> {
  ensureDatabaseFolder(env.DATABASE_URL);
  const db: Db = await createDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await migrateDb(db, MIGRATIONS_FOLDER);
  const seeded = env.SEED_DEMO ? await seedDemo(db, { now: now(), iterations: env.PASSWORD_HASH_ITERATIONS }) : false;
  const deps = { db, env, now, log: createLogger(env.LOG_LEVEL), seeded };
  // A freshly seeded house also gets a few quotations in different states (draft, sent, accepted + change order,
  // declined), and money on the accepted one: a plan, an advance received, an instalment overdue.
  if (seeded) {
    await seedDemoQuotes(deps);
    await seedDemoPayments(deps);
    await seedDemoVendors(deps);
  }
  return deps;
}
