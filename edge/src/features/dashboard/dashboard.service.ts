import { hasPermission, isScopedRole } from '@mandap/shared/access';
import { type Dashboard, type DashboardQuery, NOTIFICATION_STATUSES } from '@mandap/shared/dashboard';
import { LEAD_STAGES, type LeadSource, type LeadStage } from '@mandap/shared/leads';
import { addDays, daysBetween, indiaDate as istDate } from '@mandap/shared/time';
import { ASSIGNMENT_STATUSES, type AssignmentStatus, DEPENDENCY_MET } from '@mandap/shared/vendors';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';

type Section<K extends keyof Dashboard> = NonNullable<Dashboard[K]>;

const LIST = 8;
const num = (v: unknown) => Number(v ?? 0);
const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
/** The UTC instant an IST day starts (yyyy-mm-dd → ISO), for comparing with stored UTC times. */
const istDayStart = (day: string) => new Date(`${day}T00:00:00+05:30`).toISOString();

/**
 * The operations dashboard for one staff member: each section counted by the database
 * (GROUP BY / sums, never rows fetched and counted here), present only if the role may see
 * that area. Read at one event-log position so the live stream can resume after it.
 */
export async function loadDashboard(deps: Deps, viewer: Viewer, query: DashboardQuery): Promise<Dashboard> {
  if (isScopedRole(viewer.role)) throw new AppError('forbidden', 'The operations dashboard is for staff.');
  const now = deps.now();
  const ctx: Ctx = { db: deps.db, viewer, query, now: now.toISOString(), today: istDate(now) };
  const may = (p: Parameters<typeof hasPermission>[1]) => hasPermission(viewer.role, p);
  const [seqRow] = await deps.db.all<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM event_log`);
  const [pipeline, followUps, tasks, events, receivables, vendors, eventDay, notifications] = await Promise.all([
    may('leads:read') ? pipelineOf(ctx) : null,
    may('leads:read') ? followUpsOf(ctx) : null,
    may('tasks:read') ? tasksOf(ctx) : null,
    may('events:read') ? eventsOf(ctx) : null,
    may('payments:read') ? receivablesOf(ctx) : null,
    may('vendors:read') ? vendorsOf(ctx) : null,
    may('tasks:read') ? eventDayOf(ctx) : null,
    may('reports:read') ? notificationsOf(ctx) : null,
  ]);
  return {
    asOf: ctx.now,
    today: ctx.today,
    seq: num(seqRow?.seq),
    pipeline,
    followUps,
    tasks,
    events,
    receivables,
    vendors,
    eventDay,
    notifications,
  };
}

interface Ctx {
  db: Db;
  viewer: Viewer;
  query: DashboardQuery;
  /** ISO instant. */
  now: string;
  /** yyyy-mm-dd, Asia/Kolkata. */
  today: string;
}

async function pipelineOf({ db, query }: Ctx): Promise<Section<'pipeline'>> {
  const where: SQL[] = [sql`1 = 1`];
  if (query.from) where.push(sql`created_at >= ${istDayStart(query.from)}`);
  if (query.to) where.push(sql`created_at < ${istDayStart(addDays(query.to, 1))}`);
  if (query.owner) where.push(sql`owner_id = ${query.owner}`);
  const rows = await db.all<{ stage: LeadStage; source: LeadSource; n: number }>(sql`
    SELECT stage, source, count(*) AS n FROM leads WHERE ${sql.join(where, sql` AND `)} GROUP BY stage, source`);
  const byStage = Object.fromEntries(LEAD_STAGES.map((s) => [s, 0])) as Record<LeadStage, number>;
  const sources = new Map<LeadSource, { total: number; won: number }>();
  for (const r of rows) {
    const k = num(r.n);
    byStage[r.stage] = (byStage[r.stage] ?? 0) + k;
    const s = sources.get(r.source) ?? { total: 0, won: 0 };
    s.total += k;
    if (r.stage === 'won') s.won += k;
    sources.set(r.source, s);
  }
  const total = Object.values(byStage).reduce((a, b) => a + b, 0);
  const path = LEAD_STAGES.filter((s) => s !== 'lost');
  const funnel = path.map((stage, i) => ({
    stage,
    reached: path.slice(i).reduce((a, s) => a + byStage[s], 0),
  }));
  return {
    total,
    won: byStage.won,
    lost: byStage.lost,
    open: total - byStage.won - byStage.lost,
    byStage,
    bySource: [...sources.entries()]
      .map(([source, v]) => ({ source, ...v }))
      .sort((a, b) => b.total - a.total || a.source.localeCompare(b.source)),
    funnel,
  };
}

async function followUpsOf({ db, viewer, now, today }: Ctx): Promise<Section<'followUps'>> {
  const tomorrow = istDayStart(addDays(today, 1));
  const in7 = istDayStart(addDays(today, 7));
  const [[c], next] = await Promise.all([
    db.all<{ overdue: number; today: number; next7: number }>(sql`
      SELECT coalesce(sum(due_at < ${now}), 0) AS overdue,
        coalesce(sum(due_at >= ${now} AND due_at < ${tomorrow}), 0) AS today,
        coalesce(sum(due_at >= ${now} AND due_at < ${in7}), 0) AS next7
      FROM lead_follow_ups WHERE owner_id = ${viewer.id} AND status = 'open'`),
    db.all<{ id: string; lead_id: string; name: string; code: string; due_at: string; note: string | null }>(sql`
      SELECT f.id, f.lead_id, l.name, l.code, f.due_at, f.note FROM lead_follow_ups f JOIN leads l ON l.id = f.lead_id
      WHERE f.owner_id = ${viewer.id} AND f.status = 'open' ORDER BY f.due_at, f.id LIMIT ${LIST}`),
  ]);
  return {
    overdue: num(c?.overdue),
    dueToday: num(c?.today),
    next7Days: num(c?.next7),
    next: next.map((f) => ({
      id: f.id,
      leadId: f.lead_id,
      leadName: f.name,
      leadCode: f.code,
      dueAt: f.due_at,
      note: f.note,
      isOverdue: f.due_at < now,
    })),
  };
}

async function tasksOf({ db, viewer, today }: Ctx): Promise<Section<'tasks'>> {
  const [[mine], [all], next] = await Promise.all([
    db.all<{ open: number; overdue: number; today: number }>(sql`
      SELECT count(*) AS open, coalesce(sum(due < ${today}), 0) AS overdue, coalesce(sum(due = ${today}), 0) AS today
      FROM task_projections WHERE assignee_id = ${viewer.id} AND is_done = 0`),
    db.all<{ n: number }>(sql`
      SELECT count(*) AS n FROM task_projections WHERE is_done = 0 AND due IS NOT NULL AND due < ${today}`),
    db.all<{
      event_id: string;
      name: string;
      task_id: string;
      title: string;
      due: string | null;
      status_label: string;
      assignee_name: string | null;
    }>(sql`
      SELECT t.event_id, e.name, t.task_id, t.title, t.due, t.status_label, t.assignee_name
      FROM task_projections t JOIN events e ON e.id = t.event_id
      WHERE t.assignee_id = ${viewer.id} AND t.is_done = 0
      ORDER BY t.due IS NULL, t.due, t.title LIMIT ${LIST}`),
  ]);
  return {
    mineOpen: num(mine?.open),
    mineOverdue: num(mine?.overdue),
    mineDueToday: num(mine?.today),
    overdueAll: num(all?.n),
    next: next.map((t) => ({
      eventId: t.event_id,
      eventName: t.name,
      taskId: t.task_id,
      title: t.title,
      due: t.due,
      statusLabel: t.status_label,
      assigneeName: t.assignee_name,
      isOverdue: t.due !== null && t.due < today,
    })),
  };
}

const LIVE_EVENT = sql`e.status NOT IN ('cancelled', 'completed')`;

async function eventsOf({ db, query, today }: Ctx): Promise<Section<'events'>> {
  const owner = query.owner ? sql`AND e.manager_id = ${query.owner}` : sql``;
  const in7 = addDays(today, 6);
  const in30 = addDays(today, 29);
  const [[c], list] = await Promise.all([
    db.all<{ w: number; m: number }>(sql`
      SELECT coalesce(sum(e.start_date <= ${in7}), 0) AS w, count(*) AS m FROM events e
      WHERE ${LIVE_EVENT} AND e.end_date >= ${today} AND e.start_date <= ${in30} ${owner}`),
    db.all<{
      id: string;
      code: string;
      name: string;
      status: string;
      event_type: string;
      start_date: string;
      end_date: string;
      city: string;
      venue: string | null;
      manager: string | null;
    }>(sql`
      SELECT e.id, e.code, e.name, e.status, e.event_type, e.start_date, e.end_date, e.city, e.venue, u.name AS manager
      FROM events e LEFT JOIN users u ON u.id = e.manager_id
      WHERE ${LIVE_EVENT} AND e.end_date >= ${today} AND e.start_date <= ${in30} ${owner}
      ORDER BY e.start_date, e.name LIMIT ${LIST}`),
  ]);
  return {
    next7Days: num(c?.w),
    next30Days: num(c?.m),
    list: list.map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      status: e.status,
      eventType: e.event_type,
      startDate: e.start_date,
      endDate: e.end_date,
      city: e.city,
      venue: e.venue,
      managerName: e.manager,
    })),
  };
}

/** Unpaid milestones of events that still stand: the money owed (as the finance page's outstanding counts it). */
const OWED = sql`m.status <> 'waived' AND m.amount_minor > m.paid_minor AND e.status <> 'cancelled'`;

async function receivablesOf({ db, today }: Ctx): Promise<Section<'receivables'>> {
  // The same days as the shared ageingBucket (1–30 days late is d1_30, …), done in SQL.
  const bucket = sql`CASE
    WHEN m.due_date >= ${today} THEN 'current'
    WHEN m.due_date >= ${addDays(today, -30)} THEN 'd1_30'
    WHEN m.due_date >= ${addDays(today, -60)} THEN 'd31_60'
    WHEN m.due_date >= ${addDays(today, -90)} THEN 'd61_90'
    ELSE 'd90_plus' END`;
  const [buckets, overdue] = await Promise.all([
    db.all<{ bucket: Section<'receivables'>['buckets'][number]['bucket']; currency: string; n: number; owed: number }>(
      sql`SELECT ${bucket} AS bucket, m.currency, count(*) AS n, sum(m.amount_minor - m.paid_minor) AS owed
        FROM milestones m JOIN events e ON e.id = m.event_id WHERE ${OWED}
        GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    db.all<{
      id: string;
      event_id: string;
      event_name: string;
      client_name: string | null;
      label: string;
      due_date: string;
      currency: string;
      owed: number;
    }>(sql`
      SELECT m.id, m.event_id, e.name AS event_name, c.name AS client_name, m.label, m.due_date, m.currency,
        m.amount_minor - m.paid_minor AS owed
      FROM milestones m JOIN events e ON e.id = m.event_id LEFT JOIN clients c ON c.id = e.client_id
      WHERE ${OWED} AND m.due_date < ${today}
      ORDER BY m.due_date, m.id LIMIT ${LIST}`),
  ]);
  return {
    buckets: buckets.map((b) => ({
      bucket: b.bucket,
      currency: b.currency,
      count: num(b.n),
      outstandingMinor: num(b.owed),
    })),
    overdue: overdue.map((m) => ({
      milestoneId: m.id,
      eventId: m.event_id,
      eventName: m.event_name,
      clientName: m.client_name,
      label: m.label,
      dueDate: m.due_date,
      daysOverdue: daysBetween(m.due_date, today),
      currency: m.currency,
      outstandingMinor: num(m.owed),
    })),
  };
}

/** "This dependency is met" for edge alias d and upstream alias b, from the shared table. */
const MET = sql`((d.kind = 'finish_to_start' AND b.status IN (${inList(DEPENDENCY_MET.finish_to_start)}))
  OR (d.kind = 'start_to_start' AND b.status IN (${inList(DEPENDENCY_MET.start_to_start)})))`;
const ACTIVE_EVENT = (today: string) => sql`${LIVE_EVENT} AND e.end_date >= ${today}`;
/** Open assignments of active events with an unmet direct dependency (the start of every blocked chain). */
const BLOCKED_FROM = sql`
  FROM vendor_assignments a JOIN events e ON e.id = a.event_id
  JOIN vendor_dependencies d ON d.assignment_id = a.id
  JOIN vendor_assignments b ON b.id = d.depends_on_assignment_id`;
const BLOCKED_WHERE = (today: string) =>
  sql`${ACTIVE_EVENT(today)} AND a.status NOT IN ('delivered', 'paid', 'cancelled') AND NOT ${MET}`;

async function vendorsOf({ db, today }: Ctx): Promise<Section<'vendors'>> {
  const [[active], statuses, list] = await Promise.all([
    db.all<{ n: number }>(sql`SELECT count(*) AS n FROM events e WHERE ${ACTIVE_EVENT(today)}`),
    db.all<{ status: AssignmentStatus; n: number }>(sql`
      SELECT a.status, count(*) AS n FROM vendor_assignments a JOIN events e ON e.id = a.event_id
      WHERE ${ACTIVE_EVENT(today)} GROUP BY a.status`),
    // One pass: the first few blocked assignments, and (the window count over the groups) how many in all.
    db.all<{
      id: string;
      event_id: string;
      event_name: string;
      vendor: string;
      scope: string;
      waits_on: string;
      start_date: string;
      total: number;
    }>(sql`
      SELECT a.id, a.event_id, e.name AS event_name, v.name AS vendor, a.scope, e.start_date,
        group_concat(bv.name || ' (' || b.scope || ')', ', ') AS waits_on, count(*) OVER () AS total
      ${BLOCKED_FROM} JOIN vendors v ON v.id = a.vendor_id JOIN vendors bv ON bv.id = b.vendor_id
      WHERE ${BLOCKED_WHERE(today)}
      GROUP BY a.id ORDER BY e.start_date, e.name, v.name, a.id LIMIT ${LIST}`),
  ]);
  const byStatus = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as Record<AssignmentStatus, number>;
  for (const s of statuses) byStatus[s.status] = num(s.n);
  return {
    activeEvents: num(active?.n),
    byStatus,
    blocked: num(list[0]?.total),
    blockedList: list.map((r) => ({
      assignmentId: r.id,
      eventId: r.event_id,
      eventName: r.event_name,
      vendorName: r.vendor,
      scope: r.scope,
      waitsOn: r.waits_on,
    })),
  };
}

async function eventDayOf({ db, now, today }: Ctx): Promise<Section<'eventDay'>> {
  const rows = await db.all<{
    id: string;
    code: string;
    name: string;
    city: string;
    venue: string | null;
    cl_done: number | null;
    cl_total: number | null;
    booked: number;
    arrived: number;
    late: number;
    overdue_tasks: number;
  }>(sql`
    SELECT e.id, e.code, e.name, e.city, e.venue,
      (SELECT sum(done) FROM checklist_projections c WHERE c.event_id = e.id) AS cl_done,
      (SELECT sum(total) FROM checklist_projections c WHERE c.event_id = e.id) AS cl_total,
      (SELECT count(*) FROM vendor_assignments a WHERE a.event_id = e.id AND a.status <> 'cancelled') AS booked,
      (SELECT count(*) FROM vendor_assignments a WHERE a.event_id = e.id AND a.status <> 'cancelled'
        AND a.checked_in_at IS NOT NULL) AS arrived,
      (SELECT count(*) FROM vendor_assignments a WHERE a.event_id = e.id AND a.status <> 'cancelled'
        AND a.checked_in_at IS NULL AND a.arrival_expected_at IS NOT NULL AND a.arrival_expected_at < ${now}) AS late,
      (SELECT count(*) FROM task_projections t WHERE t.event_id = e.id AND t.is_done = 0
        AND t.due IS NOT NULL AND t.due < ${today}) AS overdue_tasks
    FROM events e
    WHERE e.status <> 'cancelled' AND e.start_date <= ${today} AND e.end_date >= ${today}
    ORDER BY e.start_date, e.name LIMIT 50`);
  return {
    events: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      city: r.city,
      venue: r.venue,
      checklistDone: num(r.cl_done),
      checklistTotal: num(r.cl_total),
      vendorsBooked: num(r.booked),
      vendorsArrived: num(r.arrived),
      vendorsLate: num(r.late),
      overdueTasks: num(r.overdue_tasks),
    })),
  };
}

async function notificationsOf({ db, now }: Ctx): Promise<Section<'notifications'>> {
  const since = new Date(Date.parse(now) - 7 * 86_400_000).toISOString();
  // The counts in one range of outbox_created_idx, which covers every column they read.
  const counts = NOTIFICATION_STATUSES.map((st) => sql`coalesce(sum(status = ${st}), 0)`);
  const [[row], problems] = await Promise.all([
    db.all<Record<string, number>>(sql`
      SELECT ${sql.join(
        counts.map((c, i) => sql`${c} AS ${sql.raw(`s${i}`)}`),
        sql`, `,
      )},
        coalesce(sum(provider_status IN ('delivered', 'read') OR delivered_at IS NOT NULL), 0) AS delivered,
        coalesce(sum(read_at IS NOT NULL), 0) AS read
      FROM notification_outbox WHERE created_at >= ${since}`),
    db.all<{
      id: string;
      channel: string;
      template: string;
      status: string;
      last_error: string | null;
      created_at: string;
    }>(sql`
      SELECT id, channel, template, status, last_error, created_at FROM notification_outbox
      WHERE created_at >= ${since} AND (status IN ('failed', 'dead') OR provider_status = 'failed')
      ORDER BY created_at DESC, id LIMIT ${LIST}`),
  ]);
  const byStatus = Object.fromEntries(NOTIFICATION_STATUSES.map((st, i) => [st, num(row?.[`s${i}`])])) as Record<
    (typeof NOTIFICATION_STATUSES)[number],
    number
  >;
  return {
    since,
    byStatus,
    delivered: num(row?.delivered),
    read: num(row?.read),
    problems: problems.map((p) => ({
      id: p.id,
      channel: p.channel,
      template: p.template,
      status: p.status,
      lastError: p.last_error,
      createdAt: p.created_at,
    })),
  };
}
