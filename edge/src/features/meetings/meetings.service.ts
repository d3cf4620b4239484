import { isScopedRole } from '@mandap/shared/access';
import { buildIcs, type Meeting, type MeetingOutcome, type ScheduleMeeting } from '@mandap/shared/calendar';
import { newId } from '@mandap/shared/common';
import { and, desc, eq } from 'drizzle-orm';
import { communications, events, leads, meetings, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { createGoogleMeeting, googleCalendarConfigured } from './google-calendar.ts';

type MeetingRow = typeof meetings.$inferSelect;

function staffOnly(viewer: Viewer) {
  if (isScopedRole(viewer.role)) throw new AppError('forbidden', 'Only the house’s staff schedule meetings.');
}

function toMeeting(r: MeetingRow, organizerName: string | null): Meeting {
  return {
    id: r.id,
    leadId: r.leadId,
    eventId: r.eventId,
    title: r.title,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    location: r.location,
    attendees: r.attendees.map((a) => ({ name: a.name, email: a.email, phone: a.phone })),
    provider: r.provider,
    meetUrl: r.meetUrl,
    status: r.status,
    outcome: r.outcome,
    organizerName,
    inviteUrl: `/api/meetings/${r.id}/invite.ics`,
  };
}

/**
 * Schedules a meeting from a lead or an event. With Google configured it is created in Google
 * Calendar with a Meet link (Google emails the attendees); otherwise it gets an .ics invitation
 * to send. Either way it is on the calendar and on the lead's or event's timeline.
 */
export async function scheduleMeeting(deps: Deps, viewer: Viewer, input: ScheduleMeeting): Promise<Meeting> {
  staffOnly(viewer);
  const now = deps.now();
  const target = input.leadId
    ? (await deps.db.select({ id: leads.id, name: leads.name }).from(leads).where(eq(leads.id, input.leadId)))[0]
    : (await deps.db.select({ id: events.id, name: events.name }).from(events).where(eq(events.id, input.eventId!)))[0];
  if (!target) throw notFound(input.leadId ? 'That lead' : 'That event');
  const id = newId();
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(new Date(input.startsAt).getTime() + input.durationMinutes * 60_000).toISOString();
  let provider: 'google' | 'ics' = 'ics';
  let providerEventId: string | null = null;
  let meetUrl: string | null = null;
  if (googleCalendarConfigured(deps.env)) {
    // Outside the transaction: a slow provider must not hold the database's write turn.
    const created = await createGoogleMeeting(
      deps.env,
      {
        meetingId: id,
        title: input.title,
        description: `${input.leadId ? 'Lead' : 'Event'}: ${target.name}. Scheduled by ${viewer.name}.`,
        startsAt,
        endsAt,
        location: input.location,
        attendees: input.attendees.filter((a) => a.email).map((a) => ({ name: a.name, email: a.email! })),
      },
      now,
    );
    provider = 'google';
    providerEventId = created.providerEventId;
    meetUrl = created.meetUrl;
  }
  const row: MeetingRow = {
    id,
    leadId: input.leadId ?? null,
    eventId: input.eventId ?? null,
    title: input.title,
    startsAt,
    endsAt,
    location: input.location,
    attendees: input.attendees,
    provider,
    providerEventId,
    meetUrl,
    sequence: 0,
    status: 'scheduled',
    outcome: null,
    organizerId: viewer.id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(meetings).values(row);
    await recordChange(tx, {
      type: 'meeting.scheduled',
      aggregateType: input.leadId ? 'lead' : 'event',
      aggregateId: target.id,
      payload: { meetingId: id, startsAt, provider, meetUrl },
      actorId: viewer.id,
      at: now,
    });
  });
  return toMeeting(row, viewer.name);
}

export async function listMeetings(
  deps: Deps,
  viewer: Viewer,
  q: { leadId?: string | undefined; eventId?: string | undefined },
): Promise<Meeting[]> {
  staffOnly(viewer);
  const where = q.leadId ? eq(meetings.leadId, q.leadId) : q.eventId ? eq(meetings.eventId, q.eventId) : undefined;
  if (!where) throw new AppError('validation_failed', 'Name a lead or an event.', { fields: { leadId: 'required' } });
  const rows = await deps.db
    .select({ m: meetings, by: users.name })
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.organizerId))
    .where(where)
    .orderBy(desc(meetings.startsAt));
  return rows.map((r) => toMeeting(r.m, r.by));
}

async function loadMeeting(deps: Deps, id: string) {
  const [r] = await deps.db
    .select({ m: meetings, by: users.name, byEmail: users.email })
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.organizerId))
    .where(eq(meetings.id, id));
  if (!r) throw notFound('That meeting');
  return r;
}

/**
 * After the meeting: the notes, the references shown, the client's reactions and the
 * decisions, saved on the meeting and logged on the lead's (or event's) timeline as a meeting.
 */
export async function recordMeetingOutcome(
  deps: Deps,
  viewer: Viewer,
  id: string,
  outcome: MeetingOutcome,
): Promise<Meeting> {
  staffOnly(viewer);
  const now = deps.now();
  const { m, by } = await loadMeeting(deps, id);
  if (m.status === 'cancelled') throw new AppError('conflict', 'This meeting was cancelled.');
  const minutes = Math.round((Date.parse(m.endsAt) - Date.parse(m.startsAt)) / 60_000);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({ status: 'held', outcome, updatedAt: now.toISOString() })
      .where(and(eq(meetings.id, id)));
    // One timeline entry per meeting: a corrected outcome replaces the details, not adds a twin.
    const details = {
      meetingId: id,
      references: outcome.references,
      reactions: outcome.reactions,
      decisions: outcome.decisions,
    };
    const [existing] = await tx
      .select({ id: communications.id })
      .from(communications)
      .where(and(eq(communications.kind, 'meeting'), eq(communications.outcome, `meeting:${id}`)));
    if (existing) {
      await tx.update(communications).set({ body: outcome.notes, details }).where(eq(communications.id, existing.id));
    } else {
      await tx.insert(communications).values({
        id: newId(),
        leadId: m.leadId,
        eventId: m.eventId,
        kind: 'meeting',
        direction: 'outbound',
        outcome: `meeting:${id}`,
        durationSeconds: minutes * 60,
        body: outcome.notes,
        details,
        occurredAt: m.startsAt,
        byUserId: viewer.id,
        createdAt: now.toISOString(),
      });
    }
    await recordChange(tx, {
      type: 'meeting.held',
      aggregateType: m.leadId ? 'lead' : 'event',
      aggregateId: (m.leadId ?? m.eventId)!,
      payload: { meetingId: id, decisions: outcome.decisions },
      actorId: viewer.id,
      at: now,
    });
  });
  return toMeeting({ ...m, status: 'held', outcome }, by);
}

/** The meeting's .ics invitation (METHOD:REQUEST), with a SEQUENCE that grows on each change. */
export async function meetingInvite(deps: Deps, viewer: Viewer, id: string): Promise<{ name: string; text: string }> {
  staffOnly(viewer);
  const { m, by, byEmail } = await loadMeeting(deps, id);
  const base = deps.env.PUBLIC_URL.replace(/\/$/, '');
  const text = buildIcs({
    name: m.title,
    method: m.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    events: [
      {
        uid: `meeting-${m.id}@mandap`,
        title: m.title,
        description: m.meetUrl ? `Join: ${m.meetUrl}` : null,
        location: m.meetUrl ?? m.location,
        url: m.meetUrl ?? `${base}/calendar`,
        allDay: false,
        start: m.startsAt,
        end: m.endsAt,
        organizer: byEmail ? { name: by ?? 'Mandap', email: byEmail } : null,
        attendees: m.attendees.filter((a) => a.email).map((a) => ({ name: a.name, email: a.email! })),
        sequence: m.sequence,
        status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        stamp: deps.now(),
      },
    ],
  });
  return { name: `${m.title.replace(/[^\w -]+/g, '').trim() || 'meeting'}.ics`, text };
}
