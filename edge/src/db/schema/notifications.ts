import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json } from './_columns.ts';

/** How far a consumer of the event log has read (the lifecycle moments' cursor). */
export const eventLogCursors = sqliteTable('event_log_cursors', {
  name: text('name').primaryKey(),
  seq: integer('seq').notNull().default(0),
  updatedAt: text('updated_at').notNull(),
});

/** Switches for the lifecycle moments (a missing row: on) and the per-category WhatsApp prices. */
export const notificationSettings = sqliteTable('notification_settings', {
  key: text('key').primaryKey(),
  value: json<Record<string, unknown>>('value').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: text('updated_at').notNull(),
});

/**
 * One WhatsApp contact, keyed by E.164 phone: their consent and the shared inbox thread state
 * (linked lead or event, assigned agent, unread count, last inbound for the 24-hour window).
 */
export const whatsappContacts = sqliteTable(
  'whatsapp_contacts',
  {
    phone: text('phone').primaryKey(),
    name: text('name'),
    leadId: text('lead_id'),
    eventId: text('event_id'),
    consent: text('consent', { enum: ['unknown', 'opted_in', 'opted_out'] })
      .notNull()
      .default('unknown'),
    consentSource: text('consent_source'),
    consentAt: text('consent_at'),
    assigneeId: text('assignee_id'),
    unread: integer('unread').notNull().default(0),
    lastInboundAt: text('last_inbound_at'),
    lastMessageAt: text('last_message_at'),
    lastPreview: text('last_preview'),
    createdAt: createdAt(),
  },
  (t) => [index('wa_contacts_last_idx').on(t.lastMessageAt)],
);

/** Every consent change with its source and time (DPDP Act record). Append-only by use. */
export const consentLog = sqliteTable(
  'consent_log',
  {
    id: id(),
    phone: text('phone').notNull(),
    consent: text('consent', { enum: ['opted_in', 'opted_out'] }).notNull(),
    source: text('source').notNull(),
    byUserId: text('by_user_id'),
    at: text('at').notNull(),
  },
  (t) => [index('consent_log_phone_idx').on(t.phone, t.at)],
);

/** Inbound WhatsApp messages, one per provider message id (a redelivered webhook records nothing new). */
export const whatsappInbound = sqliteTable(
  'whatsapp_inbound',
  {
    id: id(),
    phone: text('phone').notNull(),
    providerMessageId: text('provider_message_id').notNull(),
    kind: text('kind').notNull(),
    body: text('body'),
    sentAt: text('sent_at').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('wa_inbound_msg_uq').on(t.providerMessageId),
    index('wa_inbound_phone_idx').on(t.phone, t.sentAt),
  ],
);

/** A broadcast: a segment, a template and a schedule; its messages are outbox rows with its id. */
export const broadcasts = sqliteTable('broadcasts', {
  id: id(),
  name: text('name').notNull(),
  template: text('template').notNull(),
  variables: json<Record<string, string>>('variables').notNull(),
  segment: json<Record<string, unknown>>('segment').notNull(),
  scheduledAt: text('scheduled_at').notNull(),
  recipients: integer('recipients').notNull(),
  skipped: integer('skipped').notNull().default(0),
  expectedCostMinor: integer('expected_cost_minor').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

/** Web push subscriptions of staff browsers (VAPID). */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: id(),
    userId: text('user_id').notNull(),
    endpoint: text('endpoint').notNull(),
    keys: json<{ p256dh: string; auth: string }>('keys').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('push_endpoint_uq').on(t.endpoint), index('push_user_idx').on(t.userId)],
);

/**
 * The provider's pace, shared by every delivery runner: the next free send slot (milliseconds
 * since the epoch) per provider. Runners reserve slots with one atomic UPDATE … RETURNING, so
 * together they never start more sends per second than the provider allows.
 */
export const deliveryPace = sqliteTable('delivery_pace', {
  key: text('key').primaryKey(),
  nextAtMs: integer('next_at_ms').notNull(),
});
