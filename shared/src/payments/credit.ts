import { isGatewayMode, type PaymentMode } from './accounts.ts';

/** A receipt whose surplus an event still holds as credit on account (net of refunds taken from it). */
export interface CreditSource {
  mode: PaymentMode;
  leftMinor: number;
}

/** An event's credit on account and where it came from. */
export interface CreditSplit {
  /** The event's credit on account: its payments' unallocated parts, less what finance applied or wrote off. */
  creditMinor: number;
  /** The part a gateway (Razorpay, Stripe) collected: refunded at the gateway, whose refund report books it. */
  byGatewayMinor: number;
  /** The part received otherwise (UPI, NEFT, cash, …): finance may pay it back from the money desk. */
  byHandMinor: number;
}

/**
 * Splits an event's credit by source. Credit applied to milestones is not tied to one receipt,
 * so the split is cautious: the gateway part is kept whole first (up to the credit), and only
 * the rest counts as received otherwise. Paying back by hand then never eats into money the
 * gateway may still refund, which would leave the credit below zero.
 */
export function splitCredit(creditMinor: number, sources: readonly CreditSource[]): CreditSplit {
  const held = Math.max(0, creditMinor);
  const left = (gateway: boolean) =>
    sources.filter((s) => isGatewayMode(s.mode) === gateway).reduce((sum, s) => sum + Math.max(0, s.leftMinor), 0);
  const byGatewayMinor = Math.min(left(true), held);
  return { creditMinor, byGatewayMinor, byHandMinor: Math.min(left(false), held - byGatewayMinor) };
}

export type CreditRefundCheck =
  | { ok: true }
  /** `beyond_credit`: more than the event holds; `at_gateway`: more than was received otherwise. */
  | { ok: false; field: 'amountMinor'; kind: 'beyond_credit' | 'at_gateway'; limitMinor: number };

/** Whether finance may pay back `amountMinor` of an event's credit from the money desk. */
export function checkCreditRefund(split: CreditSplit, amountMinor: number): CreditRefundCheck {
  const held = Math.max(0, split.creditMinor);
  if (amountMinor > held) return { ok: false, field: 'amountMinor', kind: 'beyond_credit', limitMinor: held };
  if (amountMinor > split.byHandMinor)
    return { ok: false, field: 'amountMinor', kind: 'at_gateway', limitMinor: split.byHandMinor };
  return { ok: true };
}
