import { newId } from '@mandap/shared/common';
import { formatMoney } from '@mandap/shared/money';
import {
  type AcceptQuote,
  type DeclineQuote,
  type PublicQuoteView,
  type QuoteStatus,
  quoteSourceStates,
  type RequestChanges,
} from '@mandap/shared/quotes';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { quoteChangeRequests, quoteDeclines, quotes, quoteVersions, quoteViews } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { enqueueMessage, type Origin, recordChange } from '../../lib/journal.ts';
import { enforceRateLimit } from '../../lib/rate-limit.ts';
import { advancePipeline } from '../payments/booking.service.ts';
import { adjustPlanForChangeOrder } from '../payments/milestones.service.ts';
import { companyProfile } from './company.ts';
import { resolveToken } from './quote-share.service.ts';
import { effectiveStatus, partyOf, toVersionView } from './quote-store.ts';

const WINDOW_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;
/** Per IP and 10 minutes: opening the page or its PDF, and answering (accept, decline, request changes). */
export const PUBLIC_QUOTE_LIMITS = { view: 60, answer: 10 } as const;

type SharedRow = Awaited<ReturnType<typeof resolveToken>>;

/** The public quote endpoints are open to anyone holding a link: count each IP's requests. */
export async function limitPublicQuote(deps: Deps, origin: Origin, kind: keyof typeof PUBLIC_QUOTE_LIMITS) {
  // Keyed on the real client address; an in-process call has none (and there is no shared "unknown" bucket).
  if (!origin.ip) return;
  await enforceRateLimit(deps.db, {
    key: `quote-${kind}:${origin.ip}`,
    max: PUBLIC_QUOTE_LIMITS[kind],
    windowMs: WINDOW_MS,
    now: deps.now(),
    message: (wait) => `Too many requests from this network. Try again in ${Math.ceil(wait / 60)} minutes.`,
  });
}

function closedReason(status: QuoteStatus, code: string, version: number): string | null {
  switch (status) {
    case 'sent':
    case 'viewed':
      return null;
    case 'accepted':
      return `You accepted ${code} v${version}. Thank you!`;
    case 'rejected':
      return `You declined ${code} v${version}. Reply to us on WhatsApp if you would like a revised quote.`;
    case 'superseded':
      return `${code} v${version} has been replaced by a newer version. Ask us for the latest link.`;
    case 'expired':
      return `${code} v${version} is past its validity date. Ask us for a refreshed quote.`;
    default:
      return `${code} v${version} can no longer be accepted.`;
  }
}

/** Refuses an answer to a version that is not awaiting one, saying why (409, or 410 when past its validity). */
function requireOpen(row: SharedRow, now: Date) {
  const status = effectiveStatus(row.v, now);
  const reason = closedReason(status, row.q.code, row.v.version);
  if (status === 'expired') throw new AppError('link_expired', reason!);
  if (reason) throw new AppError('conflict', reason);
}

async function present(deps: Deps, row: SharedRow, status: QuoteStatus): Promise<PublicQuoteView> {
  const now = deps.now();
  const view = toVersionView({ v: { ...row.v, status }, d: row.d }, now);
  const { negotiationNote: _internal, ...draft } = view.draft;
  const client = await partyOf(deps.db, row.q);
  const reason = closedReason(view.status, row.q.code, view.version);
  return {
    code: row.q.code,
    company: await companyProfile(deps.db),
    clientName: client?.name ?? view.draft.buyerName ?? null,
    version: { ...view, draft },
    linkExpiresAt: row.expiresAt.toISOString(),
    canAccept: reason === null,
    closedReason: reason,
  };
}

/** True the first time this viewer (by IP) opens this version within the clock hour. */
async function isFreshView(tx: DbOrTx, versionId: string, origin: Origin, now: Date): Promise<boolean> {
  const t = now.getTime();
  const inserted = await tx
    .insert(quoteViews)
    .values({ versionId, viewer: origin.ip ?? 'unknown', hourStart: t - (t % HOUR_MS) })
    .onConflictDoNothing()
    .returning({ versionId: quoteViews.versionId });
  return inserted.length > 0;
}

/**
 * The client opens the link: they see the version (no internal notes); a first view marks it
 * viewed. `quote.viewed` is written once per version, viewer IP and clock hour, so reloads and
 * link-preview bots do not flood the log.
 */
export async function openSharedQuote(deps: Deps, token: string, origin: Origin): Promise<PublicQuoteView> {
  await limitPublicQuote(deps, origin, 'view');
  const row = await resolveToken(deps, token);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (quoteSourceStates('viewed').includes(row.v.status)) {
      await tx
        .update(quoteVersions)
        .set({ status: 'viewed' })
        .where(and(eq(quoteVersions.id, row.v.id), eq(quoteVersions.status, 'sent')));
      await tx
        .update(quotes)
        .set({ status: 'viewed', updatedAt: now.toISOString() })
        .where(and(eq(quotes.id, row.q.id), eq(quotes.currentVersion, row.v.version), eq(quotes.status, 'sent')));
    }
    if (await isFreshView(tx, row.v.id, origin, now))
      await recordChange(tx, {
        type: 'quote.viewed',
        aggregateType: 'quote',
        aggregateId: row.q.id,
        payload: { version: row.v.version, ip: origin.ip, userAgent: origin.userAgent },
        actorId: null,
        at: now,
      });
  });
  return present(deps, row, row.v.status === 'sent' ? 'viewed' : row.v.status);
}

/** Moves a sent/viewed version (and its quote, when it is the current one) to `status`; a race is a 409. */
async function closeVersion(tx: DbOrTx, row: SharedRow, set: Partial<typeof quoteVersions.$inferInsert>, at: string) {
  const done = await tx
    .update(quoteVersions)
    .set(set)
    .where(and(eq(quoteVersions.id, row.v.id), inArray(quoteVersions.status, quoteSourceStates(set.status!))))
    .returning({ id: quoteVersions.id });
  if (done.length === 0) throw new AppError('conflict', 'This quote changed while you were reading it. Reload.');
  await tx
    .update(quotes)
    .set({ status: set.status!, updatedAt: at })
    .where(and(eq(quotes.id, row.q.id), eq(quotes.currentVersion, row.v.version)));
}

/** Tells the quote's owner, in the app, that the client answered. */
async function notifyOwner(tx: DbOrTx, row: SharedRow, template: string, payload: Record<string, unknown>, at: Date) {
  if (!row.q.createdBy) return;
  await enqueueMessage(tx, {
    channel: 'in_app',
    template,
    recipient: row.q.createdBy,
    payload: { code: row.q.code, version: row.v.version, ...payload },
    at,
    dedupeKey: `${template}:${row.v.id}`,
  });
}

/** E-acceptance: typed name + terms, with IP, user agent and time recorded. An accepted version never changes again. */
export async function acceptSharedQuote(deps: Deps, token: string, input: AcceptQuote, origin: Origin) {
  await limitPublicQuote(deps, origin, 'answer');
  const row = await resolveToken(deps, token);
  const now = deps.now();
  requireOpen(row, now);
  const acceptance = { name: input.name, ip: origin.ip, userAgent: origin.userAgent, at: now.toISOString() };
  await deps.db.transaction(async (tx) => {
    await closeVersion(
      tx,
      row,
      { status: 'accepted', acceptedAt: acceptance.at, acceptance: acceptance as Record<string, string> },
      acceptance.at,
    );
    await recordChange(tx, {
      type: 'quote.accepted',
      aggregateType: 'quote',
      aggregateId: row.q.id,
      payload: { version: row.v.version, versionId: row.v.id, totalMinor: row.v.totalMinor, name: input.name },
      actorId: null,
      at: now,
      audit: { before: { status: row.v.status }, after: { status: 'accepted', acceptance }, ...origin },
    });
    const total = formatMoney({ amountMinor: row.v.totalMinor, currency: row.d.draft.currency });
    await notifyOwner(tx, row, 'quote_accepted', { name: input.name, total }, now);
    // The accepted version is the event's contract: the pipeline moves, and a change order
    // re-sizes the open milestones of a plan made earlier (paid ones stay as they are).
    await advancePipeline(
      tx,
      { eventId: row.q.eventId, leadId: row.q.leadId },
      'quote_accepted',
      { actorId: null },
      now,
      {
        quoteCode: row.q.code,
        version: row.v.version,
      },
    );
    if (row.v.isChangeOrder && row.q.eventId) await adjustPlanForChangeOrder(tx, row.q.eventId, row.v, null, now);
  });
  return present(deps, row, 'accepted');
}

/** The client declines the version (reason optional): it becomes `rejected`; the team can still send a new version. */
export async function declineSharedQuote(deps: Deps, token: string, input: DeclineQuote, origin: Origin) {
  await limitPublicQuote(deps, origin, 'answer');
  const row = await resolveToken(deps, token);
  const now = deps.now();
  requireOpen(row, now);
  const reason = input.reason?.trim() || null;
  await deps.db.transaction(async (tx) => {
    await closeVersion(tx, row, { status: 'rejected' }, now.toISOString());
    await tx.insert(quoteDeclines).values({
      id: newId(),
      versionId: row.v.id,
      name: input.name,
      reason,
      ip: origin.ip,
      userAgent: origin.userAgent,
      createdAt: now.toISOString(),
    });
    await recordChange(tx, {
      type: 'quote.rejected',
      aggregateType: 'quote',
      aggregateId: row.q.id,
      payload: { version: row.v.version, versionId: row.v.id, name: input.name, reason },
      actorId: null,
      at: now,
      audit: { before: { status: row.v.status }, after: { status: 'rejected', name: input.name, reason }, ...origin },
    });
    await notifyOwner(tx, row, 'quote_rejected', { name: input.name, reason }, now);
  });
  return present(deps, row, 'rejected');
}

/** "Request changes": stored against the version, a domain event, and a note to the quote's owner. */
export async function requestQuoteChanges(deps: Deps, token: string, input: RequestChanges, origin: Origin) {
  await limitPublicQuote(deps, origin, 'answer');
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
    await advancePipeline(
      tx,
      { eventId: row.q.eventId, leadId: row.q.leadId },
      'changes_requested',
      { actorId: null },
      now,
      {
        quoteCode: row.q.code,
        version: row.v.version,
      },
    );
  });
  return { ok: true as const };
}
