import type { BookingState, EventType } from '@mandap/shared/events';
import type { LeadSource, LeadStage, LeadTemperature } from '@mandap/shared/leads';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, currency, id, json, money, updatedAt } from './_columns.ts';
import { users } from './auth.ts';

/** Counters behind human codes (LD-2026-0001, QT/2026-27/0001): one row per kind and year, incremented atomically. */
export const codeSequences = sqliteTable('code_sequences', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});

export const clients = sqliteTable(
  'clients',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    billingName: text('billing_name'),
    email: text('email'),
    phone: text('phone'),
    gstin: text('gstin'),
    billingAddress: text('billing_address'),
    /** GST state code (two digits) for place of supply. */
    stateCode: text('state_code'),
    currency: currency('currency_preference'),
    whatsappOptIn: integer('whatsapp_opt_in', { mode: 'boolean' }).notNull().default(false),
    referredByClientId: text('referred_by_client_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('clients_code_uq').on(t.code), index('clients_phone_idx').on(t.phone)],
);

export interface LeadFunction {
  name: string;
  date: string | null;
  guestCount: number | null;
}
export interface LeadAttribution {
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  utmTerm?: string;
  utmContent?: string;
  landingPage?: string;
  referrer?: string;
  /** Google's click id (gclid), kept as itself, not folded into a UTM field. */
  gclid?: string;
  /** The ad platform's own ids, for campaign ROI: campaign, ad group/ad set, ad, form. */
  campaignId?: string;
  adGroupId?: string;
  adId?: string;
  formId?: string;
}

export const leads = sqliteTable(
  'leads',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** E.164, e.g. +919820012345 */
    phone: text('phone'),
    email: text('email'),
    source: text('source').$type<LeadSource>().notNull(),
    sourceDetail: text('source_detail'),
    /** Provider-side id (Meta leadgen id, Google lead id, import row hash) for de-duplication. */
    externalRef: text('external_ref'),
    stage: text('stage').$type<LeadStage>().notNull(),
    temperature: text('temperature').$type<LeadTemperature>().notNull().default('warm'),
    ownerId: text('owner_id').references(() => users.id),
    eventType: text('event_type').$type<EventType>(),
    eventDateFrom: text('event_date_from'),
    eventDateTo: text('event_date_to'),
    functions: json<LeadFunction[]>('functions'),
    city: text('city'),
    venue: text('venue'),
    isDestination: integer('is_destination', { mode: 'boolean' }).notNull().default(false),
    guestCount: integer('guest_count'),
    budgetMinMinor: money('budget_min_minor'),
    budgetMaxMinor: money('budget_max_minor'),
    budgetCurrency: currency('budget_currency'),
    requirements: text('requirements'),
    attribution: json<LeadAttribution>('attribution'),
    referredByClientId: text('referred_by_client_id').references(() => clients.id),
    nextFollowUpAt: text('next_follow_up_at'),
    lostReason: text('lost_reason'),
    clientId: text('client_id').references(() => clients.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('leads_code_uq').on(t.code),
    index('leads_stage_idx').on(t.stage, t.createdAt, t.id),
    index('leads_source_idx').on(t.source, t.createdAt, t.id),
    // The board and table filter by stage and source together; their total is counted on this index alone.
    index('leads_stage_source_idx').on(t.stage, t.source, t.createdAt, t.id),
    index('leads_owner_idx').on(t.ownerId),
    index('leads_phone_idx').on(t.phone),
    index('leads_email_idx').on(t.email),
    uniqueIndex('leads_external_uq').on(t.source, t.externalRef),
    index('leads_follow_up_idx').on(t.nextFollowUpAt),
    // List sorts (newest first, by budget, by event date) and their id tie-breaker walk these.
    index('leads_created_idx').on(t.createdAt, t.id),
    index('leads_budget_idx').on(t.budgetMaxMinor, t.id),
    index('leads_event_date_idx').on(t.eventDateFrom, t.id),
    // Marketing filters: expression indexes on attribution (utm_source; campaign) are in the custom
    // migration 0018_lead_campaign_indexes.sql, because drizzle-kit splits an expression at its commas.
  ],
);

export const events = sqliteTable(
  'events',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    clientId: text('client_id').references(() => clients.id),
    leadId: text('lead_id').references(() => leads.id),
    eventType: text('event_type').$type<EventType>().notNull(),
    status: text('status').$type<BookingState>().notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    city: text('city').notNull(),
    venue: text('venue'),
    guestCount: integer('guest_count'),
    isDestination: integer('is_destination', { mode: 'boolean' }).notNull().default(false),
    managerId: text('manager_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('events_code_uq').on(t.code), index('events_start_idx').on(t.startDate)],
);

/** Which external users (vendor, client) may see which event, and how. Internal staff need no row. */
export const eventAccess = sqliteTable(
  'event_access',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    access: text('access', { enum: ['read', 'write'] })
      .notNull()
      .default('read'),
    /**
     * Why the link exists: `manual` (added by a person on the event page or the API; survives the
     * vendor's assignments being cancelled) or `assignment` (made when the vendor was assigned;
     * removed when their last live assignment on the event is cancelled). Links made before this
     * column read as `manual`, so nothing is revoked that nobody knew would be.
     */
    source: text('source', { enum: ['manual', 'assignment'] })
      .notNull()
      .default('manual'),
    /** Who granted it (null for the seed and links made before this column). */
    grantedBy: text('granted_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('event_access_user_idx').on(t.userId)],
);

export const communications = sqliteTable(
  'communications',
  {
    id: id(),
    leadId: text('lead_id').references(() => leads.id),
    eventId: text('event_id').references(() => events.id),
    kind: text('kind', { enum: ['call', 'whatsapp', 'meeting', 'email', 'note'] }).notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound', 'internal'] }),
    outcome: text('outcome'),
    durationSeconds: integer('duration_seconds'),
    body: text('body'),
    details: json<Record<string, unknown>>('details'),
    occurredAt: text('occurred_at').notNull(),
    byUserId: text('by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('comms_lead_idx').on(t.leadId, t.occurredAt), index('comms_event_idx').on(t.eventId, t.occurredAt)],
);
