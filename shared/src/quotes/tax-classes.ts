/**
 * Tax classes a quotation line can carry. `gst_*` lines are taxable at the rate;
 * `exempt` lines are part of the supply's value with no tax; `pass_through` lines are
 * reimbursements at actual cost (pure agent, rule 33 of the CGST Rules): outside the
 * taxable value, untaxed and never discounted.
 */
export const TAX_CLASSES = {
  gst_18: { label: 'GST 18%', rateBp: 1800, kind: 'taxable' },
  gst_12: { label: 'GST 12%', rateBp: 1200, kind: 'taxable' },
  gst_5: { label: 'GST 5%', rateBp: 500, kind: 'taxable' },
  gst_28: { label: 'GST 28%', rateBp: 2800, kind: 'taxable' },
  gst_0: { label: 'GST 0%', rateBp: 0, kind: 'taxable' },
  exempt: { label: 'Exempt', rateBp: 0, kind: 'exempt' },
  pass_through: { label: 'Pass-through (at actuals)', rateBp: 0, kind: 'pass_through' },
} as const satisfies Record<string, { label: string; rateBp: number; kind: 'taxable' | 'exempt' | 'pass_through' }>;
export type TaxClass = keyof typeof TAX_CLASSES;
export const TAX_CLASS_CODES = Object.keys(TAX_CLASSES) as TaxClass[];

/** Quotation line categories, in the order a quote groups them. */
export const QUOTE_CATEGORIES = {
  venue: 'Venue',
  decor: 'Décor',
  catering: 'Catering',
  entertainment: 'Entertainment',
  artist_fees: 'Artist fees',
  photography: 'Photography & video',
  hospitality: 'Hospitality',
  logistics: 'Logistics',
  management: 'Event management',
  other: 'Other',
} as const;
export type QuoteCategory = keyof typeof QUOTE_CATEGORIES;
export const QUOTE_CATEGORY_CODES = Object.keys(QUOTE_CATEGORIES) as QuoteCategory[];
