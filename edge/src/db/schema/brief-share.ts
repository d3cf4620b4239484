import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './_columns.ts';
import { users } from './auth.ts';
import { events, leads } from './records.ts';

/**
 * Issued read-only brief links. The token carries `<document>~<id>.<expiry>.<HMAC>` (shared
 * signed-link, brief purpose); this row makes it revocable and lists who shared what, until when.
 * The collab-server reads `id`, `document` and `revoked_at` (read-only) when a link connects and
 * when the access feed reports `brief.share_link_revoked`.
 */
export const briefShareLinks = sqliteTable(
  'brief_share_links',
  {
    id: id(),
    /** The brief it opens: `event:<id>:brief` or `lead:<id>:brief`. */
    document: text('document').notNull(),
    eventId: text('event_id').references(() => events.id),
    leadId: text('lead_id').references(() => leads.id),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by').references(() => users.id),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('brief_share_links_event_idx').on(t.eventId), index('brief_share_links_lead_idx').on(t.leadId)],
);
