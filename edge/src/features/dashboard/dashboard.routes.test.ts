import { newId } from '@mandap/shared/common';
import type { Dashboard } from '@mandap/shared/dashboard';
import { LEAD_SOURCES, LEAD_STAGES } from '@mandap/shared/leads';
import { AGEING_BUCKETS, type AgeingBucket, ageingBucket } from '@mandap/shared/payments';
import { addDays, indiaDate as istDate } from '@mandap/shared/time';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { sseReader } from '../live/sse-client.ts';
import { outstandingByEvent } from '../payments/balances.service.ts';

let t: TestApp;
type Login = Awaited<ReturnType<TestApp['login']>>;
let manager: Login;
let sales: Login;
let ops: Login;
let finance: Login;
let today: string;
let nowIso: string;

/** A small seeded generator, so the varied data is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rand = rng(20261130);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const exec = (q: SQL) => t.deps.db.run(q);
const all = <T>(q: SQL) => t.deps.db.all<T>(q);
const one = async (q: SQL) => Number(Object.values((await all<Record<string, unknown>>(q))[0] ?? {})[0] ?? 0);

async function dashboard(who: Login, query = ''): Promise<Dashboard> {
  const res = await t.json('GET', `/api/dashboard${query}`, undefined, who.auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Dashboard;
}

beforeAll(async () => {
  t = await startTestApp();
  [manager, sales, ops, finance] = await Promise.all([
    t.login('manager@mandap.demo'),
    t.login('sales@mandap.demo'),
    t.login('ops@mandap.demo'),
    t.login('finance@mandap.demo'),
  ]);
  const now = t.clock.now();
  nowIso = now.toISOString();
  today = istDate(now);
  const owners = [sales.userId, manager.userId, null];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000 - int(0, 80_000) * 1000).toISOString();

  // 400 leads over the last two years, every stage and many sources, three owners.
  const leadIds: string[] = [];
  for (let i = 0; i < 400; i++) {
    const id = newId();
    leadIds.push(id);
    const created = at(int(0, 730));
    await exec(sql`INSERT INTO leads (id, code, name, source, stage, temperature, owner_id, created_at, updated_at)
      VALUES (${id}, ${`LD-T-${i}`}, ${`Dash Lead ${i}`}, ${pick(LEAD_SOURCES)}, ${pick(LEAD_STAGES)}, 'warm',
        ${pick(owners)}, ${created}, ${created})`);
  }
  // Follow-ups for the sales user: overdue, later today, this week, later, done ones (not counted).
  for (let i = 0; i < 60; i++) {
    const due = new Date(now.getTime() + int(-10 * 1440, 20 * 1440) * 60_000).toISOString();
    await exec(sql`INSERT INTO lead_follow_ups (id, lead_id, owner_id, due_at, status, created_at)
      VALUES (${newId()}, ${pick(leadIds)}, ${pick([sales.userId, sales.userId, manager.userId])}, ${due},
        ${pick(['open', 'open', 'open', 'done', 'cancelled'])}, ${nowIso})`);
  }
  // 60 events around today: past, today, this week, this month, later; every status.
  const eventIds: string[] = [];
  const statuses = ['enquiry', 'deposit_paid', 'active_preparation', 'event_day', 'completed', 'cancelled'];
  for (let i = 0; i < 60; i++) {
    const id = newId();
    eventIds.push(id);
    const start = addDays(today, i < 6 ? -int(0, 2) : int(-40, 60));
    const end = addDays(start, int(0, 3));
    await exec(sql`INSERT INTO events (id, code, name, event_type, status, start_date, end_date, city, manager_id, created_at, updated_at)
      VALUES (${id}, ${`EV-T-${i}`}, ${`Dash Event ${i}`}, 'wedding', ${pick(statuses)}, ${start}, ${end}, 'Mumbai',
        ${pick([ops.userId, manager.userId, null])}, ${nowIso}, ${nowIso})`);
  }
  // Milestones on those events, due on the bucket edges and around them, some paid, part-paid, waived, in USD.
  const edges = [0, -1, 1, 29, 30, 31, 60, 61, 90, 91, 200];
  for (let i = 0; i < 150; i++) {
    const amount = int(1, 500) * 100_00 + int(0, 99);
    const paid = pick([0, 0, amount, Math.floor(amount / 3)]);
    const status = paid >= amount ? 'paid' : pick(['pending', 'overdue', 'partially_paid', 'waived']);
    const due = addDays(today, -(i < edges.length ? edges[i]! : int(-60, 200)));
    await exec(sql`INSERT INTO milestones (id, event_id, seq, label, due_date, amount_minor, currency, paid_minor, status, created_at, updated_at)
      VALUES (${newId()}, ${pick(eventIds)}, ${i}, ${`Instalment ${i}`}, ${due}, ${amount}, ${pick(['INR', 'INR', 'INR', 'USD'])},
        ${paid}, ${status}, ${nowIso}, ${nowIso})`);
  }
  // Task projections: mine (ops), others', done, overdue, due today, no date.
  for (let i = 0; i < 120; i++) {
    const due = pick([null, addDays(today, -int(1, 9)), today, addDays(today, int(1, 9))]);
    const done = rand() < 0.3;
    await exec(sql`INSERT INTO task_projections (event_id, task_id, title, assignee_id, assignee_name, due, priority, status, status_label, is_done, updated_at)
      VALUES (${pick(eventIds)}, ${`t-${i}`}, ${`Task ${i}`}, ${pick([ops.userId, sales.userId, null])}, 'Someone', ${due}, 'normal',
        ${done ? 'done' : 'todo'}, ${done ? 'Done' : 'To do'}, ${done ? 1 : 0}, ${nowIso})`);
  }
  // Checklist progress on every event (the board shows today's).
  for (const [i, id] of eventIds.entries())
    for (let k = 0; k < 2; k++) {
      const total = int(0, 12);
      await exec(sql`INSERT INTO checklist_projections (event_id, checklist_id, title, done, total, updated_at)
        VALUES (${id}, ${`c-${i}-${k}`}, 'Stage', ${int(0, total)}, ${total}, ${nowIso})`);
    }
  // Vendors, assignments in every status, arrivals, and dependencies (some met, some not).
  const vendorIds: string[] = [];
  for (let i = 0; i < 12; i++) {
    const id = newId();
    vendorIds.push(id);
    await exec(sql`INSERT INTO vendors (id, code, name, category, created_at, updated_at)
      VALUES (${id}, ${`VN-T-${i}`}, ${`Dash Vendor ${i}`}, 'decor', ${nowIso}, ${nowIso})`);
  }
  const assignments: { id: string; eventId: string }[] = [];
  for (let i = 0; i < 150; i++) {
    const id = newId();
    const eventId = pick(eventIds);
    assignments.push({ id, eventId });
    const expected = rand() < 0.6 ? new Date(now.getTime() + int(-300, 300) * 60_000).toISOString() : null;
    const checkedIn = expected && rand() < 0.4 ? nowIso : null;
    await exec(sql`INSERT INTO vendor_assignments (id, vendor_id, event_id, scope, amount_minor, currency, status, arrival_expected_at, checked_in_at, created_at, updated_at)
      VALUES (${id}, ${pick(vendorIds)}, ${eventId}, ${`Scope ${i}`}, 1000000, 'INR',
        ${pick(['requested', 'confirmed', 'in_progress', 'delivered', 'paid', 'cancelled'])}, ${expected}, ${checkedIn}, ${nowIso}, ${nowIso})`);
  }
  for (let i = 0; i < 80; i++) {
    const a = pick(assignments);
    const b = pick(assignments.filter((x) => x.eventId === a.eventId && x.id !== a.id));
    if (!b) continue;
    await exec(sql`INSERT OR IGNORE INTO vendor_dependencies (id, event_id, assignment_id, depends_on_assignment_id, kind, created_at)
      VALUES (${newId()}, ${a.eventId}, ${a.id}, ${b.id}, ${pick(['finish_to_start', 'start_to_start'])}, ${nowIso})`);
  }
  // The notification log: the last fortnight, every status, some delivered and read.
  for (let i = 0; i < 200; i++) {
    const created = at(int(0, 14));
    const status = pick(['pending', 'sent', 'sent', 'sent', 'failed', 'dead', 'not_sent', 'cancelled']);
    const providerStatus = status === 'sent' ? pick([null, 'sent', 'delivered', 'read', 'failed']) : null;
    await exec(sql`INSERT INTO notification_outbox (id, channel, template, recipient, payload, status, next_attempt_at, provider_status, read_at, last_error, created_at)
      VALUES (${newId()}, ${pick(['whatsapp', 'email', 'in_app'])}, 'payment_reminder', '+919800000000', '{}', ${status}, ${created},
        ${providerStatus}, ${providerStatus === 'read' ? created : null}, ${status === 'dead' ? 'provider said no' : null}, ${created})`);
  }
}, 120_000);
afterAll(() => t?.cleanup());

const LIVE = sql`status NOT IN ('cancelled', 'completed')`;

describe('the operations dashboard', () => {
  it('counts the pipeline by stage and source, with the funnel, exactly as direct queries do', async () => {
    const d = await dashboard(manager);
    const p = d.pipeline!;
    expect(p.total).toBe(await one(sql`SELECT count(*) FROM leads`));
    for (const s of LEAD_STAGES)
      expect(p.byStage[s], s).toBe(await one(sql`SELECT count(*) FROM leads WHERE stage = ${s}`));
    expect(p.won).toBe(await one(sql`SELECT count(*) FROM leads WHERE stage = 'won'`));
    expect(p.open).toBe(await one(sql`SELECT count(*) FROM leads WHERE stage NOT IN ('won', 'lost')`));
    for (const row of p.bySource) {
      expect(row.total, row.source).toBe(await one(sql`SELECT count(*) FROM leads WHERE source = ${row.source}`));
      expect(row.won).toBe(await one(sql`SELECT count(*) FROM leads WHERE source = ${row.source} AND stage = 'won'`));
    }
    expect(p.bySource.reduce((a, r) => a + r.total, 0)).toBe(p.total);
    const path = LEAD_STAGES.filter((s) => s !== 'lost');
    for (const [i, f] of p.funnel.entries()) {
      const later = path.slice(i);
      expect(f.reached, f.stage).toBe(
        await one(
          sql`SELECT count(*) FROM leads WHERE stage IN (${sql.join(
            later.map((s) => sql`${s}`),
            sql`, `,
          )})`,
        ),
      );
    }
    expect(p.funnel[0]!.reached).toBe(p.total - p.lost);
  });

  it('narrows the pipeline to leads created in a date range (IST days) and to one owner', async () => {
    const from = addDays(today, -90);
    const to = addDays(today, -10);
    const d = await dashboard(manager, `?from=${from}&to=${to}&owner=${sales.userId}`);
    const start = new Date(`${from}T00:00:00+05:30`).toISOString();
    const end = new Date(`${addDays(to, 1)}T00:00:00+05:30`).toISOString();
    const n = await one(
      sql`SELECT count(*) FROM leads WHERE created_at >= ${start} AND created_at < ${end} AND owner_id = ${sales.userId}`,
    );
    expect(n).toBeGreaterThan(0);
    expect(d.pipeline!.total).toBe(n);
    expect(d.pipeline!.byStage.won).toBe(
      await one(
        sql`SELECT count(*) FROM leads WHERE created_at >= ${start} AND created_at < ${end} AND owner_id = ${sales.userId} AND stage = 'won'`,
      ),
    );
    // The owner filter narrows the upcoming events to the ones that person manages.
    const mine = await dashboard(manager, `?owner=${ops.userId}`);
    expect(mine.events!.next30Days).toBe(
      await one(
        sql`SELECT count(*) FROM events WHERE ${LIVE} AND end_date >= ${today} AND start_date <= ${addDays(today, 29)} AND manager_id = ${ops.userId}`,
      ),
    );
  });

  it("counts the viewer's follow-ups and tasks, and the overdue tasks of every board", async () => {
    const s = await dashboard(sales);
    const tomorrow = new Date(`${addDays(today, 1)}T00:00:00+05:30`).toISOString();
    const in7 = new Date(`${addDays(today, 7)}T00:00:00+05:30`).toISOString();
    const mine = sql`owner_id = ${sales.userId} AND status = 'open'`;
    const f = s.followUps!;
    expect(f.overdue).toBe(await one(sql`SELECT count(*) FROM lead_follow_ups WHERE ${mine} AND due_at < ${s.asOf}`));
    expect(f.dueToday).toBe(
      await one(
        sql`SELECT count(*) FROM lead_follow_ups WHERE ${mine} AND due_at >= ${s.asOf} AND due_at < ${tomorrow}`,
      ),
    );
    expect(f.next7Days).toBe(
      await one(sql`SELECT count(*) FROM lead_follow_ups WHERE ${mine} AND due_at >= ${s.asOf} AND due_at < ${in7}`),
    );
    expect(f.overdue).toBeGreaterThan(0);
    expect(f.next.every((x, i, xs) => i === 0 || xs[i - 1]!.dueAt <= x.dueAt)).toBe(true);

    const o = await dashboard(ops);
    const open = sql`assignee_id = ${ops.userId} AND is_done = 0`;
    expect(o.tasks!.mineOpen).toBe(await one(sql`SELECT count(*) FROM task_projections WHERE ${open}`));
    expect(o.tasks!.mineOverdue).toBe(
      await one(sql`SELECT count(*) FROM task_projections WHERE ${open} AND due < ${today}`),
    );
    expect(o.tasks!.mineDueToday).toBe(
      await one(sql`SELECT count(*) FROM task_projections WHERE ${open} AND due = ${today}`),
    );
    expect(o.tasks!.overdueAll).toBe(
      await one(sql`SELECT count(*) FROM task_projections WHERE is_done = 0 AND due IS NOT NULL AND due < ${today}`),
    );
    expect(o.tasks!.mineOverdue).toBeGreaterThan(0);
    expect(o.tasks!.next.every((x) => x.isOverdue === (x.due !== null && x.due < today))).toBe(true);
  });

  it('counts the booked events of the next 7 and 30 days, multi-day ones included', async () => {
    const e = (await dashboard(manager)).events!;
    expect(e.next7Days).toBe(
      await one(
        sql`SELECT count(*) FROM events WHERE ${LIVE} AND end_date >= ${today} AND start_date <= ${addDays(today, 6)}`,
      ),
    );
    expect(e.next30Days).toBe(
      await one(
        sql`SELECT count(*) FROM events WHERE ${LIVE} AND end_date >= ${today} AND start_date <= ${addDays(today, 29)}`,
      ),
    );
    expect(e.list.length).toBe(Math.min(8, e.next30Days));
  });

  it('ages the outstanding money into the same buckets as the shared rule, in whole paise, per currency', async () => {
    const r = (await dashboard(finance)).receivables!;
    // Independently: every owed milestone row, bucketed one by one with the shared rule.
    const rows = await all<{ due_date: string; currency: string; amount_minor: number; paid_minor: number }>(sql`
      SELECT m.due_date, m.currency, m.amount_minor, m.paid_minor FROM milestones m JOIN events e ON e.id = m.event_id
      WHERE m.status <> 'waived' AND e.status <> 'cancelled' AND m.amount_minor > m.paid_minor`);
    const want = new Map<string, { count: number; owed: number }>();
    for (const m of rows) {
      const k = `${ageingBucket(m.due_date, today)}|${m.currency}`;
      const w = want.get(k) ?? { count: 0, owed: 0 };
      w.count += 1;
      w.owed += m.amount_minor - m.paid_minor;
      want.set(k, w);
    }
    const got = new Map(
      r.buckets.map((b) => [`${b.bucket}|${b.currency}`, { count: b.count, owed: b.outstandingMinor }]),
    );
    expect(got).toEqual(want);
    for (const b of r.buckets) expect(Number.isInteger(b.outstandingMinor)).toBe(true);
    // Every bucket has something in this data, and the edges fall where the rule says.
    const inr = new Set(r.buckets.filter((b) => b.currency === 'INR').map((b) => b.bucket));
    expect(AGEING_BUCKETS.filter((b: AgeingBucket) => !inr.has(b))).toEqual([]);
    expect(ageingBucket(addDays(today, -30), today)).toBe('d1_30');
    expect(ageingBucket(addDays(today, -31), today)).toBe('d31_60');
    // The same minor units as the finance page's outstanding list (which labels each event by
    // its first milestone's currency, so only the sum over currencies compares here).
    const page = await outstandingByEvent(t.deps.db, t.clock.now());
    expect(r.buckets.reduce((a, b) => a + b.outstandingMinor, 0)).toBe(
      page.reduce((a, e) => a + e.outstandingMinor, 0),
    );
    // The overdue list is the oldest overdue first, each with its days late.
    expect(r.overdue.length).toBe(8);
    for (const m of r.overdue) expect(m.daysOverdue).toBeGreaterThan(0);
    expect(r.overdue[0]!.dueDate <= r.overdue.at(-1)!.dueDate).toBe(true);
  });

  it('counts vendor assignments of active events by status, and the blocked ones by the vendors rule', async () => {
    const v = (await dashboard(manager)).vendors!;
    const active = sql`e.status NOT IN ('cancelled', 'completed') AND e.end_date >= ${today}`;
    expect(v.activeEvents).toBe(await one(sql`SELECT count(*) FROM events e WHERE ${active}`));
    for (const [status, n] of Object.entries(v.byStatus))
      expect(n, status).toBe(
        await one(
          sql`SELECT count(*) FROM vendor_assignments a JOIN events e ON e.id = a.event_id WHERE ${active} AND a.status = ${status}`,
        ),
      );
    // Blocked, independently: the vendors feature's own recursive query, limited to active events.
    const { blockedReasonsFor } = await import('../vendors/blocked.query.ts');
    const activeIds = await all<{ id: string }>(sql`
      SELECT a.id FROM vendor_assignments a JOIN events e ON e.id = a.event_id WHERE ${active}`);
    const reasons = await blockedReasonsFor(t.deps.db, { assignmentIds: activeIds.map((a) => a.id) });
    const blocked = new Set(reasons.map((r) => r.assignmentId));
    expect(blocked.size).toBeGreaterThan(0);
    expect(v.blocked).toBe(blocked.size);
    for (const b of v.blockedList) expect(blocked.has(b.assignmentId)).toBe(true);
  });

  it("shows today's events on the event-day board with checklist progress, arrivals and overdue tasks", async () => {
    const board = (await dashboard(ops)).eventDay!;
    const ids = await all<{ id: string }>(sql`
      SELECT id FROM events WHERE status <> 'cancelled' AND start_date <= ${today} AND end_date >= ${today}`);
    expect(board.events.map((e) => e.id).sort()).toEqual(ids.map((e) => e.id).sort());
    expect(board.events.length).toBeGreaterThan(0);
    for (const e of board.events) {
      expect(e.checklistDone).toBe(
        await one(sql`SELECT coalesce(sum(done), 0) FROM checklist_projections WHERE event_id = ${e.id}`),
      );
      expect(e.checklistTotal).toBe(
        await one(sql`SELECT coalesce(sum(total), 0) FROM checklist_projections WHERE event_id = ${e.id}`),
      );
      const booked = sql`event_id = ${e.id} AND status <> 'cancelled'`;
      expect(e.vendorsBooked).toBe(await one(sql`SELECT count(*) FROM vendor_assignments WHERE ${booked}`));
      expect(e.vendorsArrived).toBe(
        await one(sql`SELECT count(*) FROM vendor_assignments WHERE ${booked} AND checked_in_at IS NOT NULL`),
      );
      expect(e.vendorsLate).toBe(
        await one(
          sql`SELECT count(*) FROM vendor_assignments WHERE ${booked} AND checked_in_at IS NULL AND arrival_expected_at < ${nowIso}`,
        ),
      );
      expect(e.overdueTasks).toBe(
        await one(
          sql`SELECT count(*) FROM task_projections WHERE event_id = ${e.id} AND is_done = 0 AND due < ${today}`,
        ),
      );
    }
  });

  it('summarises the last seven days of the notification log', async () => {
    const d = await dashboard(manager);
    const n = d.notifications!;
    const since = new Date(Date.parse(d.asOf) - 7 * 86_400_000).toISOString();
    expect(n.since).toBe(since);
    for (const [status, k] of Object.entries(n.byStatus))
      expect(k, status).toBe(
        await one(sql`SELECT count(*) FROM notification_outbox WHERE created_at >= ${since} AND status = ${status}`),
      );
    expect(n.read).toBe(
      await one(sql`SELECT count(*) FROM notification_outbox WHERE created_at >= ${since} AND read_at IS NOT NULL`),
    );
    expect(n.problems.length).toBeGreaterThan(0);
    expect(n.problems.every((p) => p.status === 'failed' || p.status === 'dead' || p.status === 'sent')).toBe(true);
    // The week is a range of outbox_created_idx, which covers what the counts read: no table scan.
    const plan = (
      await t.deps.db.$client.execute({
        sql: `EXPLAIN QUERY PLAN SELECT sum(status = 'sent'), sum(provider_status IN ('delivered', 'read') OR delivered_at IS NOT NULL),
                sum(read_at IS NOT NULL) FROM notification_outbox WHERE created_at >= ?`,
        args: [since],
      })
    ).rows
      .map((r) => String(r.detail))
      .join(' | ');
    expect(plan).toMatch(/USING COVERING INDEX outbox_created_idx \(created_at>\?\)/);
  });

  it('shows each role its part, refuses clients and vendors, and names a bad filter', async () => {
    const f = await dashboard(finance);
    expect(f.receivables).not.toBeNull();
    expect(f.tasks).toBeNull();
    expect(f.eventDay).toBeNull();
    const s = await dashboard(sales);
    expect(s.receivables).toBeNull();
    expect(s.pipeline).not.toBeNull();
    expect(s.notifications).not.toBeNull();
    const o = await dashboard(ops);
    expect(o.receivables).toBeNull();
    expect(o.notifications).toBeNull();
    expect(o.vendors).not.toBeNull();
    for (const email of ['client@mandap.demo', 'vendor@mandap.demo']) {
      const who = await t.login(email);
      expect((await t.json('GET', '/api/dashboard', undefined, who.auth)).status).toBe(403);
      expect((await t.json('GET', '/api/dashboard/stream', undefined, who.auth)).status).toBe(403);
    }
    expect((await t.json('GET', '/api/dashboard')).status).toBe(401);
    const bad = await t.json('GET', '/api/dashboard?from=yesterday', undefined, manager.auth);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('from');
    const backwards = await t.json(
      'GET',
      `/api/dashboard?from=${today}&to=${addDays(today, -1)}`,
      undefined,
      manager.auth,
    );
    expect(backwards.status).toBe(400);
    const owner = await t.json('GET', '/api/dashboard?owner=bob', undefined, manager.auth);
    expect(owner.status).toBe(400);
  });

  it('streams "changed" when the figures move, and on a resume from an older position', async () => {
    const d = await dashboard(manager);
    const ctl = new AbortController();
    const s = sseReader(
      await t.app.request(`/api/dashboard/stream?after=${d.seq}`, { headers: manager.auth, signal: ctl.signal }),
    );
    expect((await s.next())?.event).toBe('ready');
    // A change through the API (a new lead) moves the event log.
    const created = await t.json(
      'POST',
      '/api/leads',
      { name: 'Streamed Lead', phone: '+919812345670', source: 'manual' },
      manager.auth,
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const msg = await s.next(5000);
    expect(msg?.event).toBe('changed');
    expect(Number(msg?.id)).toBeGreaterThan(d.seq);
    // A projection write (a checklist tick) has no event-log row but still moves the figures.
    await exec(sql`UPDATE checklist_projections SET done = done, updated_at = ${new Date(Date.now() + 60_000).toISOString()}
      WHERE rowid = (SELECT min(rowid) FROM checklist_projections)`);
    expect((await s.next(5000))?.event).toBe('changed');
    expect(await s.next(1500)).toBeNull();
    ctl.abort();
    await s.close();
    // The browser comes back with the id it last saw: told at once that it is behind.
    const again = sseReader(
      await t.app.request('/api/dashboard/stream', { headers: { ...manager.auth, 'last-event-id': String(d.seq) } }),
    );
    expect((await again.next())?.event).toBe('ready');
    expect((await again.next(2000))?.event).toBe('changed');
    await again.close();
    // Up to date: nothing to say.
    const head = (await dashboard(manager)).seq;
    const quiet = sseReader(
      await t.app.request('/api/dashboard/stream', { headers: { ...manager.auth, 'last-event-id': String(head) } }),
    );
    expect((await quiet.next())?.event).toBe('ready');
    expect(await quiet.next(1500)).toBeNull();
    await quiet.close();
    const bad = await t.app.request('/api/dashboard/stream', { headers: { ...manager.auth, 'last-event-id': 'x1' } });
    expect(bad.status).toBe(400);
  });
});
