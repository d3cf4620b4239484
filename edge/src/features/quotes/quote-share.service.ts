import {
  type AcceptQuote,
  formatMoney,
  newId,
  type PublicQuoteView,
  quoteShareMessage,
  type RequestChanges,
  whatsappShareUrl,
} from '@mandap/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { quoteChangeRequests, quotes, quoteVersionDetails, quoteVersions } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { enqueueMessage, recordChange } from '../../lib/journal.ts';
import { companyProfile } from './company.ts';
import { effectiveStatus, loadVersion, loadVisibleQuote, partyOf, toVersionView } from './quote-store.ts';
import type { Origin } from './quotes.service.ts';
import { shareUrl, signShareToken, verifyShareToken } from './share-link.ts';

const DAY = 86_400_000;

export interface ShareLink {
  url: string;
  expiresAt: string;
  message: string;
  whatsappUrl: string;
}

/** A signed, expiring link to one sent version, with the WhatsApp message that carries it. */
export async function createShareLink(
  deps: Deps,
  viewer: Viewer,
  quoteId: string,
  version: number,
  days = 30,
): Promise<ShareLink> {
  const quote = await loadVisibleQuote(deps.db, viewer, quoteId);
  const row = await loadVersion(deps.db, quote.id, version);
  if (row.v.status === 'draft')
    throw new AppError('conflict', `${quote.code} v${version} is a draft: send it before sharing a link.`);
  const expiresAt = new Date(deps.now().getTime() + days * DAY);
  const url = shareUrl(deps.env.PUBLIC_URL, await signShareToken(deps.env.JWT_SECRET, row.v.id, expiresAt));
  const client = await partyOf(deps.db, quote);
  const message = quoteShareMessage({
    clientName: client?.name ?? row.d.draft.buyerName ?? null,
    code: quote.code,
    version,
    total: { amountMinor: row.v.totalMinor, currency: row.d.draft.currency },
    link: url,
    companyName: companyProfile().tradeName,
  });
  return {
    url,
    expiresAt: expiresAt.toISOString(),
    message,
    whatsappUrl: whatsappShareUrl(client?.phone ?? null, message),
  };
}

async function resolveToken(deps: Deps, token: string) {
  const { versionId, expiresAt } = await verifyShareToken(deps.env.JWT_SECRET, token, deps.now());
  const [row] = await deps.db
    .select({ v: quoteVersions, d: quoteVersionDetails, q: quotes })
    .from(quoteVersions)
    .innerJoin(quoteVersionDetails, eq(quoteVersionDetails.versionId, quoteVersions.id))
    .innerJoin(quotes, eq(quotes.id, quoteVersions.quoteId))
    .where(eq(quoteVersions.id, versionId))
    .limit(1);
  if (!row) throw notFound('That quote');
  return { ...row, expiresAt };
}

function closedReason(status: string, code: string, version: number): string | null {
  switch (status) {
    case 'sent':
    case 'viewed':
      return null;
    case 'accepted':
      return `You accepted ${code} v${version}. Thank you!`;
    case 'superseded':
      return `${code} v${version} has been replaced by a newer version. Ask us for the latest link.`;
    case 'expired':
      return `${code} v${version} is past its validity date. Ask us for a refreshed quote.`;
    default:
      return `${code} v${version} can no longer be accepted.`;
  }
}

/** The client opens the link: they see the version (no internal notes); a first view marks it viewed. */
export async function openSharedQuote(deps: Deps, token: string, origin: Origin): Promise<PublicQuoteView> {
  const row = await resolveToken(deps, token);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (row.v.status === 'sent') {
      await tx
        .update(quoteVersions)
        .set({ status: 'viewed' })
        .where(and(eq(quoteVersions.id, row.v.id), eq(quoteVersions.status, 'sent')));
      await tx
        .update(quotes)
        .set({ status: 'viewed', updatedAt: now.toISOString() })
        .where(and(eq(quotes.id, row.q.id), eq(quotes.currentVersion, row.v.version), eq(quotes.status, 'sent')));
    }
    await recordChange(tx, {
      type: 'quote.viewed',
      aggregateType: 'quote',
      aggregateId: row.q.id,
      payload: { version: row.v.version, ip: origin.ip, userAgent: origin.userAgent },
      actorId: null,
      at: now,
    });
  });
  const view = toVersionView(
    { v: { ...row.v, status: row.v.status === 'sent' ? 'viewed' : row.v.status }, d: row.d },
    now,
  );
  const { negotiationNote: _internal, ...draft } = view.draft;
  const client = await partyOf(deps.db, row.q);
  const reason = closedReason(view.status, row.q.code, view.version);
  return {
    code: row.q.code,
    company: companyProfile(),
    clientName: client?.name ?? view.draft.buyerName ?? null,
    version: { ...view, draft },
    linkExpiresAt: row.expiresAt.toISOString(),
    canAccept: reason === null,
    closedReason: reason,
  };
}

/** E-acceptance: typed name + terms, with IP, user agent and time recorded. An accepted version never changes again. */
export async function acceptSharedQuote(deps: Deps, token: string, input: AcceptQuote, origin: Origin) {
  const row = await resolveToken(deps, token);
  const now = deps.now();
  const status = effectiveStatus(row.v, now);
  const reason = closedReason(status, row.q.code, row.v.version);
  if (status === 'accepted') throw new AppError('conflict', reason!);
  if (status === 'expired') throw new AppError('link_expired', reason!);
  if (reason) throw new AppError('conflict', reason);
  const acceptance = { name: input.name, ip: origin.ip, userAgent: origin.userAgent, at: now.toISOString() };
  await deps.db.transaction(async (tx) => {
    const done = await tx
      .update(quoteVersions)
      .set({ status: 'accepted', acceptedAt: acceptance.at, acceptance: acceptance as Record<string, string> })
      .where(and(eq(quoteVersions.id, row.v.id), inArray(quoteVersions.status, ['sent', 'viewed'])))
      .returning({ id: quoteVersions.id });
    if (done.length === 0) throw new AppError('conflict', 'This quote changed while you were reading it. Reload.');
    await tx
      .update(quotes)
      .set({ status: 'accepted', updatedAt: acceptance.at })
      .where(and(eq(quotes.id, row.q.id), eq(quotes.currentVersion, row.v.version)));
    await recordChange(tx, {
      type: 'quote.accepted',
      aggregateType: 'quote',
      aggregateId: row.q.id,
      payload: { version: row.v.version, versionId: row.v.id, totalMinor: row.v.totalMinor, name: input.name },
      actorId: null,
      at: now,
      audit: { before: { status: row.v.status }, after: { status: 'accepted', acceptance }, ...origin },
    });
    if (row.q.createdBy)
      await enqueueMessage(tx, {
        channel: 'in_app',
        template: 'quote_accepted',
        recipient: row.q.createdBy,
        payload: {
          code: row.q.code,
          version: row.v.version,
          name: input.name,
          total: formatMoney({ amountMinor: row.v.totalMinor, currency: row.d.draft.currency }),
        },
        at: now,
        dedupeKey: `quote_accepted:${row.v.id}`,
      });
  });
  return openSharedQuote(deps, token, origin);
}

/** "Request changes": stored against the version, a domain event, and a note to the quote's owner. */
export async function requestQuoteChanges(deps: Deps, token: string, input: RequestChanges, origin: Origin) {
  const row = await resolveToken(deps, token);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(quoteChangeRequests).values({
      id,
      versionId: row.v.id,
      name: input.name,
      message: input.message,
      ip: origin.ip,
      userAgent: origin.userAgent,
      createdAt: now.toISOString(),
    });
    await recordChange(tx, {
      type: 'quote.changes_requested',
      aggregateType: 'quote',
      aggregateId: row.q.id,
      payload: { version: row.v.version, requestId: id, name: input.name, message: input.message },
      actorId: null,
      at: now,
    });
    if (row.q.createdBy)
      await enqueueMessage(tx, {
        channel: 'in_app',
        template: 'quote_changes_requested',
        recipient: row.q.createdBy,
        payload: { code: row.q.code, version: row.v.version, name: input.name, message: input.message },
        at: now,
      });
  });
  return { ok: true as const };
}

/** The version behind a token, for the public PDF. */
export async function sharedVersionForPdf(deps: Deps, token: string) {
  const row = await resolveToken(deps, token);
  return { quote: row.q, view: toVersionView({ v: row.v, d: row.d }, deps.now()) };
}
