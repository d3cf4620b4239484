import {
  type CompanyProfile,
  computeQuoteTotals,
  gstRegime,
  type QuoteDraftInput,
  type QuoteLineInput,
  type QuoteTotals,
  type QuoteVersionView,
} from '@mandap/shared';

/** The editable draft from a version as the server returned it. */
export function draftFromVersion(v: QuoteVersionView): QuoteDraftInput {
  const { negotiationNote, ...rest } = v.draft;
  return { ...rest, negotiationNote: negotiationNote ?? null, lines: v.lines.map((l) => ({ ...l })) };
}

/** A fresh line with a stable key, so diffs match it across versions. */
export function blankLine(over: Partial<QuoteLineInput> = {}): QuoteLineInput {
  return {
    key: crypto.randomUUID().replaceAll('-', '').slice(0, 12),
    category: 'decor',
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
