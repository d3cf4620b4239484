import type { EventType } from '@mandap/shared/events';
import type { ColumnMapping, ImportCounts, ImportRowIssue, LeadSource } from '@mandap/shared/leads';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json } from './_columns.ts';
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

/**
 * A provider lead whose fields must still be fetched (a Meta leadgen id the Graph API did not
 * answer for yet). The job tick retries it with exponential backoff until the fields arrive;
 * the lead itself exists from the first delivery, so a retry fills it in and never books a twin.
 */
export const intakeFetches = sqliteTable(
  'intake_fetches',
  {
    id: id(),
    provider: text('provider', { enum: ['meta'] }).notNull(),
    externalRef: text('external_ref').notNull(),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    status: text('status', { enum: ['pending', 'done', 'gave_up'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    doneAt: text('done_at'),
  },
  (t) => [
    uniqueIndex('intake_fetches_ref_uq').on(t.provider, t.externalRef),
    index('intake_fetches_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/**
 * Event types the house added in settings ("Tilak", "Sufi night"), beside the built-in list
 * (shared EVENT_TYPES, the common Indian functions included). Leads, the importer and the
 * lead form read the two together.
 */
export const houseEventTypes = sqliteTable('house_event_types', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  createdBy: text('created_by').references(() => users.id),
  createdAt: createdAt(),
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

/**
 * A spreadsheet import: the whole file staged on the server, checked as one (the dry run),
 * then committed exactly as checked, and undoable while nothing has happened to its leads.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: id(),
    fileName: text('file_name').notNull(),
    kind: text('kind', { enum: ['csv', 'xlsx'] }).notNull(),
    encoding: text('encoding'),
    sheets: json<string[]>('sheets').notNull(),
    sheet: text('sheet'),
    headerLine: integer('header_line').notNull(),
    headers: json<string[]>('headers').notNull(),
    /** The header layout (normalised header names) the mapping is remembered by. */
    headerKey: text('header_key').notNull(),
    mapping: json<ColumnMapping>('mapping'),
    status: text('status', { enum: ['staged', 'checked', 'committed', 'undone'] }).notNull(),
    rowCount: integer('row_count').notNull(),
    blankLines: integer('blank_lines').notNull(),
    counts: json<ImportCounts>('counts'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    checkedAt: text('checked_at'),
    committedAt: text('committed_at'),
    undoneAt: text('undone_at'),
  },
  (t) => [index('import_batches_created_idx').on(t.createdAt)],
);

/** Every data row of a staged file, with its line in the file and what the dry run found. */
export const importRows = sqliteTable(
  'import_rows',
  {
    batchId: text('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    cells: json<string[]>('cells').notNull(),
    status: text('status', {
      enum: ['pending', 'ok', 'warning', 'error', 'duplicate', 'review', 'created', 'merged', 'skipped'],
    }).notNull(),
    issues: json<ImportRowIssue[]>('issues'),
    /** Exact duplicate of: an existing lead's code, or "line N" of this file. */
    duplicateOf: text('duplicate_of'),
    /** Possible duplicate: the existing lead a person compares this row with, and why. */
    matchLeadId: text('match_lead_id'),
    matchReason: text('match_reason'),
    decision: text('decision', { enum: ['merge', 'keep_both', 'skip'] }),
    /** The lead created from (or merged into by) this row at commit. */
    leadId: text('lead_id'),
    /** For a merge: the lead's fields before it, so an undo can put them back. */
    mergedBefore: json<Record<string, unknown>>('merged_before'),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.line] }), index('import_rows_status_idx').on(t.batchId, t.status)],
);

/** The column mapping last used for a header layout, offered again for the next file with the same headers. */
export const importMappings = sqliteTable('import_mappings', {
  headerKey: text('header_key').primaryKey(),
  mapping: json<ColumnMapping>('mapping').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});
