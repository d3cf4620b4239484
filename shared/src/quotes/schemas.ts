import { z } from 'zod';
import { ZIsoDate } from '../common/schemas.ts';
import type { CompanyProfile } from '../company/profile.ts';
import { ZGstin } from '../leads/schemas.ts';
import { type FxSnapshot, isRate } from '../money/fx.ts';
import { CURRENCIES, type Currency, MAX_AMOUNT_MINOR } from '../money/money.ts';
import { GST_STATE_CODES, SAC_EVENT_MANAGEMENT, TAX_ROUNDING_MODES } from './gst.ts';
import { PAYMENT_TERM_ANCHORS, paymentTermsProblem } from './payment-terms.ts';
import type { QuoteTotals } from './quote-totals.ts';
import { QUOTE_CATEGORY_CODES, TAX_CLASS_CODES } from './tax-classes.ts';

const QUOTE_STATUSES = ['draft', 'sent', 'viewed', 'accepted', 'rejected', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** The most lines one quote version may carry. */
const MAX_QUOTE_LINES = 500;

const ZAmountMinor = z
  .number({ error: 'must be a number of minor units (paise)' })
  .int({ error: 'must be a whole number of minor units (paise), not a fraction' })
  .min(0, { error: 'cannot be negative' })
  .max(MAX_AMOUNT_MINOR, { error: 'is larger than the largest amount we accept (₹1 lakh crore)' });

const ZCurrency = z.enum(CURRENCIES, {
  error: `unknown currency: use one of ${CURRENCIES.join(', ')}`,
});

const ZDiscount = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('percent'),
      percent: z
        .number()
        .min(0, { error: 'a percentage cannot be negative' })
        .max(100, { error: 'a percentage cannot exceed 100' })
        .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, { error: 'use at most two decimals' }),
    }),
    z.strictObject({ kind: z.literal('amount'), amountMinor: ZAmountMinor }),
  ],
  { error: 'a discount is { kind: "percent", percent } or { kind: "amount", amountMinor }' },
);

const ZQuoteLine = z.strictObject({
  /** Stable across versions, so a diff can tell a changed line from a replaced one. Assigned when missing. */
  key: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'use letters, digits, - or _' })
    .optional(),
  category: z.enum(QUOTE_CATEGORY_CODES, { error: `use one of ${QUOTE_CATEGORY_CODES.join(', ')}` }),
  description: z.string().trim().min(1, { error: 'describe the line' }).max(500),
  sac: z
    .string()
    .regex(/^\d{4,8}$/, { error: 'a SAC/HSN code has 4 to 8 digits' })
    .default(SAC_EVENT_MANAGEMENT),
  unit: z.string().trim().min(1).max(20).default('nos'),
  quantity: z
    .number({ error: 'quantity must be a number' })
    .min(0, { error: 'quantity cannot be negative' })
    .max(1_000_000, { error: 'quantity is too large' })
    .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, { error: 'use at most three decimals' }),
  rateMinor: ZAmountMinor,
  discount: ZDiscount.nullable().optional(),
  taxClass: z.enum(TAX_CLASS_CODES, { error: `use one of ${TAX_CLASS_CODES.join(', ')}` }).default('gst_18'),
  catalogueItemId: z.string().nullable().optional(),
});
export type QuoteLineInput = z.input<typeof ZQuoteLine>;
export type QuoteLine = z.output<typeof ZQuoteLine> & { key: string };

/** One instalment of a quote's payment terms (printed on the quote, the source of the milestone plan). */
export const ZPaymentTerm = z.strictObject({
  label: z.string().trim().min(2, { error: 'name the instalment' }).max(80),
  percent: z
    .number({ error: 'percent must be a number' })
    .int({ error: 'use a whole percent' })
    .min(1, { error: 'at least 1%' })
    .max(100, { error: 'at most 100%' }),
  anchor: z.enum(PAYMENT_TERM_ANCHORS, { error: `use one of ${PAYMENT_TERM_ANCHORS.join(', ')}` }),
  days: z
    .number({ error: 'days must be a number' })
    .int({ error: 'use whole days' })
    .min(-365, { error: 'at most a year before' })
    .max(365, { error: 'at most a year after' }),
});
/** A quote's payment terms: instalments adding up to 100%. */
const ZPaymentTerms = z
  .array(ZPaymentTerm)
  .max(12, { error: 'at most 12 instalments' })
  .superRefine((terms, ctx) => {
    const problem = paymentTermsProblem(terms);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A house template of payment terms, editable in settings. */
const ZPaymentTermTemplateInput = z.strictObject({
  name: z.string().trim().min(2, { error: 'name the template' }).max(80),
  terms: ZPaymentTerms,
});
export const ZPaymentTermTemplates = z.strictObject({
  templates: z.array(ZPaymentTermTemplateInput).min(1, { error: 'keep at least one template' }).max(20),
});
export type PaymentTermTemplateInput = z.input<typeof ZPaymentTermTemplateInput>;
export interface PaymentTermTemplate {
  id: string;
  name: string;
  terms: z.output<typeof ZPaymentTerms>;
  position: number;
}

const draftFields = {
  title: z.string().trim().min(2, { error: 'give the quote a title' }).max(200),
  currency: ZCurrency.default('INR'),
  customerType: z.enum(['b2b', 'b2c']).default('b2c'),
  buyerName: z.string().trim().max(200).nullable().optional(),
  buyerGstin: z
    .string()
    .nullable()
    .optional()
    .transform((v) => (v?.trim() ? v : null))
    .pipe(ZGstin.nullable()),
  buyerAddress: z.string().trim().max(500).nullable().optional(),
  placeOfSupply: z
    .enum(GST_STATE_CODES, { error: 'use a two-digit GST state code, e.g. 27 for Maharashtra' })
    .default('27'),
  lines: z.array(ZQuoteLine).max(MAX_QUOTE_LINES, { error: `a quote has at most ${MAX_QUOTE_LINES} lines` }),
  discount: ZDiscount.nullable().optional(),
  rounding: z.enum(TAX_ROUNDING_MODES).default('nearest_rupee'),
  validUntil: ZIsoDate.nullable().optional(),
  notes: z.string().max(4000).nullable().optional(),
  terms: z.string().max(8000).nullable().optional(),
  /** The instalments the client signs; the milestone plan is made from exactly these. */
  paymentTerms: ZPaymentTerms.nullable().optional(),
  negotiationNote: z.string().max(2000).nullable().optional(),
};

const b2bNeedsGstin = (d: { customerType: string; buyerGstin?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (d.customerType === 'b2b' && !d.buyerGstin)
    ctx.addIssue({ code: 'custom', path: ['buyerGstin'], message: 'a B2B quote needs the buyer’s GSTIN' });
};

/** A quote's editable content: what a draft version holds. */
export const ZQuoteDraft = z.strictObject(draftFields).superRefine(b2bNeedsGstin);
export type QuoteDraftInput = z.input<typeof ZQuoteDraft>;
export type QuoteDraft = z.output<typeof ZQuoteDraft>;

/** Create a quote for a lead or an event (exactly one). */
export const ZCreateQuote = z
  .strictObject({ ...draftFields, leadId: z.uuid().optional(), eventId: z.uuid().optional() })
  .superRefine(b2bNeedsGstin)
  .superRefine((d, ctx) => {
    if (!d.leadId === !d.eventId)
      ctx.addIssue({ code: 'custom', path: ['leadId'], message: 'give either leadId or eventId (exactly one)' });
  });
export type CreateQuoteInput = z.input<typeof ZCreateQuote>;
export type CreateQuote = z.output<typeof ZCreateQuote>;

export const ZNewQuoteVersion = z.strictObject({ negotiationNote: z.string().max(2000).nullable().optional() });
export const ZSendQuote = z.strictObject({
  /** Days the share link stays valid (default 30). */
  linkDays: z.number().int().min(1).max(180).optional(),
});

export const ZQuoteListQuery = z.strictObject({
  leadId: z.uuid().optional(),
  eventId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** Public acceptance: typed full name and the terms ticked. */
export const ZAcceptQuote = z.strictObject({
  name: z.string().trim().min(2, { error: 'type your full name to accept' }).max(120),
  acceptTerms: z.literal(true, { error: 'tick the box to accept the terms' }),
});
export type AcceptQuote = z.infer<typeof ZAcceptQuote>;

export const ZRequestChanges = z.strictObject({
  name: z.string().trim().min(2, { error: 'tell us your name' }).max(120),
  message: z.string().trim().min(3, { error: 'say what you would like changed' }).max(2000),
});
export type RequestChanges = z.infer<typeof ZRequestChanges>;

/** The client declines a shared version; the reason is optional. */
export const ZDeclineQuote = z.strictObject({
  name: z.string().trim().min(2, { error: 'tell us your name' }).max(120),
  reason: z.string().trim().max(2000).nullable().optional(),
});
export type DeclineQuote = z.infer<typeof ZDeclineQuote>;

const ZSac = z.string().regex(/^\d{4,8}$/, { error: 'a SAC/HSN code has 4 to 8 digits' });
const catalogueFields = {
  name: z.string().trim().min(2, { error: 'name the item in at least 2 characters' }).max(200),
  category: z.enum(QUOTE_CATEGORY_CODES),
  unit: z.string().trim().min(1, { error: 'enter the unit, e.g. nos' }).max(20),
  rateMinor: ZAmountMinor,
  currency: ZCurrency,
  taxClass: z.enum(TAX_CLASS_CODES),
  sac: ZSac,
};

export const ZCatalogueItemInput = z.strictObject({
  ...catalogueFields,
  unit: catalogueFields.unit.default('nos'),
  currency: ZCurrency.default('INR'),
  taxClass: catalogueFields.taxClass.default('gst_18'),
  sac: ZSac.default(SAC_EVENT_MANAGEMENT),
});
export type CatalogueItemInput = z.input<typeof ZCatalogueItemInput>;

/** Edit a catalogue item: only the fields given change; `active: false` retires it from the picker (quotes keep their copy). */
export const ZCatalogueItemPatch = z
  .strictObject({
    name: catalogueFields.name.optional(),
    category: catalogueFields.category.optional(),
    unit: catalogueFields.unit.optional(),
    rateMinor: ZAmountMinor.optional(),
    currency: ZCurrency.optional(),
    taxClass: catalogueFields.taxClass.optional(),
    sac: ZSac.optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { error: 'say what to change' });
export type CatalogueItemPatch = z.input<typeof ZCatalogueItemPatch>;

export const ZManualFxRate = z.strictObject({
  base: ZCurrency,
  quote: ZCurrency.default('INR'),
  rate: z.string().refine(isRate, { error: 'use a decimal greater than zero, like 83.2150' }),
  asOf: ZIsoDate.optional(),
  /** Set to keep a rate far from the stored rate for that day (see FX_BAND in payments/bounds). */
  confirmOutsideBand: z.boolean().optional(),
});
export type ManualFxRate = z.input<typeof ZManualFxRate>;

/** One version as the API returns it: its content, its priced totals and its FX snapshot. */
export interface QuoteVersionView {
  id: string;
  version: number;
  status: QuoteStatus;
  isChangeOrder: boolean;
  draft: Omit<QuoteDraft, 'lines'>;
  lines: QuoteLine[];
  totals: QuoteTotals;
  fx: FxSnapshot | null;
  totalInrMinor: number;
  sentAt: string | null;
  acceptedAt: string | null;
  acceptance: { name: string; ip: string | null; userAgent: string | null; at: string } | null;
  createdAt: string;
}

export interface QuoteSummary {
  id: string;
  code: string;
  title: string;
  status: QuoteStatus;
  currency: Currency;
  currentVersion: number;
  totalMinor: number;
  totalInrMinor: number;
  leadId: string | null;
  eventId: string | null;
  clientName: string | null;
  updatedAt: string;
}

export interface QuoteDetail {
  quote: QuoteSummary;
  versions: Pick<QuoteVersionView, 'id' | 'version' | 'status' | 'isChangeOrder' | 'sentAt' | 'createdAt'>[];
  current: QuoteVersionView;
  company: CompanyProfile;
  clientPhone: string | null;
}

/** What the public share link shows: one version, no internal notes. */
export interface PublicQuoteView {
  code: string;
  company: CompanyProfile;
  clientName: string | null;
  version: Omit<QuoteVersionView, 'draft'> & { draft: Omit<QuoteDraft, 'lines' | 'negotiationNote'> };
  linkExpiresAt: string;
  canAccept: boolean;
  /** Why acceptance is closed, in words, when it is. */
  closedReason: string | null;
}
