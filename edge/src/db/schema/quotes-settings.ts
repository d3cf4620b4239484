import type { CompanyProfile } from '@mandap/shared/company';
import type { PaymentTerm } from '@mandap/shared/quotes';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json, updatedAt } from './_columns.ts';
import { users } from './auth.ts';
import { quoteVersions } from './money.ts';

/** The company printed on quotations (one row, id 'company'); absent means the demo defaults. */
export const companySettings = sqliteTable('company_settings', {
  id: text('id').primaryKey(),
  profile: json<CompanyProfile>('profile').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * One row per version, viewer IP and hour in which the share link was opened: `quote.viewed`
 * is recorded only when the row is new, so reloads do not flood the event log.
 */
export const quoteViews = sqliteTable(
  'quote_views',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => quoteVersions.id),
    viewer: text('viewer').notNull(),
    hourStart: integer('hour_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.viewer, t.hourStart] })],
);

/** A client's "Decline" from the share link: who, why (optional), from where. */
export const quoteDeclines = sqliteTable('quote_declines', {
  id: id(),
  versionId: text('version_id')
    .notNull()
    .unique()
    .references(() => quoteVersions.id),
  name: text('name').notNull(),
  reason: text('reason'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
});

/** The house's payment-term templates (editable in settings); a new quote starts from the first. */
export const paymentTermTemplates = sqliteTable('payment_term_templates', {
  id: id(),
  name: text('name').notNull(),
  terms: json<PaymentTerm[]>('terms').notNull(),
  position: integer('position').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
