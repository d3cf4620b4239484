import type { CompanyProfile } from '@mandap/shared/company';
import {
  computeQuoteTotals,
  gstRegime,
  type QuoteDraftInput,
  type QuoteLineInput,
  type QuoteTotals,
  type QuoteVersionView,
} from '@mandap/shared/quotes';

/** The editable draft from a version as the server returned it. */
export function draftFromVersion(v: QuoteVersionView): QuoteDraftInput {
  const { negotiationNote, ...rest } = v.draft;
  return { ...rest, negotiationNote: negotiationNote ?? null, lines: v.lines.map((l) => ({ ...l })) };
}

/**
 * A fresh line with a stable key, so diffs match it across versions. A line typed by hand is
 * "Other" (the client sees the category, so it must not claim to be décor) unless the caller
 * says otherwise; its unit prints as a plain count (see `unitLabel`).
 */
export function blankLine(over: Partial<QuoteLineInput> = {}): QuoteLineInput {
  return {
    key: crypto.randomUUID().replaceAll('-', '').slice(0, 12),
    category: 'other',
    description: '',
    unit: 'nos',
    quantity: 1,
    rateMinor: 0,
    taxClass: 'gst_18',
    sac: '998596',
    ...over,
  };
}

/** Live totals for the builder; the same pure function the server prices with. */
export function liveTotals(
  draft: QuoteDraftInput,
  company: CompanyProfile,
): { totals: QuoteTotals; error: null } | { totals: null; error: string } {
  try {
    const totals = computeQuoteTotals({
      currency: draft.currency ?? 'INR',
      lines: (draft.lines ?? []).map((l, i) => ({
        key: l.key ?? String(i),
        quantity: l.quantity,
        rateMinor: l.rateMinor,
        discount: l.discount ?? null,
        taxClass: l.taxClass ?? 'gst_18',
      })),
      discount: draft.discount ?? null,
      regime: gstRegime(company.stateCode, draft.placeOfSupply ?? '27'),
      rounding: draft.rounding ?? 'nearest_rupee',
    });
    return { totals, error: null };
  } catch (e) {
    return { totals: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** How a line's quantity and unit read to the client: "2 plate", or just "2" for the default count unit. */
export function quantityLabel(quantity: number, unit: string | undefined): string {
  return !unit || unit === 'nos' ? String(quantity) : `${quantity} ${unit}`;
}
