import type { AssignmentStatus, PoLine, VendorContact } from '@mandap/shared/vendors';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, currency, id, json, money, updatedAt } from './_columns.ts';
import { users } from './auth.ts';
import { type FxSnapshot, journalEntries } from './money.ts';
import { events } from './records.ts';

export const vendors = sqliteTable(
  'vendors',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    contacts: json<VendorContact[]>('contacts'),
    gstin: text('gstin'),
    pan: text('pan'),
    foreignTaxId: text('foreign_tax_id'),
    city: text('city'),
    country: text('country').notNull().default('IN'),
    currency: currency(),
    ifsc: text('ifsc'),
    bankName: text('bank_name'),
    /**
     * Bank details as AES-256-GCM ciphertext (`v1.<keyId>.<iv>.<ciphertext>`), bound to this
     * row by associated data; never plaintext. See features/vendors/bank-crypto.ts.
     */
    bankCipher: text('bank_cipher'),
    /** Legacy plaintext column from the first schema: never written (always null); see bankCipher. */
    bank: json<Record<string, string>>('bank'),
    /** The last four characters of the account number, for the masked display. */
    bankLast4: text('bank_last4'),
    /** The vendor portal login, if the vendor has one. */
    userId: text('user_id').references(() => users.id),
    notes: text('notes'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('vendors_code_uq').on(t.code),
    index('vendors_category_idx').on(t.category),
    index('vendors_user_idx').on(t.userId),
  ],
);

/** Categories added in Settings beside the built-in list. */
export const vendorCategories = sqliteTable('vendor_categories', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  createdAt: createdAt(),
});

export const vendorAssignments = sqliteTable(
  'vendor_assignments',
  {
    id: id(),
    vendorId: text('vendor_id')
      .notNull()
      .references(() => vendors.id),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    scope: text('scope').notNull(),
    budgetCategory: text('budget_category'),
    /** PO/2026-27/0001: gapless per financial year, given when the assignment is created. */
    poNumber: text('po_number'),
    poDate: text('po_date'),
    lines: json<PoLine[]>('lines'),
    amountMinor: money('amount_minor').notNull(),
    currency: currency(),
    terms: text('terms'),
    milestones: json<{ label: string; date: string }[]>('milestones'),
    status: text('status').$type<AssignmentStatus>().notNull(),
    arrivalExpectedAt: text('arrival_expected_at'),
    checkedInAt: text('checked_in_at'),
    /** The journal entry that booked the PO as payable when it was confirmed (in the PO's currency, with its INR value). */
    accrualEntryId: text('accrual_entry_id').references(() => journalEntries.id),
    /** When the vendor accepted the PO through its share link, and the name they typed. */
    poAcceptedAt: text('po_accepted_at'),
    poAcceptedName: text('po_accepted_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('va_event_idx').on(t.eventId),
    index('va_vendor_idx').on(t.vendorId),
    uniqueIndex('va_po_uq').on(t.poNumber),
  ],
);

/** "Décor must finish before lighting starts": one assignment waiting on another. */
export const vendorDependencies = sqliteTable(
  'vendor_dependencies',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => vendorAssignments.id),
    dependsOnAssignmentId: text('depends_on_assignment_id')
      .notNull()
      .references(() => vendorAssignments.id),
    kind: text('kind', { enum: ['finish_to_start', 'start_to_start'] })
      .notNull()
      .default('finish_to_start'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('vdep_pair_uq').on(t.assignmentId, t.dependsOnAssignmentId),
    index('vdep_up_idx').on(t.dependsOnAssignmentId),
    index('vdep_event_idx').on(t.eventId),
  ],
);

/** Performance per event: a 1–5 rating and notes. */
export const vendorRatings = sqliteTable(
  'vendor_ratings',
  {
    id: id(),
    vendorId: text('vendor_id')
      .notNull()
      .references(() => vendors.id),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    rating: integer('rating').notNull(),
    notes: text('notes'),
    byUserId: text('by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('vrating_vendor_event_uq').on(t.vendorId, t.eventId)],
);

/** Agreements, rate cards, delivery proofs: bytes in file storage, the row here. */
export const vendorDocuments = sqliteTable(
  'vendor_documents',
  {
    id: id(),
    vendorId: text('vendor_id')
      .notNull()
      .references(() => vendors.id),
    assignmentId: text('assignment_id').references(() => vendorAssignments.id),
    kind: text('kind').notNull(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('vdoc_vendor_idx').on(t.vendorId)],
);

/** When each part of a PO falls due. */
export const vendorPaymentSchedule = sqliteTable(
  'vendor_payment_schedule',
  {
    id: id(),
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => vendorAssignments.id),
    seq: integer('seq').notNull(),
    label: text('label').notNull(),
    dueDate: text('due_date').notNull(),
    amountMinor: money('amount_minor').notNull(),
    paidMinor: money('paid_minor').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('vps_assignment_idx').on(t.assignmentId, t.seq), index('vps_due_idx').on(t.dueDate)],
);

/** Money paid to a vendor; the journal entry is the record, this row is its index. Never edited. */
export const vendorPayments = sqliteTable(
  'vendor_payments',
  {
    id: id(),
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => vendorAssignments.id),
    vendorId: text('vendor_id')
      .notNull()
      .references(() => vendors.id),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    /** Gross, in the PO's currency (minor units). */
    amountMinor: money('amount_minor').notNull(),
    tdsMinor: money('tds_minor').notNull().default(0),
    currency: currency(),
    /** The gross in INR paise at the rate used (null on rows written before foreign POs could be paid: INR, equal to amountMinor). */
    amountInrMinor: money('amount_inr_minor'),
    /** The rate used for a foreign-currency payment (null for INR). */
    fx: json<FxSnapshot>('fx'),
    mode: text('mode').notNull(),
    reference: text('reference'),
    paidOn: text('paid_on').notNull(),
    journalEntryId: text('journal_entry_id')
      .notNull()
      .references(() => journalEntries.id),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('vpay_assignment_idx').on(t.assignmentId), index('vpay_vendor_idx').on(t.vendorId)],
);

/** A hand-entered budget per event and category (otherwise the quote's cost side is used). */
export const eventBudgets = sqliteTable(
  'event_budgets',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    category: text('category').notNull(),
    budgetMinor: money('budget_minor').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('event_budget_uq').on(t.eventId, t.category)],
);

/**
 * A link a vendor opens to see and accept their PO. The URL carries `<id>.<expiry>.<HMAC>`
 * (shared signed-link, PO purpose); the row makes it revocable and shows who shared it.
 */
export const vendorPoLinks = sqliteTable(
  'vendor_po_links',
  {
    id: id(),
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => vendorAssignments.id),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by').references(() => users.id),
    lastOpenedAt: text('last_opened_at'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('vpolink_assignment_idx').on(t.assignmentId)],
);
