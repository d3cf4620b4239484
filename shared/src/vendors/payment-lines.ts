import type { Currency } from '../money/money.ts';
import { ACCOUNTS, type PaymentMode } from '../payments/accounts.ts';
import { assertBalanced, type PostingLine } from '../payments/ledger.ts';
import { divRoundHalfUp } from '../quotes/gst.ts';
import { VENDOR_ACCOUNTS } from './accounts.ts';

/**
 * The INR value at which the payable of a PO is carried, for the part paid once `paidMinor`
 * of `poMinor` has been paid in the PO's currency: the accrual's INR value split pro rata,
 * rounded half up, so successive payments' shares always add up to the accrual exactly.
 */
export function carriedInrAt(accrualInrMinor: number, poMinor: number, paidMinor: number): number {
  if (poMinor <= 0) return 0;
  return Number(divRoundHalfUp(BigInt(accrualInrMinor) * BigInt(paidMinor), BigInt(poMinor)));
}

/**
 * The journal lines of a vendor payment in any currency. Debit the vendor's payable by the
 * gross (carried at the INR value it was booked at); credit the bank by the net and TDS payable
 * by what was withheld (both at the payment's rate); the INR difference between booked and paid
 * goes to FX gain/loss. For an INR PO every INR value equals its amount and no FX line appears.
 */
export function vendorPaymentLines(p: {
  vendorId: string;
  mode: PaymentMode;
  currency: Currency;
  /** Gross paid, in the PO's currency. */
  amountMinor: number;
  /** Withheld, in the PO's currency. */
  tdsMinor: number;
  /** The gross in INR at the rate used. */
  amountInrMinor: number;
  /** The withheld part in INR at the rate used. */
  tdsInrMinor: number;
  /** The gross in INR at the rate the payable was booked at. */
  carriedInrMinor: number;
}): PostingLine[] {
  const lines: PostingLine[] = [
    {
      account: VENDOR_ACCOUNTS.payable(p.vendorId),
      currency: p.currency,
      amountMinor: p.amountMinor,
      amountInrMinor: p.carriedInrMinor,
    },
    {
      account: ACCOUNTS.bank(p.mode),
      currency: p.currency,
      amountMinor: -(p.amountMinor - p.tdsMinor),
      amountInrMinor: -(p.amountInrMinor - p.tdsInrMinor),
    },
  ];
  if (p.tdsMinor > 0)
    lines.push({
      account: VENDOR_ACCOUNTS.tdsPayable(),
      currency: p.currency,
      amountMinor: -p.tdsMinor,
      amountInrMinor: -p.tdsInrMinor,
    });
  if (p.carriedInrMinor !== p.amountInrMinor)
    lines.push({
      account: ACCOUNTS.fxGainLoss(),
      currency: p.currency,
      amountMinor: 0,
      amountInrMinor: p.amountInrMinor - p.carriedInrMinor,
    });
  return assertBalanced(lines);
}

/** The lines that book a confirmed PO: event cost by budget category against the vendor's payable. */
export function poAccrualLines(p: {
  vendorId: string;
  budgetCategory: string;
  currency: Currency;
  amountMinor: number;
  amountInrMinor: number;
}): PostingLine[] {
  return assertBalanced([
    {
      account: VENDOR_ACCOUNTS.cost(p.budgetCategory),
      currency: p.currency,
      amountMinor: p.amountMinor,
      amountInrMinor: p.amountInrMinor,
    },
    {
      account: VENDOR_ACCOUNTS.payable(p.vendorId),
      currency: p.currency,
      amountMinor: -p.amountMinor,
      amountInrMinor: -p.amountInrMinor,
    },
  ]);
}
