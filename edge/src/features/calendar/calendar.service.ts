import { canSeeUnderEvent, hasPermission, needsEventLink } from '@mandap/shared/access';
import type { CalendarEntry, CalendarQuery, CalendarType } from '@mandap/shared/calendar';
import { formatMoney } from '@mandap/shared/money';
import { addDays, daysBetween, indiaDate, indiaToday } from '@mandap/shared/time';
import { sql } from 'drizzle-orm';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { visibleEventCondition } from '../../lib/event-scope.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';
import { rescheduleFollowUp } from '../leads/follow-ups.service.ts';

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Everything on the calendar between two days that this viewer may open: events (on each of
 * their days) and their functions, meetings, follow-ups, payment due dates, vendor arrivals
 * and preparation steps. Staff see by permission; a vendor or client only their linked events
 * and what the scoping rule shows them there.
 */
export async function calendarEntries(deps: Deps, viewer: Viewer, q: CalendarQuery): Promise<CalendarEntry[]> {
  if (q.from > q.to)
    throw new AppError('validation_failed', 'Check the dates: from is after to.', {
      fields: { from: 'must not be after to' },
    });
  if (daysBetween(q.from, q.to) > 400)
    throw new AppError('validation_failed', 'Check the dates: ask for at most 400 days at a time.', {
      fields: { to: 'at most 400 days after from' },
    });
  const want = (t: CalendarType) => !q.types || q.types.includes(t);
  // The one scoping rule decides; `linkedEvents` is the edge's one query for a viewer's linked events.
  const scoped = needsEventLink(viewer.role);
  const role = viewer.role;
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(role, p);
  const linkedEvents = (col: string) => visibleEventCondition(deps.db, viewer, sql.raw(col)) ?? sql`1 = 1`;
  const owner = (col: string) => (q.owner ? sql`AND ${sql.raw(col)} = ${q.owner}` : sql``);
  const toNext = addDays(q.to, 1);
  const todayIst = indiaToday(deps.now());
  const nowIso = deps.now().toISOString();
  const out: CalendarEntry[] = [];

  if ((want('event') || want('function')) && can('events:read')) {
    const rows = await deps.db.all<Row>(sql`
      SELECT e.id, e.name, e.code, e.start_date, e.end_date, e.city, e.venue, e.manager_id, u.name AS owner_name, l.functions
      FROM events e LEFT JOIN users u ON u.id = e.manager_id LEFT JOIN leads l ON l.id = e.lead_id
      WHERE e.start_date <= ${q.to} AND e.end_date >= ${q.from} AND e.status <> 'cancelled'
        ${scoped ? sql`AND ${linkedEvents('e.id')}` : sql``} ${owner('e.manager_id')}
      ORDER BY e.start_date`);
    for (const r of rows) {
      const id = String(r.id);
      const href = role === 'client' ? `/portal/events/${id}` : `/events/${id}/workspace`;
      if (want('event'))
        out.push({
          key: `event:${id}`,
          type: 'event',
          refId: id,
          title: String(r.name),
          subtitle: `${r.code} · ${r.venue ? `${r.venue}, ` : ''}${r.city}`,
          allDay: true,
          start: String(r.start_date),
          end: String(r.end_date),
          ownerId: str(r.manager_id),
          ownerName: str(r.owner_name),
          href,
          canMove: !scoped && can('events:write'),
          overdue: false,
        });
      if (want('function') && r.functions) {
        let fns: { name?: string; date?: string | null }[] = [];
        try {
          fns = JSON.parse(String(r.functions)) as typeof fns;
        } catch {
          fns = [];
        }
        fns.forEach((f, i) => {
          if (!f.date || !f.name || f.date < q.from || f.date > q.to) return;
          out.push({
            key: `function:${id}:${i}`,
            type: 'function',
            refId: id,
            title: `${f.name} · ${r.name}`,
            subtitle: String(r.code),
            allDay: true,
            start: f.date,
            end: f.date,
            ownerId: str(r.manager_id),
            ownerName: str(r.owner_name),
            href,
            canMove: false,
            overdue: false,
          });
        });
      }
    }
  }

  if (want('meeting') && !scoped && (can('leads:read') || can('events:read'))) {
    const rows = await deps.db.all<Row>(sql`
      SELECT m.id, m.title, m.starts_at, m.ends_at, m.location, m.lead_id, m.event_id, m.organizer_id, u.name AS owner_name, m.meet_url
      FROM meetings m LEFT JOIN users u ON u.id = m.organizer_id
      WHERE m.starts_at < ${toNext} AND m.ends_at >= ${q.from} AND m.status <> 'cancelled' ${owner('m.organizer_id')}
      ORDER BY m.starts_at`);
    for (const r of rows)
      out.push({
        key: `meeting:${r.id}`,
        type: 'meeting',
        refId: String(r.id),
        title: String(r.title),
        subtitle: str(r.meet_url) ?? str(r.location),
        allDay: false,
        start: String(r.starts_at),
        end: String(r.ends_at),
        ownerId: str(r.organizer_id),
        ownerName: str(r.owner_name),
        href: r.lead_id ? `/leads?lead=${r.lead_id}` : r.event_id ? `/events/${r.event_id}/workspace` : null,
        canMove: can('leads:write') || can('events:write'),
        overdue: false,
      });
  }

  if (want('follow_up') && !scoped && can('leads:read')) {
    const rows = await deps.db.all<Row>(sql`
      SELECT f.id, f.due_at, f.note, f.owner_id, u.name AS owner_name, l.id AS lead_id, l.name AS lead_name, l.code
      FROM lead_follow_ups f JOIN leads l ON l.id = f.lead_id LEFT JOIN users u ON u.id = f.owner_id
      WHERE f.status = 'open' AND f.due_at < ${toNext} AND f.due_at >= ${addDays(q.from, -1)} ${owner('f.owner_id')}
      ORDER BY f.due_at`);
    for (const r of rows) {
      const due = String(r.due_at);
      const end = new Date(new Date(due).getTime() + 30 * 60_000).toISOString();
      out.push({
        key: `follow_up:${r.id}`,
        type: 'follow_up',
        refId: String(r.id),
        title: `Follow up: ${r.lead_name}`,
        subtitle: str(r.note) ?? String(r.code),
        allDay: false,
        start: due,
        end,
        ownerId: str(r.owner_id),
        ownerName: str(r.owner_name),
        href: `/leads?lead=${r.lead_id}`,
        canMove: can('leads:write') && (role !== 'sales' || r.owner_id === viewer.id || r.owner_id === null),
        overdue: due < nowIso,
      });
    }
  }

  if (
    want('payment_due') &&
    can('payments:read') &&
    (!scoped || canSeeUnderEvent(role, { access: 'read' }, 'milestone'))
  ) {
    const rows = await deps.db.all<Row>(sql`
      SELECT m.id, m.label, m.due_date, m.amount_minor, m.paid_minor, m.currency, m.status, e.id AS event_id, e.name AS event_name,
        e.manager_id, u.name AS owner_name
      FROM milestones m JOIN events e ON e.id = m.event_id LEFT JOIN users u ON u.id = e.manager_id
      WHERE m.status NOT IN ('paid', 'waived') AND m.due_date >= ${q.from} AND m.due_date <= ${q.to}
        ${scoped ? sql`AND ${linkedEvents('e.id')}` : sql``} ${owner('e.manager_id')}
      ORDER BY m.due_date`);
    for (const r of rows) {
      const owed = Number(r.amount_minor) - Number(r.paid_minor);
      out.push({
        key: `payment_due:${r.id}`,
        type: 'payment_due',
        refId: String(r.id),
        title: `${r.label} due · ${r.event_name}`,
        subtitle: formatMoney({ amountMinor: owed, currency: String(r.currency) as 'INR' }),
        allDay: true,
        start: String(r.due_date),
        end: String(r.due_date),
        ownerId: str(r.manager_id),
        ownerName: str(r.owner_name),
        href: role === 'client' ? `/portal/events/${r.event_id}#payments` : `/finance/events/${r.event_id}`,
        canMove: false,
        overdue: String(r.due_date) < todayIst,
      });
    }
  }

  if (want('vendor_arrival') && can('events:read') && (!scoped || role === 'vendor')) {
    const rows = await deps.db.all<Row>(sql`
      SELECT va.id, va.arrival_expected_at, va.scope, v.name AS vendor_name, e.id AS event_id, e.name AS event_name,
        e.manager_id, u.name AS owner_name
      FROM vendor_assignments va JOIN vendors v ON v.id = va.vendor_id JOIN events e ON e.id = va.event_id
        LEFT JOIN users u ON u.id = e.manager_id
      WHERE va.arrival_expected_at IS NOT NULL AND va.status <> 'cancelled'
        AND va.arrival_expected_at >= ${q.from} AND va.arrival_expected_at < ${toNext}
        ${scoped ? sql`AND ${linkedEvents('e.id')} AND v.user_id = ${viewer.id}` : sql``} ${owner('e.manager_id')}
      ORDER BY va.arrival_expected_at`);
    for (const r of rows) {
      const at = String(r.arrival_expected_at);
      const timed = at.length > 10;
      out.push({
        key: `vendor_arrival:${r.id}`,
        type: 'vendor_arrival',
        refId: String(r.id),
        title: `${r.vendor_name} arrives · ${r.event_name}`,
        subtitle: String(r.scope),
        allDay: !timed,
        start: at,
        end: timed ? new Date(new Date(at).getTime() + 60 * 60_000).toISOString() : at,
        ownerId: str(r.manager_id),
        ownerName: str(r.owner_name),
        href: `/events/${r.event_id}/workspace`,
        canMove: false,
        overdue: false,
      });
    }
  }

  if (want('preparation') && !scoped && can('events:read')) {
    const rows = await deps.db.all<Row>(sql`
      SELECT p.id, p.title, p.due_date, p.owner_id, u.name AS owner_name, e.id AS event_id, e.name AS event_name
      FROM preparation_milestones p JOIN events e ON e.id = p.event_id LEFT JOIN users u ON u.id = p.owner_id
      WHERE p.due_date >= ${q.from} AND p.due_date <= ${q.to} AND p.done_at IS NULL ${owner('p.owner_id')}
      ORDER BY p.due_date`);
    for (const r of rows)
      out.push({
        key: `preparation:${r.id}`,
        type: 'preparation',
        refId: String(r.id),
        title: `${r.title} · ${r.event_name}`,
        subtitle: null,
        allDay: true,
        start: String(r.due_date),
        end: String(r.due_date),
        ownerId: str(r.owner_id),
        ownerName: str(r.owner_name),
        href: `/events/${r.event_id}/client-page`,
        canMove: can('events:write'),
        overdue: String(r.due_date) < todayIst,
      });
  }
  return out;
}

const DAY = 86_400_000;

/** Moves one entry (drag and drop): events and steps by day, meetings and follow-ups keep their time of day and length. */
export async function moveCalendarEntry(
  deps: Deps,
  viewer: Viewer,
  type: CalendarType,
  id: string,
  start: string,
  origin: Origin,
): Promise<void> {
  if (needsEventLink(viewer.role)) throw new AppError('forbidden', 'Only the house’s staff reschedule.');
  const now = deps.now();
  const day = start.slice(0, 10);
  const needs = (p: Parameters<typeof hasPermission>[1]) => {
    if (!hasPermission(viewer.role, p))
      throw new AppError('forbidden', `Your role (${viewer.role}) does not allow this: it needs ${p}.`);
  };
  if (type === 'event') {
    needs('events:write');
    await deps.db.transaction(async (tx) => {
      const [e] = await tx.all<Row>(sql`SELECT id, start_date, end_date FROM events WHERE id = ${id}`);
      if (!e) throw notFound('That event');
      const length = daysBetween(String(e.start_date), String(e.end_date));
      const end = addDays(day, length);
      await tx.run(
        sql`UPDATE events SET start_date = ${day}, end_date = ${end}, updated_at = ${now.toISOString()} WHERE id = ${id}`,
      );
      await recordChange(tx, {
        type: 'event.rescheduled',
        aggregateType: 'event',
        aggregateId: id,
        payload: { from: String(e.start_date), to: day },
        actorId: viewer.id,
        at: now,
        audit: {
          before: { startDate: e.start_date, endDate: e.end_date },
          after: { startDate: day, endDate: end },
          ...origin,
        },
      });
    });
    return;
  }
  if (type === 'preparation') {
    needs('events:write');
    const [p] = await deps.db.all<Row>(
      sql`SELECT id, event_id, client_visible FROM preparation_milestones WHERE id = ${id}`,
    );
    if (!p) throw notFound('That preparation step');
    await deps.db.transaction(async (tx) => {
      await tx.run(
        sql`UPDATE preparation_milestones SET due_date = ${day}, updated_at = ${now.toISOString()} WHERE id = ${id}`,
      );
      const visible = Boolean(p.client_visible);
      await recordChange(tx, {
        type: 'preparation.updated',
        aggregateType: 'event',
        aggregateId: String(p.event_id),
        payload: { milestoneId: id, clientVisible: visible, wasClientVisible: visible, dueDate: day },
        actorId: viewer.id,
        at: now,
      });
    });
    return;
  }
  if (type === 'meeting') {
    if (!hasPermission(viewer.role, 'leads:write')) needs('events:write');
    const [m] = await deps.db.all<Row>(
      sql`SELECT id, starts_at, ends_at, lead_id, event_id FROM meetings WHERE id = ${id}`,
    );
    if (!m) throw notFound('That meeting');
    const oldStart = new Date(String(m.starts_at));
    const target =
      start.length > 10 ? new Date(start) : new Date(oldStart.getTime() + daysBetween(indiaDate(oldStart), day) * DAY);
    const shift = target.getTime() - oldStart.getTime();
    const newStart = new Date(oldStart.getTime() + shift).toISOString();
    const newEnd = new Date(new Date(String(m.ends_at)).getTime() + shift).toISOString();
    await deps.db.transaction(async (tx) => {
      await tx.run(
        sql`UPDATE meetings SET starts_at = ${newStart}, ends_at = ${newEnd}, sequence = sequence + 1, updated_at = ${now.toISOString()} WHERE id = ${id}`,
      );
      await recordChange(tx, {
        type: 'meeting.rescheduled',
        aggregateType: m.lead_id ? 'lead' : 'event',
        aggregateId: String(m.lead_id ?? m.event_id),
        payload: { meetingId: id, startsAt: newStart },
        actorId: viewer.id,
        at: now,
        audit: { before: { startsAt: m.starts_at }, after: { startsAt: newStart }, ...origin },
      });
    });
    return;
  }
  if (type === 'follow_up') {
    needs('leads:write');
    const [f] = await deps.db.all<Row>(sql`SELECT due_at FROM lead_follow_ups WHERE id = ${id}`);
    if (!f) throw notFound('That follow-up');
    const old = new Date(String(f.due_at));
    const due = start.length > 10 ? new Date(start) : new Date(old.getTime() + daysBetween(indiaDate(old), day) * DAY);
    await rescheduleFollowUp(deps, id, due.toISOString(), viewer, { actorId: viewer.id, ...origin });
    return;
  }
  throw new AppError(
    'unprocessable',
    'This kind of entry cannot be moved from the calendar: change it where it lives.',
  );
}
