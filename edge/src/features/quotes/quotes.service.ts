import { canSeeQuoteVersion, redactQuoteVersion } from '@mandap/shared/access';
import { newId } from '@mandap/shared/common';
import {
  type CreateQuote,
  diffQuoteVersions,
  placeOfSupplyMismatch,
  type QuoteDetail,
  type QuoteDraft,
  type QuoteSummary,
  quoteSourceStates,
} from '@mandap/shared/quotes';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, events, leads, quotes, quoteVersionDetails, quoteVersions } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { visibleEventCondition } from '../../lib/event-scope.ts';
import type { Origin } from '../../lib/journal.ts';
import { nextCode, recordChange } from '../../lib/journal.ts';
import { eventOfLead } from '../events/events.service.ts';
import { advancePipeline } from '../payments/booking.service.ts';
import { companyProfile } from './company.ts';
import { defaultPaymentTerms } from './payment-terms.service.ts';
import { type PricedDraft, priceDraft } from './quote-pricing.ts';
import {
  loadVersion,
  loadVersions,
  loadVisibleQuote,
  partyOf,
  type QuoteRow,
  toSummary,
  toVersionView,
  type VersionRow,
} from './quote-store.ts';

const versionValues = (p: PricedDraft) => ({
  currency: p.details.currency,
  fx: p.fx,
  lines: p.lines,
  subtotalMinor: p.totals.subtotalMinor,
  discountMinor: p.totals.discountMinor,
  taxMinor: p.totals.taxMinor,
  totalMinor: p.totals.totalMinor,
  totalInrMinor: p.totalInrMinor,
  validUntil: p.details.validUntil ?? null,
  notes: p.details.notes ?? null,
  terms: p.details.terms ?? null,
});

const auditOf = (p: PricedDraft) => ({
  title: p.details.title,
  currency: p.details.currency,
  lines: p.lines.length,
  totalMinor: p.totals.totalMinor,
  taxMinor: p.totals.taxMinor,
  fx: p.fx,
});

/**
 * The lead, event and client a new quote belongs to, whichever is given: a quote for a
 * converted lead belongs to its event and client too, and a quote for an event keeps the lead
 * it came from, so the lead card and the event page both show it.
 */
async function quoteOwner(db: DbOrTx, input: CreateQuote) {
  if (input.eventId) {
    const [e] = await db
      .select({ id: events.id, clientId: events.clientId, leadId: events.leadId })
      .from(events)
      .where(eq(events.id, input.eventId));
    if (!e) throw notFound('That event');
    return { leadId: e.leadId, eventId: e.id, clientId: e.clientId };
  }
  const [l] = await db
    .select({ id: leads.id, clientId: leads.clientId })
    .from(leads)
    .where(eq(leads.id, input.leadId!));
  if (!l) throw notFound('That lead');
  const event = l.clientId ? await eventOfLead(db, l.id) : null;
  return { leadId: l.id, eventId: event?.id ?? null, clientId: event?.clientId ?? l.clientId };
}

/** Creates a quote and its draft v1; the number QT/<FY>/NNNN is drawn inside the same transaction, so it is gapless. */
export async function createQuote(deps: Deps, viewer: Viewer, input: CreateQuote, origin: Origin) {
  const owner = await quoteOwner(deps.db, input);
  const { leadId: _l, eventId: _e, ...given } = input;
  // A new quote prints the house's default payment terms unless it brings its own.
  const draft = { ...given, paymentTerms: given.paymentTerms ?? (await defaultPaymentTerms(deps.db)) };
  const priced = await priceDraft(deps.db, draft);
  const now = deps.now();
  const at = now.toISOString();
  const id = await deps.db.transaction(async (tx) => {
    const code = await nextCode(tx, 'quote', now);
    const quoteId = newId();
    await tx.insert(quotes).values({
      id: quoteId,
      code,
      ...owner,
      status: 'draft',
      currency: draft.currency,
      currentVersion: 1,
      createdBy: viewer.id,
      createdAt: at,
      updatedAt: at,
    });
    await insertVersion(tx, quoteId, 1, priced, { isChangeOrder: false, by: viewer.id, at });
    await recordChange(tx, {
      type: 'quote.created',
      aggregateType: 'quote',
      aggregateId: quoteId,
      payload: { code, ...owner, totalMinor: priced.totals.totalMinor, currency: draft.currency },
      actorId: viewer.id,
      at: now,
      audit: { before: null, after: { code, ...auditOf(priced) }, ...origin },
    });
    return quoteId;
  });
  return getQuoteDetail(deps, viewer, id);
}

async function insertVersion(
  tx: DbOrTx,
  quoteId: string,
  version: number,
  priced: PricedDraft,
  opts: { isChangeOrder: boolean; by: string; at: string },
) {
  const versionId = newId();
  await tx.insert(quoteVersions).values({
    id: versionId,
    quoteId,
    version,
    status: 'draft',
    isChangeOrder: opts.isChangeOrder,
    ...versionValues(priced),
    createdBy: opts.by,
    createdAt: opts.at,
  });
  await tx.insert(quoteVersionDetails).values({
    versionId,
    title: priced.details.title,
    draft: priced.details,
    totals: priced.totals,
  });
  return versionId;
}

async function latestVersion(db: DbOrTx, quote: QuoteRow) {
  return loadVersion(db, quote.id, quote.currentVersion);
}

function frozenError(quote: QuoteRow, v: VersionRow): AppError {
  const what = v.status === 'accepted' ? 'was accepted' : `was ${v.status === 'draft' ? 'saved' : 'sent'}`;
  return new AppError(
    'conflict',
    `${quote.code} v${v.version} ${what} and cannot change. Create v${v.version + 1} to make changes${v.status === 'accepted' ? ' (it becomes a change order)' : ''}.`,
  );
}

/** Saves the draft version's content; a sent or accepted version is refused with what to do instead. */
export async function updateDraft(deps: Deps, viewer: Viewer, quoteId: string, draft: QuoteDraft, origin: Origin) {
  const quote = await loadVisibleQuote(deps.db, viewer, quoteId);
  const latest = await latestVersion(deps.db, quote);
  if (latest.v.status !== 'draft') throw frozenError(quote, latest.v);
  const priced = await priceDraft(deps.db, draft);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const changed = await tx
      .update(quoteVersions)
      .set(versionValues(priced))
      .where(and(eq(quoteVersions.id, latest.v.id), eq(quoteVersions.status, 'draft')))
      .returning({ id: quoteVersions.id });
    if (changed.length === 0) throw frozenError(quote, { ...latest.v, status: 'sent' });
    await tx
      .update(quoteVersionDetails)
      .set({ title: priced.details.title, draft: priced.details, totals: priced.totals })
      .where(eq(quoteVersionDetails.versionId, latest.v.id));
    await tx
      .update(quotes)
      .set({ currency: draft.currency, updatedAt: now.toISOString() })
      .where(eq(quotes.id, quote.id));
    await recordChange(tx, {
      type: 'quote.draft_updated',
      aggregateType: 'quote',
      aggregateId: quote.id,
      payload: { version: latest.v.version, totalMinor: priced.totals.totalMinor },
      actorId: viewer.id,
      at: now,
      audit: {
        before: { totalMinor: latest.v.totalMinor, lines: (latest.v.lines as unknown[]).length },
        after: auditOf(priced),
        ...origin,
      },
    });
  });
  return getQuoteDetail(deps, viewer, quote.id);
}

/**
 * Sends the draft: re-prices it with the newest FX rate, freezes it (the database refuses
 * later edits) and supersedes earlier versions still awaiting an answer.
 */
export async function sendQuote(deps: Deps, viewer: Viewer, quoteId: string, origin: Origin) {
  const quote = await loadVisibleQuote(deps.db, viewer, quoteId);
  const latest = await latestVersion(deps.db, quote);
  if (latest.v.status !== 'draft') throw frozenError(quote, latest.v);
  if ((latest.v.lines as unknown[]).length === 0)
    throw new AppError('unprocessable', 'Add at least one line before sending the quote.', {
      fields: { lines: 'no lines' },
    });
  const { draft, title } = latest.d;
  const mismatch = draft.customerType === 'b2b' ? placeOfSupplyMismatch(draft.buyerGstin, draft.placeOfSupply) : null;
  if (mismatch)
    throw new AppError('unprocessable', `${quote.code} v${latest.v.version} was not sent. ${mismatch}`, {
      fields: { placeOfSupply: mismatch },
    });
  const priced = await priceDraft(deps.db, { ...draft, title, lines: latest.v.lines as QuoteDraft['lines'] });
  const now = deps.now();
  const at = now.toISOString();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(quoteVersionDetails)
      .set({ totals: priced.totals })
      .where(eq(quoteVersionDetails.versionId, latest.v.id));
    // Earlier versions still awaiting an answer are superseded (an accepted one stays accepted).
    await tx
      .update(quoteVersions)
      .set({ status: 'superseded' })
      .where(and(eq(quoteVersions.quoteId, quote.id), inArray(quoteVersions.status, quoteSourceStates('superseded'))));
    const sent = await tx
      .update(quoteVersions)
      .set({ ...versionValues(priced), status: 'sent', sentAt: at })
      .where(and(eq(quoteVersions.id, latest.v.id), inArray(quoteVersions.status, quoteSourceStates('sent'))))
      .returning({ id: quoteVersions.id });
    if (sent.length === 0) throw frozenError(quote, { ...latest.v, status: 'sent' });
    await tx.update(quotes).set({ status: 'sent', updatedAt: at }).where(eq(quotes.id, quote.id));
    // The lead and the booking move to Quote sent / Proposal sent, recorded with the cause.
    await advancePipeline(
      tx,
      { eventId: quote.eventId, leadId: quote.leadId },
      'quote_sent',
      { actorId: viewer.id, ...origin },
      now,
      {
        quoteCode: quote.code,
        version: latest.v.version,
      },
    );
    await recordChange(tx, {
      type: 'quote.sent',
      aggregateType: 'quote',
      aggregateId: quote.id,
      payload: { version: latest.v.version, versionId: latest.v.id, totalMinor: priced.totals.totalMinor },
      actorId: viewer.id,
      at: now,
      audit: { before: { status: 'draft' }, after: { status: 'sent', ...auditOf(priced) }, ...origin },
    });
  });
  return getQuoteDetail(deps, viewer, quote.id);
}

/** Opens the next version as a draft copied from the latest; after an acceptance it is a change order. */
export async function createNextVersion(
  deps: Deps,
  viewer: Viewer,
  quoteId: string,
  negotiationNote: string | null,
  origin: Origin,
) {
  const quote = await loadVisibleQuote(deps.db, viewer, quoteId);
  const all = await loadVersions(deps.db, quote.id);
  const latest = all.at(-1)!;
  if (latest.v.status === 'draft')
    throw new AppError('conflict', `${quote.code} v${latest.v.version} is still a draft: edit it instead.`);
  const isChangeOrder = all.some((r) => r.v.status === 'accepted');
  const next = latest.v.version + 1;
  const now = deps.now();
  const at = now.toISOString();
  const priced = await priceDraft(deps.db, {
    ...latest.d.draft,
    title: latest.d.title,
    negotiationNote,
    lines: latest.v.lines as QuoteDraft['lines'],
  });
  await deps.db.transaction(async (tx) => {
    await insertVersion(tx, quote.id, next, priced, { isChangeOrder, by: viewer.id, at });
    const moved = await tx
      .update(quotes)
      .set({ currentVersion: next, status: 'draft', updatedAt: at })
      .where(and(eq(quotes.id, quote.id), eq(quotes.currentVersion, latest.v.version)))
      .returning({ id: quotes.id });
    if (moved.length === 0) throw new AppError('conflict', 'Someone else just created a version; reload.');
    await recordChange(tx, {
      type: isChangeOrder ? 'quote.change_order_created' : 'quote.version_created',
      aggregateType: 'quote',
      aggregateId: quote.id,
      payload: { version: next, from: latest.v.version, isChangeOrder },
      actorId: viewer.id,
      at: now,
      audit: {
        before: { currentVersion: latest.v.version },
        after: { currentVersion: next, isChangeOrder },
        ...origin,
      },
    });
  });
  return getQuoteDetail(deps, viewer, quote.id);
}

export async function getQuoteDetail(deps: Deps, viewer: Viewer, quoteId: string): Promise<QuoteDetail> {
  const quote = await loadVisibleQuote(deps.db, viewer, quoteId);
  const scoped = !canSeeQuoteVersion(viewer.role, 'draft');
  // A client never sees a draft; of the versions it sees, fields are redacted by the one rule.
  const rows = (await loadVersions(deps.db, quote.id)).filter((r) => canSeeQuoteVersion(viewer.role, r.v.status));
  if (rows.length === 0) throw notFound('That quote');
  const now = deps.now();
  const latest = scoped ? rows.at(-1)! : (rows.find((r) => r.v.version === quote.currentVersion) ?? rows.at(-1)!);
  const client = await partyOf(deps.db, quote);
  return {
    quote: toSummary(quote, latest, client?.name ?? null, now),
    versions: rows.map((r) => {
      const v = toVersionView(r, now);
      return {
        id: v.id,
        version: v.version,
        status: v.status,
        isChangeOrder: v.isChangeOrder,
        sentAt: v.sentAt,
        createdAt: v.createdAt,
      };
    }),
    current: redactQuoteVersion(viewer.role, toVersionView(latest, now)),
    company: await companyProfile(deps.db),
    clientPhone: client?.phone ?? null,
  };
}

export async function getVersionView(deps: Deps, viewer: Viewer, quoteId: string, version: number) {
  const quote = await loadVisibleQuote(deps.db, viewer, quoteId);
  const row = await loadVersion(deps.db, quote.id, version);
  if (!canSeeQuoteVersion(viewer.role, row.v.status)) throw notFound(`Version ${version} of that quote`);
  return { quote, view: redactQuoteVersion(viewer.role, toVersionView(row, deps.now())) };
}

/** Quotes newest first, optionally for one lead or event; clients see only their events' quotes. One query. */
export async function listQuotes(
  deps: Deps,
  viewer: Viewer,
  q: { leadId?: string | undefined; eventId?: string | undefined; limit: number },
): Promise<QuoteSummary[]> {
  const scoped = !canSeeQuoteVersion(viewer.role, 'draft');
  // Clients see the newest version that was sent to them, never a draft.
  const shownVersion = scoped
    ? sql`(SELECT max(sv.version) FROM quote_versions sv WHERE sv.quote_id = ${quotes.id} AND sv.status <> 'draft')`
    : quotes.currentVersion;
  const visible = visibleEventCondition(deps.db, viewer, quotes.eventId, 'quote');
  const rows = await deps.db
    .select({ q: quotes, v: quoteVersions, d: quoteVersionDetails, clientName: clients.name, leadName: leads.name })
    .from(quotes)
    .innerJoin(quoteVersions, and(eq(quoteVersions.quoteId, quotes.id), eq(quoteVersions.version, shownVersion)))
    .innerJoin(quoteVersionDetails, eq(quoteVersionDetails.versionId, quoteVersions.id))
    .leftJoin(clients, eq(clients.id, quotes.clientId))
    .leftJoin(leads, eq(leads.id, quotes.leadId))
    .where(
      and(
        visible,
        q.leadId ? eq(quotes.leadId, q.leadId) : undefined,
        q.eventId ? eq(quotes.eventId, q.eventId) : undefined,
      ),
    )
    .orderBy(desc(quotes.createdAt))
    .limit(q.limit);
  const now = deps.now();
  return rows.map((r) => ({
    ...toSummary(r.q, { v: r.v, d: r.d }, r.clientName ?? r.leadName ?? null, now),
    currentVersion: r.v.version,
  }));
}

/** What changed between two versions of a quote: lines added, removed, changed, and the totals. */
export async function diffVersions(deps: Deps, viewer: Viewer, quoteId: string, from: number, to: number) {
  const [{ view: va }, { view: vb }] = await Promise.all([
    getVersionView(deps, viewer, quoteId, from),
    getVersionView(deps, viewer, quoteId, to),
  ]);
  return {
    from: { version: va.version, status: va.status, currency: va.draft.currency },
    to: { version: vb.version, status: vb.status, currency: vb.draft.currency },
    diff: diffQuoteVersions({ lines: va.lines, totals: va.totals }, { lines: vb.lines, totals: vb.totals }),
  };
}
