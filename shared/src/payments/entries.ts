import type { EventType } from '../events/lifecycle.ts';
import { allocate, type Currency } from '../money/money.ts';
import { ACCOUNTS, type PaymentMode } from './accounts.ts';
import { assertBalanced, type PostingLine, reversalOf } from './ledger.ts';

/**
 * Money received from a client: debit the bank (or cash) account of its mode, credit the
 * client's receivable with what went to milestones and the client's advance (credit on
 * account) with any surplus. When the receivable is carried at another INR value (a
 * foreign-currency milestone priced at the quote's rate), the difference goes to FX gain/loss.
 */
export function paymentReceivedLines(p: {
  clientId: string;
  mode: PaymentMode;
  currency: Currency;
  amountMinor: number;
  amountInrMinor: number;
  /** INR value at which the allocated part is carried in the receivable (default: at the payment's rate). */
  carriedInrMinor?: number;
  /** The part held as credit on account (default 0). */
  creditMinor?: number;
}): PostingLine[] {
  const credit = p.creditMinor ?? 0;
  const creditInr = credit === 0 ? 0 : allocate(p.amountInrMinor, [p.amountMinor - credit, credit])[1]!;
  const allocatedInr = p.amountInrMinor - creditInr;
  const carried = p.carriedInrMinor ?? allocatedInr;
  const lines: PostingLine[] = [
    {
      account: ACCOUNTS.bank(p.mode),
      currency: p.currency,
      amountMinor: p.amountMinor,
      amountInrMinor: p.amountInrMinor,
    },
  ];
  if (p.amountMinor - credit !== 0 || carried !== 0)
    lines.push({
      account: ACCOUNTS.receivable(p.clientId),
      currency: p.currency,
      amountMinor: -(p.amountMinor - credit),
      amountInrMinor: -carried,
    });
  if (credit !== 0)
    lines.push({
      account: ACCOUNTS.advance(p.clientId),
      currency: p.currency,
      amountMinor: -credit,
      amountInrMinor: -creditInr,
    });
  if (carried !== allocatedInr)
    lines.push({
      account: ACCOUNTS.fxGainLoss(),
      currency: p.currency,
      amountMinor: 0,
      amountInrMinor: carried - allocatedInr,
    });
  return assertBalanced(lines);
}

/**
 * Money paid back to a client: credit the mode's bank account; debit the client's advance
 * with the part that was credit on account and the receivable with the rest.
 */
export function refundPaidLines(p: {
  clientId: string;
  mode: PaymentMode;
  currency: Currency;
  amountMinor: number;
  amountInrMinor: number;
  /** The part of the refund taken from credit on account (default 0). */
  fromCreditMinor?: number;
}): PostingLine[] {
  const credit = p.fromCreditMinor ?? 0;
  const creditInr = credit === 0 ? 0 : allocate(p.amountInrMinor, [p.amountMinor - credit, credit])[1]!;
  const lines: PostingLine[] = [
    {
      account: ACCOUNTS.bank(p.mode),
      currency: p.currency,
      amountMinor: -p.amountMinor,
      amountInrMinor: -p.amountInrMinor,
    },
  ];
  if (p.amountMinor - credit !== 0)
    lines.push({
      account: ACCOUNTS.receivable(p.clientId),
      currency: p.currency,
      amountMinor: p.amountMinor - credit,
      amountInrMinor: p.amountInrMinor - creditInr,
    });
  if (credit !== 0)
    lines.push({
      account: ACCOUNTS.advance(p.clientId),
      currency: p.currency,
      amountMinor: credit,
      amountInrMinor: creditInr,
    });
  return assertBalanced(lines);
}

/** Credit on account applied to milestones: debit the client's advance, credit its receivable. */
export function creditAppliedLines(p: {
  clientId: string;
  currency: Currency;
  amountMinor: number;
  /** INR value the credit was held at. */
  amountInrMinor: number;
  /** INR value the receivable is carried at (default: the same); the difference is FX gain/loss. */
  carriedInrMinor?: number;
}): PostingLine[] {
  const carried = p.carriedInrMinor ?? p.amountInrMinor;
  const lines: PostingLine[] = [
    {
      account: ACCOUNTS.advance(p.clientId),
      currency: p.currency,
      amountMinor: p.amountMinor,
      amountInrMinor: p.amountInrMinor,
    },
    {
      account: ACCOUNTS.receivable(p.clientId),
      currency: p.currency,
      amountMinor: -p.amountMinor,
      amountInrMinor: -carried,
    },
  ];
  if (carried !== p.amountInrMinor)
    lines.push({
      account: ACCOUNTS.fxGainLoss(),
      currency: p.currency,
      amountMinor: 0,
      amountInrMinor: carried - p.amountInrMinor,
    });
  return assertBalanced(lines);
}

/**
 * Credit on account below zero (a gateway paid a client back more than was held for them),
 * written off by finance: debit the loss, credit the client's advance back to zero.
 */
export function creditWrittenOffLines(p: {
  clientId: string;
  currency: Currency;
  /** What the client was paid beyond what was held (positive). */
  amountMinor: number;
  amountInrMinor: number;
}): PostingLine[] {
  return assertBalanced([
    {
      account: ACCOUNTS.writtenOff(),
      currency: p.currency,
      amountMinor: p.amountMinor,
      amountInrMinor: p.amountInrMinor,
    },
    {
      account: ACCOUNTS.advance(p.clientId),
      currency: p.currency,
      amountMinor: -p.amountMinor,
      amountInrMinor: -p.amountInrMinor,
    },
  ]);
}

/**
 * A gateway capture no link could be matched to: debit the gateway's bank account, credit its
 * suspense account (negate the amounts to release it again, on resolution or refund).
 */
export function suspenseLines(p: {
  gateway: 'razorpay' | 'stripe';
  currency: Currency;
  amountMinor: number;
  amountInrMinor: number;
}): PostingLine[] {
  return assertBalanced([
    {
      account: ACCOUNTS.bank(p.gateway),
      currency: p.currency,
      amountMinor: p.amountMinor,
      amountInrMinor: p.amountInrMinor,
    },
    {
      account: ACCOUNTS.suspense(p.gateway),
      currency: p.currency,
      amountMinor: -p.amountMinor,
      amountInrMinor: -p.amountInrMinor,
    },
  ]);
}

/**
 * A tax invoice: debit the receivable with the total; credit revenue of the event type with
 * the taxable value and each GST output account with its tax. The INR side is the total's
 * INR value split in the same proportions ({@link allocate}), so it balances to the paisa.
 */
export function invoiceLines(p: {
  clientId: string;
  eventType: EventType;
  currency: Currency;
  taxableMinor: number;
  cgstMinor: number;
  sgstMinor: number;
  igstMinor: number;
  totalInrMinor: number;
}): PostingLine[] {
  const parts = [
    { account: ACCOUNTS.revenue(p.eventType), amountMinor: p.taxableMinor },
    { account: ACCOUNTS.gstOutput('cgst'), amountMinor: p.cgstMinor },
    { account: ACCOUNTS.gstOutput('sgst'), amountMinor: p.sgstMinor },
    { account: ACCOUNTS.gstOutput('igst'), amountMinor: p.igstMinor },
  ].filter((x) => x.amountMinor !== 0);
  const total = parts.reduce((s, x) => s + x.amountMinor, 0);
  const inr = allocate(
    p.totalInrMinor,
    parts.map((x) => x.amountMinor),
  );
  return assertBalanced([
    {
      account: ACCOUNTS.receivable(p.clientId),
      currency: p.currency,
      amountMinor: total,
      amountInrMinor: p.totalInrMinor,
    },
    ...parts.map((x, i) => ({
      account: x.account,
      currency: p.currency,
      amountMinor: -x.amountMinor,
      amountInrMinor: -inr[i]!,
    })),
  ]);
}

/**
 * A credit note (a refund of invoiced value): the invoice's postings reversed, so revenue and
 * each GST output account give back their share and the receivable is credited.
 */
export function creditNoteLines(p: Parameters<typeof invoiceLines>[0]): PostingLine[] {
  return reversalOf(invoiceLines(p));
}
