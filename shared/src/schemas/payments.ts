import { z } from 'zod';
import { BOOKING_STATES } from '../lifecycle.ts';
import { CURRENCIES, MAX_AMOUNT_MINOR } from '../money.ts';
import { PAYMENT_MODES } from '../payments/accounts.ts';
import { AGEING_BUCKETS } from '../payments/ageing.ts';
import { MILESTONE_STATUSES, MILESTONE_TEMPLATE_KEYS } from '../payments/milestones.ts';
import { ZId, ZIsoDate } from './common.ts';

/** A positive whole number of minor units (paise), no larger than the system's limit. */
export const ZAmountMinor = z
  .number({ error: 'amount is required, in paise (a whole number)' })
  .int({ error: 'amount must be a whole number of paise (no fractions of a paisa)' })
  .positive({ error: 'amount must be more than zero' })
  .max(MAX_AMOUNT_MINOR, { error: 'amount is beyond the largest accepted (₹1 lakh crore)' });

export const ZCurrencyCode = z.enum(CURRENCIES, { error: `currency must be one of ${CURRENCIES.join(', ')}` });
export const ZPaymentMode = z.enum(PAYMENT_MODES, { error: `mode must be one of ${PAYMENT_MODES.join(', ')}` });

export const ZAllocation = z.strictObject({ milestoneId: ZId, amountMinor: ZAmountMinor });

/** Recording money received (finance). Without allocations it pays the oldest milestones first. */
export const ZRecordPayment = z.strictObject({
  eventId: ZId,
  mode: ZPaymentMode,
  reference: z.string().trim().max(120).optional(),
  receivedOn: ZIsoDate,
  amountMinor: ZAmountMinor,
  currency: ZCurrencyCode,
  /** Units of INR per one unit of `currency`; default: the latest stored rate. */
  fxRate: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,12})?$/, { error: 'use a decimal rate like 83.2150' })
    .optional(),
  allocations: z.array(ZAllocation).max(50).optional(),
});
export type RecordPayment = z.infer<typeof ZRecordPayment>;

/** A refund (part or all of a payment) or a reversal (a mistaken entry undone in full). */
export const ZRefundPayment = z.strictObject({
  kind: z.enum(['refund', 'reversal']),
  /** Required for a refund; a reversal always undoes the whole payment. */
  amountMinor: ZAmountMinor.optional(),
  reason: z.string().trim().min(3, { error: 'say why, in a few words' }).max(500),
  on: ZIsoDate.optional(),
});
export type RefundPayment = z.infer<typeof ZRefundPayment>;

export const ZMilestone = z.object({
  id: ZId,
  eventId: ZId,
  seq: z.number().int(),
  label: z.string(),
  dueDate: z.string(),
  amountMinor: z.number().int(),
  currency: ZCurrencyCode,
  paidMinor: z.number().int(),
  status: z.enum(MILESTONE_STATUSES),
});
export type Milestone = z.infer<typeof ZMilestone>;

export const ZCreateMilestonePlan = z.strictObject({
  eventId: ZId,
  template: z.enum(MILESTONE_TEMPLATE_KEYS).default('standard'),
});
export type CreateMilestonePlan = z.input<typeof ZCreateMilestonePlan>;

/** The whole plan as edited: existing milestones keep their id; new ones have none. */
export const ZEditMilestonePlan = z.strictObject({
  milestones: z
    .array(
      z.strictObject({
        id: ZId.optional(),
        label: z.string().trim().min(1).max(120),
        dueDate: ZIsoDate,
        amountMinor: z.number().int().min(0).max(MAX_AMOUNT_MINOR),
        waived: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(24),
});
export type EditMilestonePlan = z.infer<typeof ZEditMilestonePlan>;

export const ZPayment = z.object({
  id: ZId,
  code: z.string(),
  eventId: z.string().nullable(),
  clientId: z.string().nullable(),
  mode: ZPaymentMode,
  reference: z.string().nullable(),
  receivedOn: z.string(),
  amountMinor: z.number().int(),
  currency: ZCurrencyCode,
  amountInrMinor: z.number().int(),
  fxRate: z.string().nullable(),
  reversesPaymentId: z.string().nullable(),
  allocations: z.array(z.object({ milestoneId: z.string(), amountMinor: z.number().int() })),
  journalEntryId: z.string().nullable(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof ZPayment>;

export const ZPaymentResult = z.object({ payment: ZPayment, milestones: z.array(ZMilestone) });
export type PaymentResult = z.infer<typeof ZPaymentResult>;

export const ZAccountBalance = z.object({
  account: z.string(),
  currency: ZCurrencyCode,
  amountMinor: z.number().int(),
  amountInrMinor: z.number().int(),
});
export type AccountBalance = z.infer<typeof ZAccountBalance>;

export const ZTrialBalance = z.object({
  accounts: z.array(ZAccountBalance),
  totalDebitInrMinor: z.number().int(),
  totalCreditInrMinor: z.number().int(),
  isBalanced: z.boolean(),
});
export type TrialBalance = z.infer<typeof ZTrialBalance>;

export const ZLedgerLine = z.object({
  entryId: z.string(),
  occurredAt: z.string(),
  memo: z.string(),
  sourceType: z.string(),
  account: z.string(),
  currency: ZCurrencyCode,
  amountMinor: z.number().int(),
  amountInrMinor: z.number().int(),
});
export type LedgerLine = z.infer<typeof ZLedgerLine>;

export const ZOutstandingRow = z.object({
  eventId: z.string(),
  eventCode: z.string(),
  eventName: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  currency: ZCurrencyCode,
  dueMinor: z.number().int(),
  paidMinor: z.number().int(),
  outstandingMinor: z.number().int(),
  buckets: z.record(z.enum(AGEING_BUCKETS), z.number().int()),
});
export type OutstandingRow = z.infer<typeof ZOutstandingRow>;

export const ZOverdueMilestone = ZMilestone.extend({
  eventCode: z.string(),
  eventName: z.string(),
  clientName: z.string().nullable(),
  outstandingMinor: z.number().int(),
  daysOverdue: z.number().int(),
});
export type OverdueMilestone = z.infer<typeof ZOverdueMilestone>;

export const ZMoveBooking = z.strictObject({ to: z.enum(BOOKING_STATES) });
export type MoveBooking = z.infer<typeof ZMoveBooking>;

/** Issue a GST tax invoice for one milestone, or (without one) for what of the accepted quote is not yet invoiced. */
export const ZIssueInvoice = z.strictObject({
  eventId: ZId,
  milestoneId: ZId.optional(),
  issuedOn: ZIsoDate.optional(),
});
export type IssueInvoice = z.infer<typeof ZIssueInvoice>;

/** A GST tax invoice or credit note as listed and downloaded. */
export const ZTaxDocument = z.object({
  id: ZId,
  kind: z.enum(['invoice', 'credit_note']),
  number: z.string(),
  financialYear: z.string(),
  eventId: ZId,
  milestoneId: z.string().nullable(),
  paymentId: z.string().nullable(),
  currency: ZCurrencyCode,
  taxableMinor: z.number().int(),
  cgstMinor: z.number().int(),
  sgstMinor: z.number().int(),
  igstMinor: z.number().int(),
  totalMinor: z.number().int(),
  totalInrMinor: z.number().int(),
  placeOfSupply: z.string().nullable(),
  buyer: z.object({ name: z.string(), gstin: z.string().nullable(), address: z.string().nullable() }),
  issuedOn: z.string(),
});
export type TaxDocument = z.infer<typeof ZTaxDocument>;
