import type { InStatement } from '@libsql/client';
import { newId } from '@mandap/shared/common';
import { LEAD_SOURCES, LEAD_STAGES } from '@mandap/shared/leads';
import { bearerFor, measureRequests, onSeededEdge, openBenchDeps, p95Notes, writeInBatches } from './lib/edge-bench.ts';
import type { BenchReport } from './lib/report.ts';

/**
 * The operations dashboard (GET /api/dashboard: every section counted by SQL) over a year of a
 * busy house, served by the full app (edge/src/node.ts, built) as a child process. Data: leads over the
 * last year in every stage and source, 500 events around today with 4 milestones each, 50k
 * payments, follow-ups, task and checklist projections, vendor assignments with dependencies,
 * and a notification log. Baseline: the leads list page (GET /api/leads?limit=20).
 * Env: BENCH_LEADS (10000), BENCH_EVENTS (500), BENCH_PAYMENTS (50000), BENCH_REQUESTS (300),
 * BENCH_CONCURRENCY (4).
 */
const LEADS = Number(process.env.BENCH_LEADS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const DAY = 86_400_000;

export async function seed(url: string) {
  const deps = await openBenchDeps(url);
  const c = deps.db.$client;
  const users = (await c.execute(`SELECT id FROM users WHERE role IN ('sales', 'manager', 'operations')`)).rows.map(
    (r) => String(r.id),
  );
  const t0 = performance.now();
  const now = Date.now();
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const iso = new Date(now).toISOString();

  const leadIds: string[] = [];
  const leads: InStatement[] = [];
  for (let k = 0; k < LEADS; k++) {
    const id = newId();
    leadIds.push(id);
    const at = new Date(now - (k % 365) * DAY - (k % 1440) * 60_000).toISOString();
    leads.push({
      sql: `INSERT INTO leads (id, code, name, source, stage, temperature, owner_id, is_destination, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'warm', ?, 0, ?, ?)`,
      args: [
        id,
        `LD-DASH-${String(k).padStart(6, '0')}`,
        `Bench Lead ${k}`,
        LEAD_SOURCES[k % LEAD_SOURCES.length]!,
        LEAD_STAGES[(k * 7) % LEAD_STAGES.length]!,
        users[k % users.length]!,
        at,
        at,
      ],
    });
  }
  await writeInBatches(c, leads);

  const followUps: InStatement[] = [];
  for (let k = 0; k < LEADS / 2; k++)
    followUps.push({
      sql: `INSERT INTO lead_follow_ups (id, lead_id, owner_id, due_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      args: [
        newId(),
        leadIds[k]!,
        users[k % users.length]!,
        new Date(now + ((k % 40) - 20) * DAY).toISOString(),
        k % 3 ? 'open' : 'done',
        iso,
      ],
    });
  await writeInBatches(c, followUps);

  const eventIds: string[] = [];
  const rows: InStatement[] = [];
  for (let e = 0; e < EVENTS; e++) {
    const id = newId();
    eventIds.push(id);
    const start = day((e % 400) - 200);
    rows.push({
      sql: `INSERT INTO events (id, code, name, event_type, status, start_date, end_date, city, manager_id, created_at, updated_at)
            VALUES (?, ?, ?, 'wedding', ?, ?, ?, 'Mumbai', ?, ?, ?)`,
      args: [
        id,
        `EV-DASH-${e}`,
        `Bench Event ${e}`,
        ['deposit_paid', 'active_preparation', 'completed', 'cancelled', 'enquiry'][e % 5]!,
        start,
        start,
        users[e % users.length]!,
        iso,
        iso,
      ],
    });
    for (let m = 0; m < 4; m++) {
      const amount = 25_000_000 + e * 100 + m;
      rows.push({
        sql: `INSERT INTO milestones (id, event_id, seq, label, due_date, amount_minor, currency, paid_minor, status, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, 'INR', ?, ?, ?, ?)`,
        args: [
          newId(),
          id,
          m,
          `Instalment ${m + 1}`,
          day((e % 400) - 230 + m * 10),
          amount,
          m < 2 ? amount : 0,
          m < 2 ? 'paid' : 'pending',
          iso,
          iso,
        ],
      });
    }
    for (let t = 0; t < 20; t++)
      rows.push({
        sql: `INSERT INTO task_projections (event_id, task_id, title, assignee_id, due, priority, status, status_label, is_done, updated_at)
              VALUES (?, ?, ?, ?, ?, 'normal', 'todo', 'To do', ?, ?)`,
        args: [id, `t${t}`, `Task ${t}`, users[(e + t) % users.length]!, day((t % 20) - 10), t % 3 === 0 ? 1 : 0, iso],
      });
    rows.push({
      sql: `INSERT INTO checklist_projections (event_id, checklist_id, title, done, total, updated_at) VALUES (?, 'c1', 'Stage', 3, 10, ?)`,
      args: [id, iso],
    });
  }
  await writeInBatches(c, rows);

  const vendorId = newId();
  await c.execute({
    sql: `INSERT INTO vendors (id, code, name, category, created_at, updated_at) VALUES (?, 'VN-DASH', 'Bench Decor', 'decor', ?, ?)`,
    args: [vendorId, iso, iso],
  });
  const vendorRows: InStatement[] = [];
  for (const [e, eventId] of eventIds.entries()) {
    const ids = [newId(), newId(), newId(), newId(), newId(), newId()];
    for (const [k, id] of ids.entries())
      vendorRows.push({
        sql: `INSERT INTO vendor_assignments (id, vendor_id, event_id, scope, amount_minor, currency, status, arrival_expected_at, created_at, updated_at)
              VALUES (?, ?, ?, ?, 1000000, 'INR', ?, ?, ?, ?)`,
        args: [
          id,
          vendorId,
          eventId,
          `Scope ${k}`,
          ['requested', 'confirmed', 'in_progress', 'delivered', 'paid', 'cancelled'][(e + k) % 6]!,
          new Date(now + (k - 3) * 3_600_000).toISOString(),
          iso,
          iso,
        ],
      });
    for (let k = 1; k < ids.length; k++)
      vendorRows.push({
        sql: `INSERT INTO vendor_dependencies (id, event_id, assignment_id, depends_on_assignment_id, kind, created_at)
              VALUES (?, ?, ?, ?, 'finish_to_start', ?)`,
        args: [newId(), eventId, ids[k]!, ids[k - 1]!, iso],
      });
  }
  await writeInBatches(c, vendorRows);

  const payments: InStatement[] = [];
  for (let p = 0; p < PAYMENTS; p++) {
    const on = day(-(p % 365));
    payments.push({
      sql: `INSERT INTO payments (id, code, event_id, mode, received_on, amount_minor, currency, amount_inr_minor, created_at)
            VALUES (?, ?, ?, 'upi', ?, 500000, 'INR', 500000, ?)`,
      args: [newId(), `PAY-DASH-${p}`, eventIds[p % eventIds.length]!, on, `${on}T06:00:00.000Z`],
    });
  }
  await writeInBatches(c, payments);

  const outbox: InStatement[] = [];
  for (let o = 0; o < 20_000; o++) {
    const at = new Date(now - (o % 60) * DAY).toISOString();
    outbox.push({
      sql: `INSERT INTO notification_outbox (id, channel, template, recipient, payload, status, next_attempt_at, created_at)
            VALUES (?, 'whatsapp', 'payment_reminder', '+919800000000', '{}', ?, ?, ?)`,
      args: [newId(), ['sent', 'sent', 'sent', 'failed', 'dead', 'pending', 'not_sent'][o % 7]!, at, at],
    });
  }
  await writeInBatches(c, outbox);
  await c.execute('ANALYZE');
  const seedSeconds = (performance.now() - t0) / 1000;
  deps.db.$client.close();
  return { seedSeconds };
}

export async function run(): Promise<BenchReport> {
  return onSeededEdge('dashboard', seed, async (server, { seedSeconds }) => {
    const manager = await bearerFor(server.url, 'manager@mandap.demo');
    const finance = await bearerFor(server.url, 'finance@mandap.demo');
    const from = new Date(Date.now() - 89 * DAY).toISOString().slice(0, 10);
    const load = { requests: REQUESTS, concurrency: CONCURRENCY };
    const variants = [
      await measureRequests('leads list page (baseline)', `${server.url}/api/leads?limit=20`, manager, load),
      await measureRequests('dashboard, manager (every section)', `${server.url}/api/dashboard`, manager, load),
      await measureRequests(
        'dashboard, manager, last 90 days',
        `${server.url}/api/dashboard?from=${from}`,
        manager,
        load,
      ),
      await measureRequests('dashboard, finance', `${server.url}/api/dashboard`, finance, load),
    ];
    return {
      name: `dashboard: GET /api/dashboard over ${LEADS.toLocaleString('en-IN')} leads, ${EVENTS} events, ${PAYMENTS.toLocaleString('en-IN')} payments`,
      settings: {
        leads: LEADS,
        events: EVENTS,
        payments: PAYMENTS,
        requestsPerVariant: REQUESTS,
        concurrency: CONCURRENCY,
      },
      variants,
      notes: [...p95Notes(variants, 'the list page'), `seeding took ${seedSeconds.toFixed(1)} s`],
    };
  });
}
