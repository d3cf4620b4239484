import { audienceOf } from './scope.ts';

/**
 * Field visibility: which fields of a record each external audience never receives. Staff see
 * everything. A client never sees internal notes, costs, margins, the rate card, vendor costs or
 * other clients; a vendor never sees client money or margins (and receives no quotes or payments
 * at all: see `canSeeUnderEvent`).
 */
const REDACTED_KINDS = [
  'quote_draft',
  'quote_line',
  'quote_summary',
  'payment',
  'milestone',
  'event',
  'vendor_assignment',
  'assignee',
] as const;
export type RedactedKind = (typeof REDACTED_KINDS)[number];

const INTERNAL_ONLY = ['internalNote', 'internalNotes', 'negotiationNote', 'costMinor', 'marginMinor', 'marginPercent'];

const HIDDEN_FIELDS: Record<'vendor' | 'client', Record<RedactedKind, readonly string[]>> = {
  client: {
    quote_draft: [...INTERNAL_ONLY],
    // The catalogue id points into the house rate card.
    quote_line: [...INTERNAL_ONLY, 'catalogueItemId', 'catalogueRateMinor', 'vendorCostMinor'],
    quote_summary: [...INTERNAL_ONLY],
    payment: [...INTERNAL_ONLY, 'journalEntryId', 'recordedBy'],
    milestone: [...INTERNAL_ONLY],
    event: [...INTERNAL_ONLY, 'vendorCostMinor'],
    vendor_assignment: [...INTERNAL_ONLY, 'vendorCostMinor', 'amountMinor', 'rateMinor', 'notes'],
    assignee: ['email', 'phone'],
  },
  vendor: {
    quote_draft: [...INTERNAL_ONLY, 'notes', 'terms', 'buyerGstin', 'buyerAddress', 'discount'],
    quote_line: [...INTERNAL_ONLY, 'rateMinor', 'discount', 'catalogueItemId', 'vendorCostMinor'],
    quote_summary: [...INTERNAL_ONLY, 'totalMinor', 'totalInrMinor', 'clientName'],
    payment: [...INTERNAL_ONLY, 'amountMinor', 'amountInrMinor', 'allocations', 'journalEntryId', 'reference'],
    milestone: [...INTERNAL_ONLY, 'amountMinor', 'paidMinor', 'outstandingMinor'],
    event: [...INTERNAL_ONLY, 'clientName', 'budgetMinor', 'quoteTotalMinor'],
    vendor_assignment: [...INTERNAL_ONLY, 'marginMinor'],
    assignee: ['email', 'phone'],
  },
};

/** The fields of `kind` that `role` must not receive (empty for staff). */
function hiddenFields(role: string, kind: RedactedKind): readonly string[] {
  const audience = audienceOf(role);
  if (audience === 'internal') return [];
  if (audience === 'none') return HIDDEN_FIELDS.client[kind];
  return HIDDEN_FIELDS[audience][kind];
}

/** A copy of `record` without the fields `role` must not see. Staff get the record unchanged. */
export function redact<T extends object>(role: string, kind: RedactedKind, record: T): T {
  const hidden = hiddenFields(role, kind);
  if (hidden.length === 0) return record;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!hidden.includes(k)) out[k] = v;
  return out as T;
}

/** One quote version as the API shows it to `role`: its draft and lines redacted field by field. */
export function redactQuoteVersion<V extends { draft: object; lines: readonly object[] }>(role: string, view: V): V {
  if (audienceOf(role) === 'internal') return view;
  return {
    ...view,
    draft: redact(role, 'quote_draft', view.draft),
    lines: view.lines.map((l) => redact(role, 'quote_line', l)),
  };
}
