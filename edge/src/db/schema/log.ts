import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json } from './_columns.ts';

/** Append-only domain events, written in the same transaction as the change. `seq` orders them for SSE resume. */
export const eventLog = sqliteTable(
  'event_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    actorId: text('actor_id'),
    occurredAt: text('occurred_at').notNull(),
  },
  (t) => [uniqueIndex('event_log_id_uq').on(t.id), index('event_log_aggregate_idx').on(t.aggregateType, t.aggregateId)],
);

/** Who changed what, with before and after. Append-only. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: json<Record<string, unknown>>('before'),
    after: json<Record<string, unknown>>('after'),
    ip: text('ip'),
    requestId: text('request_id'),
    at: text('at').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId)],
);

/** Messages waiting to go out (email, WhatsApp, in-app). Delivery workers claim rows; `dedupeKey` stops twins. */
export const notificationOutbox = sqliteTable(
  'notification_outbox',
  {
    id: id(),
    channel: text('channel', { enum: ['email', 'whatsapp', 'sms', 'in_app'] }).notNull(),
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    dedupeKey: text('dedupe_key'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey), index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Every inbound webhook as received, verified or not, with why it was accepted or refused. */
export const webhookInbox = sqliteTable(
  'webhook_inbox',
  {
    id: id(),
    provider: text('provider').notNull(),
    providerEventId: text('provider_event_id'),
    signatureValid: integer('signature_valid', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['received', 'processed', 'rejected', 'duplicate', 'failed'] }).notNull(),
    reason: text('reason'),
    headers: json<Record<string, string>>('headers'),
    body: text('body').notNull(),
    receivedAt: text('received_at').notNull(),
    processedAt: text('processed_at'),
  },
  (t) => [
    uniqueIndex('webhook_provider_event_uq').on(t.provider, t.providerEventId),
    index('webhook_received_idx').on(t.receivedAt),
  ],
);
