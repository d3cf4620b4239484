import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, currency, id, json, money, updatedAt } from './_columns.ts';
import { users } from './auth.ts';
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
    gstin: text('gstin'),
    pan: text('pan'),
    city: text('city'),
    bank: json<Record<string, string>>('bank'),
    /** The vendor portal login, if the vendor has one. */
    userId: text('user_id').references(() => users.id),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('vendors_code_uq').on(t.code)],
);

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
    poNumber: text('po_number'),
    amountMinor: money('amount_minor').notNull(),
    currency: currency(),
    status: text('status', { enum: ['proposed', 'confirmed', 'delivered', 'cancelled'] }).notNull(),
    arrivalExpectedAt: text('arrival_expected_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('va_event_idx').on(t.eventId), index('va_vendor_idx').on(t.vendorId)],
);

/** "Décor must finish before lighting starts": one assignment waiting on another. */
export const vendorDependencies = sqliteTable('vendor_dependencies', {
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
});
