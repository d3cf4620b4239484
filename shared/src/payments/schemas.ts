import { z } from 'zod';
import { ZId, ZIsoDate } from '../common/schemas.ts';
import { BOOKING_STATES } from '../events/lifecycle.ts';
import { isRate } from '../money/fx.ts';
import { CURRENCIES, MAX_AMOUNT_MINOR } from '../money/money.ts';
import { PAYMENT_MODES } from './accounts.ts';
import { AGEING_BUCKETS } from './ageing.ts';
import { MILESTONE_STATUSES, MILESTONE_TEMPLATE_KEYS } from './milestones.ts';

/** A positive whole number of minor units (paise), no larger than the system's limit. */
export const ZAmountMinor = z
  .number({ error: 'amount is required, in paise (a whole number)' })
  .int({ error: 'amount must be a whole number of paise (no fractions of a paisa)' })
  .positive({ error: 'amount must be more than zero' })
  .max(MAX_AMOUNT_MINOR, { error: 'amount is beyond the largest accepted (₹1 lakh crore)' });

export const ZCurrencyCode = z.enum(CURRENCIES, { error: `currency must be one of ${CURRENCIES.join(', ')}` });
const ZPaymentMode = z.enum(PAYMENT_MODES, { error: `mode must be one of ${PAYMENT_MODES.join(', ')}` });

const ZAllocation = z.strictObject({ milestoneId: ZId, amountMinor: ZAmountMinor });

/** Recording money received (finance). Without allocations it pays the oldest milestones first. */
export const ZRecordPayment = z.strictObject({
  eventId: ZId,
  mode: ZPaymentMode,
  reference: z.string().trim().max(120).optional(),
  receivedOn: ZIsoDate,
  amountMinor: ZAmountMinor,
  currency: ZCurrencyCode,
  /** Units of INR per one unit of `currency`, greater than zero; default: the stored rate. Refused on an INR payment. */
  fxRate: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,12})?$/, { error: 'use a decimal rate like 83.2150' })
    .refine(isRate, { error: 'the rate must be greater than zero' })
    .optional(),
  /** Set to take a rate that is far from the stored rate for the day. */
  fxRateConfirmed: z.boolean().optional(),
  /** Milestones to pay; whatever the payment has beyond them is held as credit on account. */
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
  /** The part not allocated to milestones: held as credit on account (0 on refunds). */
  unallocatedMinor: z.number().int(),
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
  /** `label` names the client or vendor behind an account id ("Receivable · Sharma family (CL-…)"). */
  accounts: z.array(ZAccountBalance.extend({ label: z.string() })),
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
  /** The account as people read it: names, never raw ids. */
  accountLabel: z.string(),
  /** The event and client the entry belongs to, named. */
  eventId: z.string().nullable(),
  eventLabel: z.string().nullable(),
  clientLabel: z.string().nullable(),
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

/** Finance applies an event's credit on account to its milestones (named, or the oldest open ones). */
export const ZApplyCredit = z.strictObject({
  amountMinor: ZAmountMinor.optional(),
  allocations: z.array(ZAllocation).max(50).optional(),
});

/** Finance pays back credit on account an event holds. */
export const ZRefundCredit = z.strictObject({
  amountMinor: ZAmountMinor,
  reason: z.string().trim().min(3, { error: 'say why, in a few words' }).max(500),
});

/** Finance writes off credit on account below zero (paid out beyond what was held), saying why. */
export const ZWriteOffCredit = z.strictObject({
  reason: z.string().trim().min(3, { error: 'say why, in a few words' }).max(500),
});

/** Finance moves a suspense item (gateway money no link matched) to an event. */
export const ZResolveSuspense = z.strictObject({ eventId: ZId, milestoneId: ZId.optional() });

export const ZCreditRow = z.object({
  eventId: z.string(),
  eventCode: z.string(),
  eventName: z.string(),
  clientName: z.string().nullable(),
  currency: ZCurrencyCode,
  creditMinor: z.number().int(),
  /** The part of the credit a gateway collected (refunded at the gateway). */
  byGatewayMinor: z.number().int(),
  /** The part received otherwise: what the money desk may pay back. */
  byHandMinor: z.number().int(),
  paymentIds: z.array(z.string()),
});
export type CreditRow = z.infer<typeof ZCreditRow>;

/** A cancelled booking that still holds money its client paid: finance refunds it (or keeps it, saying why). */
export const ZCancelledHolding = z.object({
  eventId: z.string(),
  eventCode: z.string(),
  eventName: z.string(),
  clientName: z.string().nullable(),
  currency: ZCurrencyCode,
  /** Received less refunded, in minor units. */
  heldMinor: z.number().int(),
  /** Payments received on it (refunds not counted). */
  payments: z.number().int(),
  lastReceivedOn: z.string(),
});
export type CancelledHolding = z.infer<typeof ZCancelledHolding>;

export const ZSuspenseItem = z.object({
  id: z.string(),
  provider: z.enum(['razorpay', 'stripe']),
  providerPaymentId: z.string(),
  linkRef: z.string().nullable(),
  reason: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  refundedMinor: z.number().int(),
  receivedOn: z.string(),
  status: z.enum(['open', 'resolved', 'refunded']),
  resolvedPaymentId: z.string().nullable(),
  createdAt: z.string(),
});
export type SuspenseItem = z.infer<typeof ZSuspenseItem>;

export const ZReconciliation = z.object({
  rows: z.array(
    z.object({
      provider: z.enum(['razorpay', 'stripe']),
      providerPaymentId: z.string(),
      currency: z.string(),
      capturedMinor: z.number().int(),
      refundedMinor: z.number().int(),
      bookedAs: z.string(),
      bookedMinor: z.number().int(),
      differenceMinor: z.number().int(),
      inSuspense: z.boolean(),
    }),
  ),
  totals: z.array(
    z.object({
      provider: z.enum(['razorpay', 'stripe']),
      currency: z.string(),
      gatewayNetMinor: z.number().int(),
      bankMinor: z.number().int(),
      differenceMinor: z.number().int(),
    }),
  ),
  inbox: z.array(
    z.object({
      id: z.string(),
      provider: z.string(),
      providerEventId: z.string().nullable(),
      status: z.string(),
      reason: z.string().nullable(),
      receivedAt: z.string(),
    }),
  ),
});
