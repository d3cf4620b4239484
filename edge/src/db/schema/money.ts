import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, currency, id, json, money, updatedAt } from './_columns.ts';
import { users } from './auth.ts';
import { clients, events, leads } from './records.ts';

/** An FX snapshot as frozen on a quote version, payment or journal entry. */
export interface FxSnapshot {
  base: string;
  quote: string;
  /** Units of `quote` per one `base`, as a decimal string (never a float in storage). */
  rate: string;
  source: string;
  asOf: string;
}

export const fxRates = sqliteTable(
  'fx_rates',
  {
    id: id(),
    base: text('base').notNull(),
    quote: text('quote').notNull(),
    rate: text('rate').notNull(),
    source: text('source', { enum: ['exchangerate_api', 'manual'] }).notNull(),
    asOf: text('as_of').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('fx_pair_idx').on(t.base, t.quote, t.asOf)],
);

export const quotes = sqliteTable(
  'quotes',
  {
    id: id(),
    code: text('code').notNull(),
    leadId: text('lead_id').references(() => leads.id),
    eventId: text('event_id').references(() => events.id),
    clientId: text('client_id').references(() => clients.id),
    status: text('status', {
      enum: ['draft', 'sent', 'viewed', 'accepted', 'rejected', 'expired', 'superseded'],
    }).notNull(),
    currency: currency(),
    currentVersion: integer('current_version').notNull().default(0),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('quotes_code_uq').on(t.code)],
);

/** A frozen version of a quote: never updated once sent (a later change is a new version). */
export const quoteVersions = sqliteTable(
  'quote_versions',
  {
    id: id(),
    quoteId: text('quote_id')
      .notNull()
      .references(() => quotes.id),
    version: integer('version').notNull(),
    status: text('status', {
      enum: ['draft', 'sent', 'viewed', 'accepted', 'rejected', 'expired', 'superseded'],
    }).notNull(),
    isChangeOrder: integer('is_change_order', { mode: 'boolean' }).notNull().default(false),
    currency: currency(),
    fx: json<FxSnapshot>('fx'),
    lines: json<unknown[]>('lines').notNull(),
    subtotalMinor: money('subtotal_minor').notNull(),
    discountMinor: money('discount_minor').notNull().default(0),
    taxMinor: money('tax_minor').notNull(),
    totalMinor: money('total_minor').notNull(),
    totalInrMinor: money('total_inr_minor').notNull(),
    validUntil: text('valid_until'),
    notes: text('notes'),
    terms: text('terms'),
    sentAt: text('sent_at'),
    acceptedAt: text('accepted_at'),
    acceptance: json<Record<string, string>>('acceptance'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('quote_versions_uq').on(t.quoteId, t.version)],
);

export const milestones = sqliteTable(
  'milestones',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    quoteVersionId: text('quote_version_id').references(() => quoteVersions.id),
    seq: integer('seq').notNull(),
    label: text('label').notNull(),
    dueDate: text('due_date').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: currency(),
    paidMinor: money('paid_minor').notNull().default(0),
    status: text('status', { enum: ['pending', 'partially_paid', 'paid', 'overdue', 'waived'] }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('milestones_event_idx').on(t.eventId, t.seq), index('milestones_due_idx').on(t.dueDate)],
);

export const journalEntries = sqliteTable(
  'journal_entries',
  {
    id: id(),
    occurredAt: text('occurred_at').notNull(),
    memo: text('memo').notNull(),
    eventId: text('event_id').references(() => events.id),
    clientId: text('client_id').references(() => clients.id),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id'),
    fx: json<FxSnapshot>('fx'),
    reversesEntryId: text('reverses_entry_id'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('journal_event_idx').on(t.eventId), index('journal_client_idx').on(t.clientId)],
);

/** Append-only (triggers refuse UPDATE and DELETE). Amounts are signed: debit positive, credit negative. */
export const postings = sqliteTable(
  'postings',
  {
    id: id(),
    entryId: text('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    account: text('account').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: currency(),
    amountInrMinor: money('amount_inr_minor').notNull(),
  },
  (t) => [index('postings_entry_idx').on(t.entryId), index('postings_account_idx').on(t.account)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: id(),
    code: text('code').notNull(),
    eventId: text('event_id').references(() => events.id),
    clientId: text('client_id').references(() => clients.id),
    mode: text('mode', {
      enum: ['upi', 'neft', 'rtgs', 'imps', 'cash', 'cheque', 'card', 'razorpay', 'stripe'],
    }).notNull(),
    reference: text('reference'),
    receivedOn: text('received_on').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: currency(),
    fx: json<FxSnapshot>('fx'),
    amountInrMinor: money('amount_inr_minor').notNull(),
    journalEntryId: text('journal_entry_id').references(() => journalEntries.id),
    reversesPaymentId: text('reverses_payment_id'),
    allocations: json<{ milestoneId: string; amountMinor: number }[]>('allocations'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('payments_code_uq').on(t.code), index('payments_event_idx').on(t.eventId)],
);

/** Stored responses of money-moving writes, keyed by the caller's Idempotency-Key. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    scope: text('scope').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['in_progress', 'done'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_uq').on(t.scope, t.key)],
);
