import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { Hono } from 'hono';

/**
 * The floor for the payments benchmark: bare Hono and @libsql/client inserting one row per
 * POST into a scratch table of the same database file (WAL, the client's default
 * synchronous=FULL), with no validation, idempotency, ledger or transaction.
 */
const client = createClient({ url: process.env.DATABASE_URL!, timeout: 5000 });
await client.execute('PRAGMA journal_mode = WAL');
await client.execute(
  'CREATE TABLE IF NOT EXISTS bench_raw_inserts (id INTEGER PRIMARY KEY, amount_minor INTEGER NOT NULL, at TEXT NOT NULL)',
);
const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok' }));
app.post('/api/raw-insert', async (c) => {
  const body = (await c.req.json()) as { amountMinor: number };
  const rs = await client.execute({
    sql: 'INSERT INTO bench_raw_inserts (amount_minor, at) VALUES (?, ?)',
    args: [body.amountMinor, new Date().toISOString()],
  });
  return c.json({ id: Number(rs.lastInsertRowid) }, 201);
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
