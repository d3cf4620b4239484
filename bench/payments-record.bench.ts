import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { prepareDeps } from '../edge/src/bootstrap.ts';
import { parseEnv } from '../edge/src/env.ts';
import type { ServerProcess } from '../edge/src/testing/server-process.ts';
import { measureInterleaved } from './lib/load.ts';
import type { BenchReport } from './lib/report.ts';
import { serverStarter } from './lib/servers.ts';

/**
 * What recording a payment costs: POST /api/payments on the full app (Idempotency-Key claim,
 * zod validation, allocation to milestones, a receipt number, a balanced journal entry with
 * its postings, the milestone update, domain event + audit, the stored reply: one
 * transaction) beside a bare Hono + libSQL endpoint inserting one row
 * (bench/servers/raw-insert.ts), on the same database file, interleaved.
 * Env: BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (16).
 */

const JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

async function call(base: string, path: string, init: { method?: string; body?: unknown; token?: string }) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

const login = async (base: string, email: string) =>
  (
    (await call(base, '/api/auth/login', { method: 'POST', body: { email, password: 'Mandap@2026' } })) as {
      accessToken: string;
    }
  ).accessToken;

/** A demo event with an accepted ₹10 crore quotation and a milestone plan: room for millions of ₹1 payments. */
async function plannedEvent(base: string): Promise<{ eventId: string; token: string }> {
  const sales = await login(base, 'sales@mandap.demo');
  const finance = await login(base, 'finance@mandap.demo');
  const { events } = (await call(base, '/api/events', { token: sales })) as {
    events: { id: string; clientName: string | null }[];
  };
  const event = events.find((e) => e.clientName)!;
  const { quote } = (await call(base, '/api/quotes', {
    method: 'POST',
    token: sales,
    body: {
      eventId: event.id,
      title: 'Bench contract',
      currency: 'INR',
      placeOfSupply: '27',
      lines: [{ key: 'x', category: 'decor', description: 'Décor', quantity: 1, rateMinor: 10_00_00_000_00 }],
    },
  })) as { quote: { id: string } };
  const { share } = (await call(base, `/api/quotes/${quote.id}/send`, {
    method: 'POST',
    token: sales,
    body: {},
  })) as {
    share: { url: string };
  };
  await call(base, `/api/public/quotes/${share.url.split('/q/')[1]}/accept`, {
    method: 'POST',
    body: { name: 'Bench Client', acceptTerms: true },
  });
  await call(base, '/api/payments/milestone-plans', { method: 'POST', token: finance, body: { eventId: event.id } });
  return { eventId: event.id, token: finance };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-bench-pay-'));
  const servers: ServerProcess[] = [];
  try {
    const databaseUrl = `file:${join(dir, 'mandap.db')}`;
    const seeded = await prepareDeps(
      parseEnv({ DATABASE_URL: databaseUrl, JWT_SECRET, PASSWORD_HASH_ITERATIONS: '1000', SEED_DEMO: 'true' }),
    );
    seeded.db.$client.close();
    const start = serverStarter(databaseUrl, servers);
    const raw = await start(['bench/servers/raw-insert.ts'], {});
    const full = await start(['edge/src/node.ts'], {
      JWT_SECRET,
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      PASSWORD_HASH_ITERATIONS: '1000',
    });
    const { eventId, token } = await plannedEvent(full.url);
    const payment = JSON.stringify({
      eventId,
      mode: 'upi',
      reference: 'BENCH',
      receivedOn: '2026-05-02',
      amountMinor: 100,
      currency: 'INR',
    });
    // Every request its own Idempotency-Key (and, since setupRequest replaces the headers, its token).
    const freshKey = (req: object) => ({
      ...req,
      method: 'POST',
      body: payment,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
    });
    const variants = await measureInterleaved(
      [
        {
          label: 'A raw insert',
          url: `${raw.url}/api/raw-insert`,
          request: { method: 'POST', body: JSON.stringify({ amountMinor: 100 }) },
        },
        {
          label: 'B record payment',
          url: `${full.url}/api/payments`,
          request: { requests: [{ setupRequest: freshKey as never }] },
        },
      ],
      { connections, seconds, warmupSeconds, rounds, headers: { authorization: `Bearer ${token}` } },
    );
    // What a connection to the file reports (the edge's client runs with the same defaults).
    const probe = createClient({ url: databaseUrl });
    const journal = (await probe.execute('PRAGMA journal_mode')).rows[0]![0];
    const sync = Number((await probe.execute('PRAGMA synchronous')).rows[0]![0]);
    const recorded = Number(
      (await probe.execute({ sql: 'SELECT COUNT(*) FROM payments WHERE event_id = ?', args: [eventId] })).rows[0]![0],
    );
    const check = await call(full.url, '/api/payments/integrity', { token });
    probe.close();
    const [a, b] = variants;
    return {
      name: 'payments: POST /api/payments vs a raw single-row insert',
      settings: { connections, seconds, rounds, warmupSeconds },
      variants,
      notes: [
        `durability: journal_mode=${journal}, synchronous=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? sync} (every commit fsynced)`,
        `ratio raw/full requests per second: ${(a!.requestsPerSec / b!.requestsPerSec).toFixed(1)}x`,
        `${recorded} payments recorded; ledger integrity mismatches after the run: ${(check as { mismatches: unknown[] }).mismatches.length}`,
        'B = idempotency claim + validation + allocation + receipt number + balanced entry + milestone update + event/audit + stored reply, one transaction.',
      ],
    };
  } finally {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
