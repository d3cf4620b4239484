/** The fields of a quotation line a diff compares, in display order. */
export const DIFF_LINE_FIELDS = [
  'category',
  'description',
  'sac',
  'unit',
  'quantity',
  'rateMinor',
  'discount',
  'taxClass',
] as const;
export type DiffLineField = (typeof DIFF_LINE_FIELDS)[number];

type DiffableLine = { key: string } & { [F in DiffLineField]?: unknown };

/** The totals a diff compares. */
const DIFF_TOTAL_FIELDS = ['subtotalMinor', 'discountMinor', 'taxMinor', 'totalMinor'] as const;
export type DiffTotalField = (typeof DIFF_TOTAL_FIELDS)[number];

export interface DiffableVersion<L extends DiffableLine> {
  lines: readonly L[];
  totals: Record<DiffTotalField, number>;
}

export interface FieldChange {
  field: DiffLineField;
  before: unknown;
  after: unknown;
}

export interface QuoteDiff<L extends DiffableLine> {
  added: L[];
  removed: L[];
  changed: { key: string; before: L; after: L; changes: FieldChange[] }[];
  totals: { field: DiffTotalField; beforeMinor: number; afterMinor: number; deltaMinor: number }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changed from version `from` to version `to`: lines are matched by their stable
 * `key` (kept when a version is copied), so a re-priced line shows as changed, not as
 * one removed and one added.
 */
export function diffQuoteVersions<L extends DiffableLine>(
  from: DiffableVersion<L>,
  to: DiffableVersion<L>,
): QuoteDiff<L> {
  const before = new Map(from.lines.map((l) => [l.key, l]));
  const after = new Map(to.lines.map((l) => [l.key, l]));
  const changed: QuoteDiff<L>['changed'] = [];
  for (const line of to.lines) {
    const old = before.get(line.key);
    if (!old) continue;
    const changes = DIFF_LINE_FIELDS.filter((f) => !same(old[f], line[f])).map((field) => ({
      field,
      before: old[field] ?? null,
      after: line[field] ?? null,
    }));
    if (changes.length > 0) changed.push({ key: line.key, before: old, after: line, changes });
  }
  return {
    added: to.lines.filter((l) => !before.has(l.key)),
    removed: from.lines.filter((l) => !after.has(l.key)),
    changed,
    totals: DIFF_TOTAL_FIELDS.map((field) => ({
      field,
      beforeMinor: from.totals[field],
      afterMinor: to.totals[field],
      deltaMinor: to.totals[field] - from.totals[field],
    })),
  };
}
