import type { EventType, LeadSource } from '@mandap/shared';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './_columns.ts';
import { users } from './auth.ts';
import { communications, leads } from './records.ts';

/** Scheduled follow-ups per lead. The lead's `next_follow_up_at` mirrors its earliest open one. */
export const leadFollowUps = sqliteTable(
  'lead_follow_ups',
  {
    id: id(),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    ownerId: text('owner_id').references(() => users.id),
    dueAt: text('due_at').notNull(),
    note: text('note'),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull(),
    snoozeCount: integer('snooze_count').notNull().default(0),
    outcome: text('outcome'),
    completedAt: text('completed_at'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('follow_ups_owner_idx').on(t.ownerId, t.status, t.dueAt), index('follow_ups_lead_idx').on(t.leadId)],
);

/** Rules that route new leads to an owner; the lowest `position` that matches wins, else round-robin. */
export const leadAssignmentRules = sqliteTable('lead_assignment_rules', {
  id: id(),
  position: integer('position').notNull(),
  ownerId: text('owner_id')
    .notNull()
    .references(() => users.id),
  source: text('source').$type<LeadSource>(),
  city: text('city'),
  eventType: text('event_type').$type<EventType>(),
  createdAt: createdAt(),
});

/** Fixed-window counters for public endpoints (website form), per key (e.g. `website:<ip>`). */
export const intakeRateLimits = sqliteTable('intake_rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  hits: integer('hits').notNull(),
});

/** Files stored through the file-storage adapter (local disk by default), attached to a lead or a communication. */
export const storedFiles = sqliteTable(
  'stored_files',
  {
    id: id(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    leadId: text('lead_id').references(() => leads.id),
    communicationId: text('communication_id').references(() => communications.id),
    uploadedBy: text('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stored_files_key_uq').on(t.storageKey), index('stored_files_lead_idx').on(t.leadId)],
);
