import { describe, expect, it, vi } from 'vitest';
import worker, { workerEnv } from './worker.ts';

const JWT_SECRET = 'worker-test-secret-0123456789abcdef';
const ctx = { waitUntil: () => {} };

describe('worker configuration', () => {
  it('accepts every libSQL server scheme', () => {
    for (const url of ['libsql://db.turso.io', 'https://db.example', 'http://127.0.0.1:8080', 'wss://db.example']) {
      expect(workerEnv({ DATABASE_URL: url, JWT_SECRET }).DATABASE_URL).toBe(url);
    }
  });

  it('refuses a file: database with a message that says what to do', () => {
    expect(() => workerEnv({ DATABASE_URL: 'file:data/mandap.db', JWT_SECRET })).toThrow(/libSQL server URL.*file:/);
  });

  it('treats non-string bindings (KV, services) as not configuration', () => {
    const env = workerEnv({ DATABASE_URL: 'libsql://db.turso.io', JWT_SECRET, CACHE: { get() {} } });
    expect(env.JWT_SECRET).toBe(JWT_SECRET);
  });

  it('answers 500 JSON, not a crash, when misconfigured, and logs why', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await worker.fetch(new Request('http://x/api/health'), { DATABASE_URL: 'libsql://db' }, ctx);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { code: 'internal' } });
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/JWT_SECRET/);
    logged.mockRestore();
  });
});
