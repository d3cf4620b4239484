import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type InStatement } from '@libsql/client';
import { indiaToday } from '@mandap/shared/time';
import autocannon from 'autocannon';
import { createApp } from '../edge/src/app.ts';
import { prepareDeps } from '../edge/src/bootstrap.ts';
import { parseEnv } from '../edge/src/env.ts';
import type { ServerProcess } from '../edge/src/testing/server-process.ts';
import { measureInterleaved } from './lib/load.ts';
import type { BenchReport } from './lib/report.ts';
import { serverStarter } from './lib/servers.ts';

/**
 * What recording a payment costs: POST /api/payments on the full app (Idempotency-Key claim,
 * zod validation, allocation to milestones, a receipt number, a balanced journal entry with
 * its postings, the milestone update, domain event + audit, the stored reply: ONE
 * transaction, so one fsynced commit) beside a bare Hono + libSQL endpoint inserting one row
 * (bench/servers/raw-insert.ts, also one commit), on the same database file, interleaved.
 * Then the p99 of each at half the full app's measured throughput (a fixed offered rate), and
 * the commits one payment makes, counted in-process on the libSQL client.
 * Env: BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (16).
 */

const JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

type Fetcher = (path: string, init: RequestInit) => Promise<Response>;
const over =
  (base: string): Fetcher =>
  (path, init) =>
    fetch(`${base}${path}`, init);

async function call(
  base: string | Fetcher,
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> },
) {
  const send = typeof base === 'string' ? over(base) : base;
  const res = await send(path, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

const login = async (base: string | Fetcher, email: string) =>
  (
    (await call(base, '/api/auth/login', { method: 'POST', body: { email, password: 'Mandap@2026' } })) as {
      accessToken: string;
    }
  ).accessToken;

/** A demo event with an accepted ₹10 crore quotation and a milestone plan: room for millions of ₹1 payments. */
async function plannedEvent(base: string | Fetcher): Promise<{ eventId: string; token: string }> {
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

/**
 * Commits (fsynced: synchronous=FULL) that one POST /api/payments makes, counted on the
 * libSQL client in-process: transactions committed plus writes made outside a transaction.
 */
async function commitsPerPayment(dir: string): Promise<{ commits: number; statements: number }> {
  const deps = await prepareDeps(
    parseEnv({
      DATABASE_URL: `file:${join(dir, 'count.db')}`,
      JWT_SECRET,
      PASSWORD_HASH_ITERATIONS: '1000',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'silent',
    }),
  );
  const app = createApp(() => deps);
  const send: Fetcher = async (path, init) => app.request(path, init);
  const { eventId, token } = await plannedEvent(send);
  const client = deps.db.$client;
  let commits = 0;
  let statements = 0;
  const execute = client.execute.bind(client);
  client.execute = ((stmt: InStatement) => {
    statements++;
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    if (!/^\s*(select|pragma|explain)\b/i.test(sql)) commits++;
    return execute(stmt);
  }) as typeof client.execute;
  const batch = client.batch.bind(client);
  client.batch = ((stmts, mode) => {
    commits++;
    return batch(stmts, mode);
  }) as typeof client.batch;
  const transaction = client.transaction.bind(client);
  client.transaction = (async (mode) => {
    const tx = await transaction(mode);
    const txExecute = tx.execute.bind(tx);
    tx.execute = ((stmt: Parameters<typeof txExecute>[0]) => {
      statements++;
      return txExecute(stmt);
    }) as typeof tx.execute;
    const commit = tx.commit.bind(tx);
    tx.commit = () => {
      commits++;
      return commit();
    };
    return tx;
  }) as typeof client.transaction;
  await call(send, '/api/payments', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { eventId, mode: 'upi', reference: 'COUNT', receivedOn: today(), amountMinor: 100, currency: 'INR' },
  });
  client.close();
  return { commits, statements };
}

const today = () => indiaToday();

/** p99 (and what was achieved) at a fixed offered rate, spread over the connections. */
async function atRate(
  url: string,
  request: Partial<autocannon.Options>,
  rate: number,
  headers: Record<string, string>,
) {
  const r = await autocannon({ url, connections, duration: seconds, overallRate: rate, headers, ...request });
  return { p99Ms: r.latency.p99, p50Ms: r.latency.p50, achieved: r.requests.average, failures: r.non2xx + r.errors };
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
      receivedOn: today(),
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
    // Half load: both at half the full app's measured throughput, the same offered rate.
    const half = Math.max(1, Math.floor(variants[1]!.requestsPerSec / 2));
    const rawHalf = await atRate(
      `${raw.url}/api/raw-insert`,
      { method: 'POST', body: JSON.stringify({ amountMinor: 100 }) },
      half,
      { 'content-type': 'application/json' },
    );
    const fullHalf = await atRate(
      `${full.url}/api/payments`,
      { requests: [{ setupRequest: freshKey as never }] },
      half,
      { authorization: `Bearer ${token}` },
    );
    const counted = await commitsPerPayment(dir);
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
        `ratio raw/full requests per second: ${(a!.requestsPerSec / b!.requestsPerSec).toFixed(1)}x (full/raw ${(b!.requestsPerSec / a!.requestsPerSec).toFixed(2)}x)`,
        `half load (${half} req/s offered to each): raw insert p99 ${rawHalf.p99Ms.toFixed(1)} ms (p50 ${rawHalf.p50Ms.toFixed(1)}, ${rawHalf.achieved.toFixed(0)} req/s, ${rawHalf.failures} failures); record payment p99 ${fullHalf.p99Ms.toFixed(1)} ms (p50 ${fullHalf.p50Ms.toFixed(1)}, ${fullHalf.achieved.toFixed(0)} req/s, ${fullHalf.failures} failures)`,
        `commits per recorded payment: ${counted.commits} (idempotency claim, payment and stored reply in one transaction; ${counted.statements} statements); the raw insert: 1`,
        `${recorded} payments recorded; ledger integrity mismatches after the run: ${(check as { mismatches: unknown[] }).mismatches.length}`,
        'B = idempotency claim + validation + allocation + receipt number + balanced entry + milestone update + event/audit + stored reply, one transaction, one commit.',
      ],
    };
  } finally {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
