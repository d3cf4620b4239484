import type { QuoteDraft, QuoteTotals } from '@mandap/shared/quotes';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, currency, id, json, money, updatedAt } from './_columns.ts';
import { users } from './auth.ts';
import { quoteVersions } from './money.ts';

/** A version's content beyond its lines and headline totals: buyer, place of supply, discount, priced totals. Frozen with the version. */
export const quoteVersionDetails = sqliteTable('quote_version_details', {
  versionId: text('version_id')
    .primaryKey()
    .references(() => quoteVersions.id),
  title: text('title').notNull(),
  draft: json<Omit<QuoteDraft, 'lines'>>('draft').notNull(),
  totals: json<QuoteTotals>('totals').notNull(),
});

/** Reusable quotation lines with default rates (décor packages, per-plate catering, artist fees). */
export const quoteCatalogueItems = sqliteTable(
  'quote_catalogue_items',
  {
    id: id(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    unit: text('unit').notNull(),
    rateMinor: money('rate_minor').notNull(),
    currency: currency(),
    taxClass: text('tax_class').notNull(),
    sac: text('sac').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('quote_catalogue_name_idx').on(t.category, t.name)],
);

/** A client's "request changes" from the share link: who, what, from where. */
export const quoteChangeRequests = sqliteTable(
  'quote_change_requests',
  {
    id: id(),
    versionId: text('version_id')
      .notNull()
      .references(() => quoteVersions.id),
    name: text('name').notNull(),
    message: text('message').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [index('quote_change_requests_version_idx').on(t.versionId)],
);
