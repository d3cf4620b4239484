import { allocate } from '../money/money.ts';
import type { PlannedMilestone } from '../payments/milestones.ts';
import { addDays } from '../time/india.ts';

/** What a payment term's due date counts from. */
export const PAYMENT_TERM_ANCHORS = ['acceptance', 'event_start', 'event_end'] as const;
export type PaymentTermAnchor = (typeof PAYMENT_TERM_ANCHORS)[number];

/** One instalment printed on a quote: a share of the total, due a number of days from an anchor. */
export interface PaymentTerm {
  label: string;
  /** Whole percent of the quote total; the terms of a quote add up to 100. */
  percent: number;
  anchor: PaymentTermAnchor;
  /** Days after (positive) or before (negative) the anchor. */
  days: number;
}

/** The house's default terms when settings hold none: 50% advance, 40% a week before, 10% on completion. */
export const DEFAULT_PAYMENT_TERMS: readonly PaymentTerm[] = [
  { label: 'Advance on acceptance', percent: 50, anchor: 'acceptance', days: 0 },
  { label: 'Second instalment (7 days before)', percent: 40, anchor: 'event_start', days: -7 },
  { label: 'Balance on completion', percent: 10, anchor: 'event_end', days: 0 },
];

function when(t: Pick<PaymentTerm, 'anchor' | 'days'>): string {
  const n = Math.abs(t.days);
  const d = `${n} day${n === 1 ? '' : 's'}`;
  if (t.anchor === 'acceptance') return t.days === 0 ? 'on acceptance' : `${d} after acceptance`;
  if (t.anchor === 'event_end')
    return t.days === 0 ? 'on completion' : t.days > 0 ? `${d} after completion` : `${d} before completion`;
  return t.days === 0 ? 'on the event day' : t.days < 0 ? `${d} before the event` : `${d} after the event starts`;
}

/** "50% on acceptance", "40% 7 days before the event", "10% on completion". */
export function describePaymentTerm(t: Pick<PaymentTerm, 'percent' | 'anchor' | 'days'>): string {
  return `${t.percent}% ${when(t)}`;
}

/** Why a set of terms is not usable, or null. */
export function paymentTermsProblem(terms: readonly Pick<PaymentTerm, 'percent'>[]): string | null {
  if (terms.length === 0) return 'add at least one instalment';
  const sum = terms.reduce((a, t) => a + t.percent, 0);
  return sum === 100 ? null : `the instalments add up to ${sum}%, not 100%`;
}

/**
 * The milestone plan a client signed: the total split by the terms' percents with no paisa
 * lost, each due date resolved against acceptance or the event's dates. A date that would fall
 * before acceptance (a late booking) is due on acceptance.
 */
export function planFromTerms(
  terms: readonly PaymentTerm[],
  totalMinor: number,
  dates: { acceptedOn: string; eventStart: string; eventEnd: string },
): PlannedMilestone[] {
  const problem = paymentTermsProblem(terms);
  if (problem) throw new RangeError(`Payment terms: ${problem}`);
  const amounts = allocate(
    totalMinor,
    terms.map((t) => t.percent),
  );
  return terms.map((t, i) => {
    const base =
      t.anchor === 'acceptance' ? dates.acceptedOn : t.anchor === 'event_end' ? dates.eventEnd : dates.eventStart;
    const due = addDays(base, t.days);
    return {
      seq: i + 1,
      label: t.label,
      dueDate: due < dates.acceptedOn ? dates.acceptedOn : due,
      amountMinor: amounts[i]!,
    };
  });
}

/** A milestone as the change-order rule sees it. */
export interface OpenOrSettledMilestone {
  id: string;
  amountMinor: number;
  paidMinor: number;
  status: 'pending' | 'partially_paid' | 'paid' | 'overdue' | 'waived';
}

/**
 * A change order moved the contract total: paid and waived milestones keep their amounts (a
 * plan's amounts, waived ones included, add up to the contract, as `checkPlanEdit` checks); the
 * rest of the new total is spread over the open milestones in proportion to their current
 * amounts, never below what is already paid against them. Returns the new amount of every
 * open milestone and what is left over: `extraMinor` > 0 when there is no open milestone to
 * carry an increase (add one), < 0 when the new total is below what is already paid (credit).
 */
export function adjustForChangeOrder(
  plan: readonly OpenOrSettledMilestone[],
  newTotalMinor: number,
): { amounts: Map<string, number>; extraMinor: number } {
  const settled = plan.filter((m) => m.status === 'paid' || m.status === 'waived');
  const open = plan.filter((m) => m.status !== 'paid' && m.status !== 'waived');
  const fixed = settled.reduce((a, m) => a + m.amountMinor, 0);
  const remaining = newTotalMinor - fixed;
  const amounts = new Map<string, number>();
  if (open.length === 0) return { amounts, extraMinor: remaining };
  const floor = open.reduce((a, m) => a + m.paidMinor, 0);
  if (remaining <= floor) {
    for (const m of open) amounts.set(m.id, m.paidMinor);
    return { amounts, extraMinor: remaining - floor };
  }
  // Split what is above the paid floor by the open milestones' current unpaid shares.
  const weights = open.map((m) => Math.max(0, m.amountMinor - m.paidMinor));
  const shares = allocate(remaining - floor, weights.some((w) => w > 0) ? weights : open.map(() => 1));
  open.forEach((m, i) => {
    amounts.set(m.id, m.paidMinor + shares[i]!);
  });
  return { amounts, extraMinor: 0 };
}
