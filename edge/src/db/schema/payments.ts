import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, currency, id, json, money, updatedAt } from './_columns.ts';
import { users } from './auth.ts';
import { journalEntries, milestones, payments } from './money.ts';
import { clients, events } from './records.ts';

/**
 * GST tax invoices and credit notes. `number` is consecutive per kind and financial year
 * (INV/2627/000123); a credit note names the payment it refunds.
 */
export const taxDocuments = sqliteTable(
  'tax_documents',
  {
    id: id(),
    kind: text('kind', { enum: ['invoice', 'credit_note'] }).notNull(),
    number: text('number').notNull(),
    financialYear: text('financial_year').notNull(),
    seq: integer('seq').notNull(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    clientId: text('client_id').references(() => clients.id),
    milestoneId: text('milestone_id').references(() => milestones.id),
    paymentId: text('payment_id').references(() => payments.id),
    currency: currency(),
    taxableMinor: money('taxable_minor').notNull(),
    cgstMinor: money('cgst_minor').notNull(),
    sgstMinor: money('sgst_minor').notNull(),
    igstMinor: money('igst_minor').notNull(),
    totalMinor: money('total_minor').notNull(),
    totalInrMinor: money('total_inr_minor').notNull(),
    placeOfSupply: text('place_of_supply'),
    buyer: json<{ name: string; gstin: string | null; address: string | null }>('buyer').notNull(),
    journalEntryId: text('journal_entry_id').references(() => journalEntries.id),
    issuedOn: text('issued_on').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tax_documents_number_uq').on(t.kind, t.number),
    uniqueIndex('tax_documents_seq_uq').on(t.kind, t.financialYear, t.seq),
    index('tax_documents_event_idx').on(t.eventId),
  ],
);

/** A gateway payment link for one milestone (Razorpay in INR, Stripe for foreign currency). */
export const paymentLinks = sqliteTable(
  'payment_links',
  {
    id: id(),
    provider: text('provider', { enum: ['razorpay', 'stripe'] }).notNull(),
    providerLinkId: text('provider_link_id').notNull(),
    milestoneId: text('milestone_id')
      .notNull()
      .references(() => milestones.id),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    url: text('url').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: currency(),
    /** Set once by a cancelled or expired webhook; paid in full still wins. */
    closedAs: text('closed_as', { enum: ['cancelled', 'expired'] }),
    status: text('status', { enum: ['created', 'partially_paid', 'paid', 'cancelled', 'expired'] }).notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payment_links_provider_uq').on(t.provider, t.providerLinkId),
    index('payment_links_milestone_idx').on(t.milestoneId),
  ],
);

/** One row per gateway payment id: the same capture reported by several webhooks records one payment. */
export const gatewayPayments = sqliteTable(
  'gateway_payments',
  {
    provider: text('provider', { enum: ['razorpay', 'stripe'] }).notNull(),
    providerPaymentId: text('provider_payment_id').notNull(),
    linkId: text('link_id')
      .notNull()
      .references(() => paymentLinks.id),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    /** What the gateway reported capturing (null on rows from before this was kept). */
    amountMinor: money('amount_minor'),
    currency: text('currency'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('gateway_payments_uq').on(t.provider, t.providerPaymentId)],
);

/**
 * A gateway capture no payment link could be matched to (unknown link, or another currency
 * than its link): booked to `suspense:<gateway>` and answered 200, until finance resolves it
 * to an event (or the gateway refunds it).
 */
export const gatewaySuspense = sqliteTable(
  'gateway_suspense',
  {
    id: id(),
    provider: text('provider', { enum: ['razorpay', 'stripe'] }).notNull(),
    providerPaymentId: text('provider_payment_id').notNull(),
    /** What the delivery named as its link, if anything (for finance to trace). */
    linkRef: text('link_ref'),
    reason: text('reason').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: currency(),
    amountInrMinor: money('amount_inr_minor').notNull(),
    receivedOn: text('received_on').notNull(),
    journalEntryId: text('journal_entry_id').references(() => journalEntries.id),
    /** Refunded at the gateway while still in suspense. */
    refundedMinor: money('refunded_minor').notNull().default(0),
    status: text('status', { enum: ['open', 'resolved', 'refunded'] }).notNull(),
    resolvedPaymentId: text('resolved_payment_id').references(() => payments.id),
    resolvedBy: text('resolved_by').references(() => users.id),
    resolvedAt: text('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('gateway_suspense_uq').on(t.provider, t.providerPaymentId)],
);

/** One row per gateway refund id: a refund reported by several webhooks is booked once. */
export const gatewayRefunds = sqliteTable(
  'gateway_refunds',
  {
    provider: text('provider', { enum: ['razorpay', 'stripe'] }).notNull(),
    providerRefundId: text('provider_refund_id').notNull(),
    providerPaymentId: text('provider_payment_id').notNull(),
    amountMinor: money('amount_minor').notNull(),
    currency: currency(),
    /** The negative payment row it became, or null when it released suspense money. */
    paymentId: text('payment_id').references(() => payments.id),
    suspenseId: text('suspense_id').references(() => gatewaySuspense.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('gateway_refunds_uq').on(t.provider, t.providerRefundId),
    index('gateway_refunds_payment_idx').on(t.provider, t.providerPaymentId),
  ],
);

/** Credit on account (an event's unallocated advance) applied by finance to its milestones. */
export const creditApplications = sqliteTable(
  'credit_applications',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    currency: currency(),
    amountMinor: money('amount_minor').notNull(),
    allocations: json<{ milestoneId: string; amountMinor: number }[]>('allocations').notNull(),
    journalEntryId: text('journal_entry_id')
      .notNull()
      .references(() => journalEntries.id),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('credit_applications_event_idx').on(t.eventId)],
);
