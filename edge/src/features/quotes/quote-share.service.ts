import { quoteShareMessage, whatsappShareUrl } from '@mandap/shared/company';
import { and, desc, eq, ne } from 'drizzle-orm';
import { quotes, quoteVersionDetails, quoteVersions } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { companyProfile } from './company.ts';
import { loadVersion, loadVisibleQuote, partyOf, toVersionView } from './quote-store.ts';
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
    companyName: (await companyProfile(deps.db)).tradeName,
  });
  return {
    url,
    expiresAt: expiresAt.toISOString(),
    message,
    whatsappUrl: whatsappShareUrl(client?.phone ?? null, message),
  };
}

/** The version behind a share token (signature and expiry checked), with its quote. */
export async function resolveToken(deps: Deps, token: string) {
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

/** The version behind a token, for the public PDF. */
export async function sharedVersionForPdf(deps: Deps, token: string) {
  const row = await resolveToken(deps, token);
  return { quote: row.q, view: toVersionView({ v: row.v, d: row.d }, deps.now()) };
}

/**
 * A signed-in client opens their quote: a short-lived link (one day) to the newest version
 * that was sent, so they see the same page, with Accept, Decline and Request changes.
 */
export async function clientQuoteLink(deps: Deps, viewer: Viewer, quoteId: string): Promise<{ url: string }> {
  const quote = await loadVisibleQuote(deps.db, viewer, quoteId);
  const [v] = await deps.db
    .select({ id: quoteVersions.id })
    .from(quoteVersions)
    .where(and(eq(quoteVersions.quoteId, quote.id), ne(quoteVersions.status, 'draft')))
    .orderBy(desc(quoteVersions.version))
    .limit(1);
  if (!v) throw new AppError('conflict', `${quote.code} has not been sent to you yet.`);
  const expiresAt = new Date(deps.now().getTime() + DAY);
  return { url: shareUrl(deps.env.PUBLIC_URL, await signShareToken(deps.env.JWT_SECRET, v.id, expiresAt)) };
}
