import { MIGRATIONS_FOLDER } from '../bootstrap.ts';
import { openCliDb } from '../db/cli-db.ts';
import { migrateDb } from '../db/migrate.ts';
import { seedDemo } from './demo.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';

/**
 * `npm run seed`: puts the demo house into DATABASE_URL if it has no users yet. Migrates
 * first (idempotent) so a fresh remote database can be seeded in one step.
 */
const { db, env, where } = await openCliDb();
await migrateDb(db, MIGRATIONS_FOLDER);
const seeded = await seedDemo(db, { now: new Date(), iterations: env.PASSWORD_HASH_ITERATIONS });
console.log(
  seeded
    ? `Seeded the demo house into ${where}. Logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}`
    : `${where} already has users; left it unchanged.`,
);
db.$client.close();
