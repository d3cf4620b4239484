import type { EventType } from '../events/lifecycle.ts';

/** How money arrives: each mode posts to its own bank (or cash) account. */
export const PAYMENT_MODES = ['upi', 'neft', 'rtgs', 'imps', 'cash', 'cheque', 'card', 'razorpay', 'stripe'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/** Modes a gateway collects: their refunds are made at the gateway, which reports them to be booked. */
export const isGatewayMode = (mode: PaymentMode): mode is 'razorpay' | 'stripe' =>
  mode === 'razorpay' || mode === 'stripe';

export const PAYMENT_MODE_LABELS: Record<PaymentMode, string> = {
  upi: 'UPI',
  neft: 'NEFT',
  rtgs: 'RTGS',
  imps: 'IMPS',
  cash: 'Cash',
  cheque: 'Cheque',
  card: 'Card',
  razorpay: 'Razorpay',
  stripe: 'Stripe',
};

/** GST output components, each its own liability account. */
export type GstComponent = 'cgst' | 'sgst' | 'igst';

/** Ledger account names. One function per kind so a typo cannot open a new account. */
export const ACCOUNTS = {
  /** What a client owes (debit) or has paid in advance (credit). */
  receivable: (clientId: string) => `client:${clientId}:receivable`,
  /** Money received by a mode; cash has its own account. */
  bank: (mode: PaymentMode) => (mode === 'cash' ? 'cash' : `bank:${mode}`),
  /** Money a client paid beyond what its milestones owe: credit on account, until finance allocates or refunds it. */
  advance: (clientId: string) => `client:${clientId}:advance`,
  /** Gateway money that could not be matched to a payment link: held until finance resolves it. */
  suspense: (gateway: 'razorpay' | 'stripe') => `suspense:${gateway}`,
  revenue: (eventType: EventType) => `revenue:${eventType}`,
  gstOutput: (component: GstComponent) => `gst:output:${component}`,
  /** What the house owes a vendor (used by the vendors feature). */
  payable: (vendorId: string) => `vendor:${vendorId}:payable`,
  fxGainLoss: () => 'fx:gain_loss',
  /** Money paid out to a client beyond what was held for them, written off by finance. */
  writtenOff: () => 'loss:written_off',
} as const;

const GATEWAY_LABELS: Record<string, string> = { razorpay: 'Razorpay', stripe: 'Stripe' };
const words = (v: string) => v.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * A ledger account as people read it: the client's or vendor's name instead of its id
 * (`client:<id>:receivable` → "Receivable · Sharma family (CL-2026-0007)"). `names` maps the
 * ids found in account names to display names; an id it lacks is shown as "unknown client".
 */
export function accountLabel(account: string, names: ReadonlyMap<string, string>): string {
  const parts = account.split(':');
  const [kind, id, sub] = parts;
  if (kind === 'client' && id)
    return `${sub === 'advance' ? 'Credit on account' : 'Receivable'} · ${names.get(id) ?? 'unknown client'}`;
  if (kind === 'vendor' && id) return `Payable · ${names.get(id) ?? 'unknown vendor'}`;
  if (kind === 'bank' && id) return `Bank · ${PAYMENT_MODE_LABELS[id as PaymentMode] ?? words(id)}`;
  if (account === 'cash') return 'Cash';
  if (kind === 'suspense' && id) return `Suspense · ${GATEWAY_LABELS[id] ?? words(id)}`;
  if (kind === 'revenue' && id) return `Revenue · ${words(id)}`;
  if (kind === 'gst' && sub) return `GST output · ${sub.toUpperCase()}`;
  if (account === ACCOUNTS.fxGainLoss()) return 'FX gain / loss';
  if (account === ACCOUNTS.writtenOff()) return 'Written off';
  if (kind === 'cost' && id === 'vendor' && sub) return `Vendor cost · ${words(sub)}`;
  if (kind === 'tds' && id === 'payable' && sub) return `TDS payable · ${sub.toUpperCase()}`;
  return account;
}

/** The client and vendor ids named inside account names (to look their names up once). */
export function idsInAccounts(accounts: Iterable<string>): { clientIds: string[]; vendorIds: string[] } {
  const clientIds = new Set<string>();
  const vendorIds = new Set<string>();
  for (const a of accounts) {
    const [kind, id] = a.split(':');
    if (kind === 'client' && id) clientIds.add(id);
    if (kind === 'vendor' && id) vendorIds.add(id);
  }
  return { clientIds: [...clientIds], vendorIds: [...vendorIds] };
}
