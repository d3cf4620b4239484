import type { DomainEventType } from '@mandap/shared/journal';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json } from './_columns.ts';

/** Append-only domain events, written in the same transaction as the change. `seq` orders them for SSE resume. */
export const eventLog = sqliteTable(
  'event_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    type: text('type').$type<DomainEventType>().notNull(),
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
    /** The domain event (event_log.id) this entry records the before and after of; not a booked event. */
    domainEventId: text('event_id'),
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
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_event_idx').on(t.domainEventId)],
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
    /**
     * pending → sending (claimed under a lease) → sent; a retryable failure goes back to
     * `failed` with a later `next_attempt_at`; after the last attempt `dead` (dead letter);
     * `not_sent` when it must not go (no provider, opted out, missing variable); `cancelled`.
     */
    status: text('status', {
      enum: ['pending', 'sending', 'sent', 'failed', 'dead', 'not_sent', 'cancelled'],
    }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    dedupeKey: text('dedupe_key'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: createdAt(),
    /** Which delivery runner holds the row and until when; an expired lease may be claimed again. */
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
    /** meta | interakt | smtp | web_push | in_app */
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    /** The furthest status the provider reported (sent, delivered, read) or failed. */
    providerStatus: text('provider_status', { enum: ['sent', 'delivered', 'read', 'failed'] }),
    deliveredAt: text('delivered_at'),
    /** Read by the recipient (WhatsApp read receipt, or the bell for in-app messages). */
    readAt: text('read_at'),
    /** Template category and the expected cost of a delivered WhatsApp template, in paise. */
    category: text('category'),
    costMinor: integer('cost_minor'),
    broadcastId: text('broadcast_id'),
    /** The staff member who sent it by hand (inbox reply, one-click send). */
    sentBy: text('sent_by'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_recipient_idx').on(t.recipient, t.createdAt),
    index('outbox_provider_msg_idx').on(t.providerMessageId),
    index('outbox_broadcast_idx').on(t.broadcastId),
    // The dashboard's week of notifications: a range on created_at that also covers the
    // columns it counts, so the counts never touch the table.
    index('outbox_created_idx').on(t.createdAt, t.status, t.providerStatus, t.deliveredAt, t.readAt),
  ],
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
