import { z } from 'zod';
import { ZId, ZIsoDate, ZIsoDateTime } from '../common/schemas.ts';
import { ZGstin } from '../leads/schemas.ts';
import { isRate } from '../money/fx.ts';
import { PAYMENT_MODES } from '../payments/accounts.ts';
import { AGEING_BUCKETS } from '../payments/ageing.ts';
import { ZAmountMinor, ZCurrencyCode } from '../payments/schemas.ts';
import { ASSIGNMENT_STATUSES } from './assignment-status.ts';
import { CATEGORY_KEY } from './categories.ts';
import { DEPENDENCY_KINDS } from './dependencies.ts';
import { checkAccountNumber, checkForeignTaxId, checkIfsc, checkPan, type IdCheck } from './tax-ids.ts';

/** A zod string that must pass one of the id checks; the reason becomes the field's message. */
const checked = (check: (raw: string) => IdCheck) =>
  z
    .string()
    .trim()
    .transform((raw, ctx) => {
      const r = check(raw);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.reason });
        return z.NEVER;
      }
      return r.value;
    });

const ZPan = checked(checkPan);
const ZIfsc = checked(checkIfsc);
const ZForeignTaxId = checked(checkForeignTaxId);

const ZCategoryKey = z.string().regex(CATEGORY_KEY, { error: 'a category key is lower-case letters, digits and _' });

const ZVendorContact = z.strictObject({
  name: z.string().trim().min(1, { error: 'a contact needs a name' }).max(120),
  role: z.string().trim().max(60).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, { error: 'use a phone number like +91 98200 11006' })
    .optional(),
  email: z.email({ error: 'enter a valid email address' }).max(254).optional(),
});
export type VendorContact = z.infer<typeof ZVendorContact>;

const ZBankDetailsInput = z.strictObject({
  accountName: z.string().trim().min(2, { error: 'the account holder name is required' }).max(120),
  accountNumber: checked(checkAccountNumber),
  ifsc: ZIfsc.optional(),
  bankName: z.string().trim().max(120).optional(),
  /** SWIFT/BIC for a foreign bank. */
  swift: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { error: 'a SWIFT code has 8 or 11 letters and digits' })
    .optional(),
});

const ZCountry = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'use a two-letter country code such as IN or AE' });

const vendorFields = {
  name: z.string().trim().min(2, { error: 'the vendor name is required' }).max(160),
  category: ZCategoryKey,
  contacts: z.array(ZVendorContact).max(10, { error: 'at most 10 contacts' }).default([]),
  city: z.string().trim().min(1, { error: 'the city is required' }).max(80),
  country: ZCountry.default('IN'),
  currency: ZCurrencyCode.default('INR'),
  gstin: ZGstin.nullable().optional(),
  foreignTaxId: ZForeignTaxId.nullable().optional(),
  pan: ZPan.nullable().optional(),
  bank: ZBankDetailsInput.nullable().optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
};

function taxIdRules(
  v: { country?: string; gstin?: string | null; pan?: string | null; foreignTaxId?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.gstin && v.country && v.country !== 'IN')
    ctx.addIssue({
      code: 'custom',
      path: ['gstin'],
      message: 'a GSTIN is for vendors in India; use the foreign tax id',
    });
  if (v.foreignTaxId && v.country === 'IN')
    ctx.addIssue({
      code: 'custom',
      path: ['foreignTaxId'],
      message: 'a vendor in India gives a GSTIN or PAN, not a foreign tax id',
    });
  if (v.gstin && v.pan && v.gstin.slice(2, 12) !== v.pan)
    ctx.addIssue({
      code: 'custom',
      path: ['pan'],
      message: `the PAN does not match the GSTIN (which holds ${v.gstin.slice(2, 12)})`,
    });
}

export const ZVendorCreate = z.strictObject(vendorFields).superRefine(taxIdRules);
export type VendorCreate = z.infer<typeof ZVendorCreate>;

export const ZVendorPatch = z
  .strictObject({
    name: vendorFields.name,
    category: vendorFields.category,
    contacts: z.array(ZVendorContact).max(10),
    city: vendorFields.city,
    country: ZCountry,
    currency: ZCurrencyCode,
    gstin: vendorFields.gstin,
    foreignTaxId: vendorFields.foreignTaxId,
    pan: vendorFields.pan,
    bank: vendorFields.bank,
    notes: vendorFields.notes,
    active: z.boolean(),
  })
  .partial()
  .superRefine(taxIdRules);
export type VendorPatch = z.infer<typeof ZVendorPatch>;

export const ZVendorListQuery = z.strictObject({
  q: z.string().trim().max(80).optional(),
  category: ZCategoryKey.optional(),
  city: z.string().trim().max(80).optional(),
  minRating: z.coerce.number().int().min(1).max(5).optional(),
});

/** A vendor as staff see it: bank details masked (last four only). */
export const ZVendor = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  contacts: z.array(ZVendorContact),
  city: z.string().nullable(),
  country: z.string(),
  currency: z.string(),
  gstin: z.string().nullable(),
  foreignTaxId: z.string().nullable(),
  pan: z.string().nullable(),
  ifsc: z.string().nullable(),
  bankMasked: z.string().nullable(),
  bankName: z.string().nullable(),
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
  notes: z.string().nullable(),
  hasLogin: z.boolean(),
  active: z.boolean(),
});
export type Vendor = z.infer<typeof ZVendor>;

export const ZBankDetails = z.object({
  accountName: z.string(),
  accountNumber: z.string(),
  ifsc: z.string().nullable(),
  bankName: z.string().nullable(),
  swift: z.string().nullable(),
});
export type BankDetails = z.infer<typeof ZBankDetails>;

export const ZVendorCategory = z.object({ key: z.string(), label: z.string(), builtIn: z.boolean() });
export type VendorCategory = z.infer<typeof ZVendorCategory>;
export const ZVendorCategoryCreate = z.strictObject({
  label: z.string().trim().min(2, { error: 'the category needs a name' }).max(40),
});

export const ZRatingInput = z.strictObject({
  eventId: ZId,
  rating: z.number().int({ error: 'rate 1 to 5' }).min(1, { error: 'rate 1 to 5' }).max(5, { error: 'rate 1 to 5' }),
  notes: z.string().trim().max(2000).optional(),
});
export const ZVendorRating = z.object({
  id: ZId,
  eventId: ZId,
  eventName: z.string(),
  rating: z.number().int(),
  notes: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
});
export type VendorRating = z.infer<typeof ZVendorRating>;

export const ZVendorDocument = z.object({
  id: ZId,
  vendorId: ZId,
  assignmentId: ZId.nullable(),
  kind: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedByName: z.string().nullable(),
  at: z.string(),
});
export type VendorDocument = z.infer<typeof ZVendorDocument>;
export const VENDOR_DOCUMENT_KINDS = ['agreement', 'rate_card', 'invoice', 'delivery_proof', 'other'] as const;

// ---- assignments and POs ----

export const ZPoLine = z.strictObject({
  description: z.string().trim().min(1, { error: 'describe the line' }).max(300),
  quantity: z.number().int({ error: 'quantity is a whole number' }).min(1).max(100_000),
  unitMinor: ZAmountMinor,
});
export type PoLine = z.infer<typeof ZPoLine>;

const ZMilestoneDate = z.strictObject({
  label: z.string().trim().min(1).max(80),
  date: ZIsoDate,
});

export const ZAssignmentCreate = z.strictObject({
  vendorId: ZId,
  eventId: ZId,
  scope: z.string().trim().min(3, { error: 'describe the scope of work' }).max(2000),
  budgetCategory: ZCategoryKey,
  lines: z.array(ZPoLine).min(1, { error: 'a PO needs at least one line' }).max(100),
  currency: ZCurrencyCode.optional(),
  terms: z.string().trim().max(4000).optional(),
  milestones: z.array(ZMilestoneDate).max(20).default([]),
  arrivalExpectedAt: ZIsoDateTime.optional(),
});
export type AssignmentCreate = z.infer<typeof ZAssignmentCreate>;

export const ZAssignmentStatus = z.enum(ASSIGNMENT_STATUSES, {
  error: `status must be one of ${ASSIGNMENT_STATUSES.join(', ')}`,
});
export const ZStatusChange = z.strictObject({ status: ZAssignmentStatus, note: z.string().trim().max(500).optional() });

export const ZAssignment = z.object({
  id: ZId,
  vendorId: ZId,
  vendorName: z.string(),
  vendorCategory: z.string(),
  eventId: ZId,
  eventName: z.string(),
  eventStartDate: z.string(),
  scope: z.string(),
  budgetCategory: z.string().nullable(),
  poNumber: z.string().nullable(),
  poDate: z.string().nullable(),
  lines: z.array(ZPoLine),
  amountMinor: z.number().int(),
  currency: z.string(),
  terms: z.string().nullable(),
  milestones: z.array(ZMilestoneDate),
  status: ZAssignmentStatus,
  arrivalExpectedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  /** Paid so far, gross, in the PO's currency. */
  paidMinor: z.number().int(),
  /** When the vendor accepted the PO through its share link, and the name they typed. */
  poAcceptedAt: z.string().nullable(),
  poAcceptedName: z.string().nullable(),
});
export type Assignment = z.infer<typeof ZAssignment>;

export const ZDependencyCreate = z.strictObject({
  dependsOnId: ZId,
  kind: z.enum(DEPENDENCY_KINDS).default('finish_to_start'),
  note: z.string().trim().max(300).optional(),
});

export const ZDependency = z.object({
  id: ZId,
  assignmentId: ZId,
  dependsOnId: ZId,
  kind: z.enum(DEPENDENCY_KINDS),
  note: z.string().nullable(),
});
export type Dependency = z.infer<typeof ZDependency>;

const ZBlockReason = z.object({
  assignmentId: ZId,
  blockerId: ZId,
  blockerVendorName: z.string(),
  blockerScope: z.string(),
  blockerStatus: ZAssignmentStatus,
  kind: z.enum(DEPENDENCY_KINDS),
  depth: z.number().int(),
  reason: z.string(),
});
export type BlockReasonView = z.infer<typeof ZBlockReason>;

export const ZEventVendorGraph = z.object({
  assignments: z.array(ZAssignment),
  dependencies: z.array(ZDependency),
  blocked: z.array(ZBlockReason),
});
export type EventVendorGraph = z.infer<typeof ZEventVendorGraph>;

// ---- payables ----

const ZScheduleItem = z.strictObject({
  label: z.string().trim().min(1).max(80),
  dueDate: ZIsoDate,
  amountMinor: ZAmountMinor,
});
export const ZScheduleSet = z.strictObject({ items: z.array(ZScheduleItem).min(1).max(20) });

export const ZScheduleRow = z.object({
  id: ZId,
  seq: z.number().int(),
  label: z.string(),
  dueDate: z.string(),
  amountMinor: z.number().int(),
  paidMinor: z.number().int(),
});

export const ZVendorPaymentCreate = z.strictObject({
  /** Gross paid, in the PO's currency (minor units). */
  amountMinor: ZAmountMinor,
  mode: z.enum(PAYMENT_MODES),
  reference: z.string().trim().max(120).optional(),
  paidOn: ZIsoDate,
  /** TDS withheld, in the PO's currency; default: the section 194C rate for the vendor's PAN (INR POs). */
  tdsMinor: z.number().int().min(0).optional(),
  /**
   * For a foreign-currency PO: the rate the bank paid at (INR per one unit of the PO's currency).
   * Default: the stored rate for the day paid (FX rates).
   */
  fxRate: z.string().refine(isRate, { error: 'use a decimal greater than zero, like 83.2150' }).optional(),
});

export const ZVendorPayment = z.object({
  id: ZId,
  assignmentId: ZId,
  amountMinor: z.number().int(),
  tdsMinor: z.number().int(),
  netMinor: z.number().int(),
  currency: z.string(),
  /** The gross in INR paise at the rate used (equal to amountMinor for INR). */
  amountInrMinor: z.number().int(),
  /** The rate used (INR per unit), null for INR. */
  fxRate: z.string().nullable(),
  mode: z.string(),
  reference: z.string().nullable(),
  paidOn: z.string(),
  journalEntryId: ZId,
});
export type VendorPayment = z.infer<typeof ZVendorPayment>;

export const ZPayableRow = z.object({
  scheduleId: ZId,
  assignmentId: ZId,
  vendorId: ZId,
  vendorName: z.string(),
  eventId: ZId,
  eventName: z.string(),
  poNumber: z.string().nullable(),
  label: z.string(),
  dueDate: z.string(),
  /** In the PO's currency. */
  currency: z.string(),
  outstandingMinor: z.number().int(),
  /** In INR at the rate the PO was booked at (else the newest stored rate); null when there is no rate. */
  outstandingInrMinor: z.number().int().nullable(),
  bucket: z.enum(AGEING_BUCKETS),
});
export type PayableRow = z.infer<typeof ZPayableRow>;

// ---- budget ----

export const ZBudgetSet = z.strictObject({
  items: z.array(z.strictObject({ category: ZCategoryKey, budgetMinor: z.number().int().min(0) })).max(60),
});
const ZBudgetLine = z.object({
  category: z.string(),
  budgetMinor: z.number().int(),
  budgetSource: z.enum(['manual', 'quote', 'none']),
  committedMinor: z.number().int(),
  paidMinor: z.number().int(),
});
export const ZBudgetReport = z.object({
  eventId: ZId,
  lines: z.array(ZBudgetLine),
  totals: z.object({ budgetMinor: z.number().int(), committedMinor: z.number().int(), paidMinor: z.number().int() }),
  /** Only for roles allowed to see margins: the accepted quote's pre-tax total less committed vendor cost. */
  margin: z
    .object({ revenueMinor: z.number().int(), costMinor: z.number().int(), marginMinor: z.number().int() })
    .nullable(),
  /** What the figures leave out and why (a foreign PO with no rate to value it in INR). */
  warnings: z.array(z.string()),
});
export type BudgetReport = z.infer<typeof ZBudgetReport>;

// ---- the vendor's own pages ----

const ZBlockLink = z.object({
  myAssignmentId: ZId,
  otherAssignmentId: ZId,
  otherVendorName: z.string(),
  otherScope: z.string(),
  otherStatus: ZAssignmentStatus,
  reason: z.string(),
});
export type BlockLink = z.infer<typeof ZBlockLink>;

const ZCallSheetRow = z.object({
  assignmentId: ZId,
  eventId: ZId,
  eventName: z.string(),
  startDate: z.string(),
  city: z.string(),
  venue: z.string().nullable(),
  scope: z.string(),
  arrivalExpectedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type CallSheetRow = z.infer<typeof ZCallSheetRow>;

export const ZVendorPortal = z.object({
  vendor: z.object({ id: ZId, code: z.string(), name: z.string() }).nullable(),
  assignments: z.array(ZAssignment),
  payments: z.array(ZVendorPayment),
  blockedBy: z.array(ZBlockLink),
  blocking: z.array(ZBlockLink),
  callSheet: z.array(ZCallSheetRow),
});
export type VendorPortal = z.infer<typeof ZVendorPortal>;
