import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json, updatedAt } from './_columns.ts';
import { users } from './auth.ts';
import { events, leads } from './records.ts';

/**
 * A link to the client's live event page. The URL carries `<id>.<expiry>.<HMAC>` (shared
 * signed-link, portal purpose); the row makes it revocable and shows who shared it, until when.
 */
export const portalLinks = sqliteTable(
  'portal_links',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    /** Who it was made for ("Ananya, the bride's mother"), for staff only. */
    label: text('label'),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by').references(() => users.id),
    lastOpenedAt: text('last_opened_at'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('portal_links_event_idx').on(t.eventId)],
);

/** Preparation steps of an event ("Floral arrangements confirmed"); the client sees those marked client-visible. */
export const preparationMilestones = sqliteTable(
  'preparation_milestones',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    title: text('title').notNull(),
    dueDate: text('due_date'),
    clientVisible: integer('client_visible', { mode: 'boolean' }).notNull().default(false),
    doneAt: text('done_at'),
    ownerId: text('owner_id').references(() => users.id),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('prep_milestones_event_idx').on(t.eventId), index('prep_milestones_due_idx').on(t.dueDate)],
);

/** A user's calendar feed (.ics) secret: only its SHA-256 is kept; rotating replaces it, revoking deletes it. */
export const calendarFeeds = sqliteTable('calendar_feeds', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  secretHash: text('secret_hash').notNull(),
  createdAt: createdAt(),
});

export interface MeetingAttendee {
  name: string;
  email: string | null;
  phone: string | null;
}
export interface MeetingReference {
  title: string;
  url: string | null;
}
export interface MeetingOutcome {
  notes: string;
  references: MeetingReference[];
  reactions: string;
  decisions: string;
}

/** A meeting with a client, from a lead or an event: Google Meet through Google Calendar when configured, else an .ics invitation. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: id(),
    leadId: text('lead_id').references(() => leads.id),
    eventId: text('event_id').references(() => events.id),
    title: text('title').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    location: text('location'),
    attendees: json<MeetingAttendee[]>('attendees').notNull(),
    provider: text('provider', { enum: ['google', 'ics'] }).notNull(),
    providerEventId: text('provider_event_id'),
    meetUrl: text('meet_url'),
    /** Bumped on each change: the SEQUENCE of the .ics invitation. */
    sequence: integer('sequence').notNull().default(0),
    status: text('status', { enum: ['scheduled', 'held', 'cancelled'] }).notNull(),
    outcome: json<MeetingOutcome>('outcome'),
    organizerId: text('organizer_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meetings_lead_idx').on(t.leadId),
    index('meetings_event_idx').on(t.eventId),
    index('meetings_starts_idx').on(t.startsAt),
  ],
);
