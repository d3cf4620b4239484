import { ACCOUNTS } from '../payments/accounts.ts';

/** Ledger accounts the vendors feature posts to; one function per kind, like ACCOUNTS. */
export const VENDOR_ACCOUNTS = {
  /** What the house owes this vendor: credited when a PO is confirmed, debited as it is paid. */
  payable: ACCOUNTS.payable,
  /** Event cost by budget category: debited when a PO is confirmed. */
  cost: (category: string) => `cost:vendor:${category}`,
  /** TDS withheld from vendor payments, owed to the government (section 194C). */
  tdsPayable: () => 'tds:payable:194c',
} as const;
