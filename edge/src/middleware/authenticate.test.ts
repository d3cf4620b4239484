import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../db/schema/index.ts';
import { nativeUserLookup } from '../lib/user-lookup-native.ts';
import { startTestApp, type TestApp } from '../test-support.ts';

let t: TestApp;
let closeNative: (() => void) | undefined;
afterEach(() => {
  closeNative?.();
  closeNative = undefined;
  t.cleanup();
});

// Both ways of reading the user: the database client (every runtime) and the Node edge's statement
// prepared once on its own connection (node.ts).
describe.each(['database client', 'prepared statement'])('authenticate through the %s', (way) => {
  beforeEach(async () => {
    t = await startTestApp();
    if (way === 'prepared statement') {
      const native = nativeUserLookup(t.deps.env.DATABASE_URL);
      expect(native).not.toBeNull();
      t.deps.userLookup = native!.lookup;
      closeNative = native!.close;
    }
  });

  it('reads the viewer from the users table as the schema defines it', async () => {
    const ops = await t.login('ops@mandap.demo');
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, ops.userId));
    const res = await t.json('GET', '/api/auth/me', undefined, ops.auth);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: row!.id, email: row!.email, name: row!.name, role: row!.role });
  });

  // No cache stands between the users table and a request: a write by another process (another
  // connection to the same file, as a second server or a CLI would make) counts on the next request.
  it('stops the next request after another process deactivates the user or bumps their token version', async () => {
    const ops = await t.login('ops@mandap.demo');
    const sales = await t.login('sales@mandap.demo');
    expect((await t.json('GET', '/api/events', undefined, ops.auth)).status).toBe(200);
    expect((await t.json('GET', '/api/events', undefined, sales.auth)).status).toBe(200);

    const other = createClient({ url: t.deps.env.DATABASE_URL, timeout: 5000 });
    try {
      await other.execute({ sql: "UPDATE users SET status = 'deactivated' WHERE id = ?", args: [ops.userId] });
      await other.execute({
        sql: 'UPDATE users SET token_version = token_version + 1 WHERE id = ?',
        args: [sales.userId],
      });
    } finally {
      other.close();
    }

    const off = await t.json('GET', '/api/events', undefined, ops.auth);
    expect(off.status).toBe(403);
    expect((await off.json()).error.code).toBe('account_deactivated');
    const stale = await t.json('GET', '/api/events', undefined, sales.auth);
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.code).toBe('unauthenticated');
  });
});
