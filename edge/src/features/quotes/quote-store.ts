import type { FxSnapshot } from '@mandap/shared/money';
import type { QuoteLine, QuoteStatus, QuoteSummary, QuoteVersionView } from '@mandap/shared/quotes';
import { indiaToday } from '@mandap/shared/time';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, leads, quotes, quoteVersionDetails, quoteVersions } from '../../db/schema/index.ts';
import type { Viewer } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVisibleUnderEvent } from '../../lib/event-scope.ts';

export type QuoteRow = typeof quotes.$inferSelect;
export type VersionRow = typeof quoteVersions.$inferSelect;
type DetailsRow = typeof quoteVersionDetails.$inferSelect;

/** A sent or viewed version past its validity date reads as expired (no job needed to flip it). */
export function effectiveStatus(v: Pick<VersionRow, 'status' | 'validUntil'>, now: Date): QuoteStatus {
  if ((v.status === 'sent' || v.status === 'viewed') && v.validUntil && v.validUntil < indiaToday(now))
    return 'expired';
  return v.status;
}

/**
 * A quote the viewer may see: staff see all; a client only quotes of events linked to them.
 * Anything else is indistinguishable from a missing quote.
 */
export async function loadVisibleQuote(db: DbOrTx, viewer: Viewer, id: string): Promise<QuoteRow> {
  const [quote] = await db.select().from(quotes).where(eq(quotes.id, id)).limit(1);
  if (!quote) throw notFound('That quote');
  await assertVisibleUnderEvent(db, viewer, quote.eventId, 'quote', 'That quote');
  return quote;
}

export async function loadVersions(db: DbOrTx, quoteId: string) {
  return db
    .select({ v: quoteVersions, d: quoteVersionDetails })
    .from(quoteVersions)
    .innerJoin(quoteVersionDetails, eq(quoteVersionDetails.versionId, quoteVersions.id))
    .where(eq(quoteVersions.quoteId, quoteId))
    .orderBy(asc(quoteVersions.version));
}

export async function loadVersion(db: DbOrTx, quoteId: string, version: number) {
  const [row] = await db
    .select({ v: quoteVersions, d: quoteVersionDetails })
    .from(quoteVersions)
    .innerJoin(quoteVersionDetails, eq(quoteVersionDetails.versionId, quoteVersions.id))
    .where(and(eq(quoteVersions.quoteId, quoteId), eq(quoteVersions.version, version)))
    .limit(1);
  if (!row) throw notFound(`Version ${version} of that quote`);
  return row;
}

export function toVersionView(row: { v: VersionRow; d: DetailsRow }, now: Date): QuoteVersionView {
  const { v, d } = row;
  return {
    id: v.id,
    version: v.version,
    status: effectiveStatus(v, now),
    isChangeOrder: v.isChangeOrder,
    draft: d.draft,
    lines: v.lines as QuoteLine[],
    totals: d.totals,
    fx: (v.fx as FxSnapshot | null) ?? null,
    totalInrMinor: v.totalInrMinor,
    sentAt: v.sentAt,
    acceptedAt: v.acceptedAt,
    acceptance: (v.acceptance as QuoteVersionView['acceptance']) ?? null,
    createdAt: v.createdAt,
  };
}

/** Who the quote is for: the client when there is one, else the lead (a quote often precedes the client record). */
export async function partyOf(db: DbOrTx, quote: Pick<QuoteRow, 'clientId' | 'leadId'>) {
  if (quote.clientId) {
    const [c] = await db
      .select({ name: clients.name, phone: clients.phone })
      .from(clients)
      .where(eq(clients.id, quote.clientId))
      .limit(1);
    if (c) return c;
  }
  if (!quote.leadId) return null;
  const [l] = await db.select({ name: leads.name, phone: leads.phone }).from(leads).where(eq(leads.id, quote.leadId));
  return l ?? null;
}

export function toSummary(
  q: QuoteRow,
  latest: { v: VersionRow; d: DetailsRow },
  clientName: string | null,
  now: Date,
): QuoteSummary {
  return {
    id: q.id,
    code: q.code,
    title: latest.d.title,
    status: effectiveStatus(latest.v, now),
    currency: latest.v.currency as QuoteSummary['currency'],
    currentVersion: q.currentVersion,
    totalMinor: latest.v.totalMinor,
    totalInrMinor: latest.v.totalInrMinor,
    leadId: q.leadId,
    eventId: q.eventId,
    clientName,
    updatedAt: q.updatedAt,
  };
}
