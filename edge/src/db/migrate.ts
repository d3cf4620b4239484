import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

/** Applies the SQL migrations in `migrations/` that this database has not seen. Idempotent. */
export async function migrateDb(db: Db, migrationsFolder: string): Promise<void> {
  await migrate(db, { migrationsFolder });
}
