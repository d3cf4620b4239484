import type { QuoteStatus } from './schemas.ts';

/** What moves a quote version: a person at the office, the client on the share link, or time. */
export type QuoteMoveCause = 'send' | 'open' | 'accept' | 'decline' | 'supersede' | 'expire';

interface QuoteTransition {
  from: readonly QuoteStatus[];
  to: QuoteStatus;
  cause: QuoteMoveCause;
}

/**
 * The quote version lifecycle as data, like the lead and booking tables. A draft is the only
 * editable state; once sent a version is frozen and ends accepted, rejected, superseded (a
 * newer version was sent) or expired (past its validity date, read, never written by a job).
 * Any move not listed is refused.
 */
const QUOTE_TRANSITIONS: readonly QuoteTransition[] = [
  { from: ['draft'], to: 'sent', cause: 'send' },
  { from: ['sent'], to: 'viewed', cause: 'open' },
  { from: ['sent', 'viewed'], to: 'accepted', cause: 'accept' },
  { from: ['sent', 'viewed'], to: 'rejected', cause: 'decline' },
  { from: ['sent', 'viewed'], to: 'superseded', cause: 'supersede' },
  { from: ['sent', 'viewed'], to: 'expired', cause: 'expire' },
];

const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  viewed: 'Viewed',
  accepted: 'Accepted',
  rejected: 'Declined',
  expired: 'Expired',
  superseded: 'Superseded',
};

export type QuoteMoveDecision = { ok: true; from: QuoteStatus; to: QuoteStatus } | { ok: false; reason: string };

/** Decides a version's move; a refusal says why. */
export function decideQuoteMove(from: QuoteStatus, to: QuoteStatus): QuoteMoveDecision {
  const t = QUOTE_TRANSITIONS.find((x) => x.to === to && x.from.includes(from));
  if (!t)
    return {
      ok: false,
      reason: `A quote version cannot go from ${QUOTE_STATUS_LABELS[from]} to ${QUOTE_STATUS_LABELS[to]}`,
    };
  return { ok: true, from, to };
}

/** The states a version may be in for a move to `to` (for a guarded UPDATE … WHERE status IN …). */
export function quoteSourceStates(to: QuoteStatus): QuoteStatus[] {
  return QUOTE_TRANSITIONS.filter((t) => t.to === to).flatMap((t) => [...t.from]);
}
