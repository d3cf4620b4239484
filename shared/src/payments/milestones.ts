import { allocate } from '../money/money.ts';
import { addDays, daysBetween } from '../time/india.ts';

export const MILESTONE_STATUSES = ['pending', 'partially_paid', 'paid', 'overdue', 'waived'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** When a milestone falls due: days after acceptance, or days relative to the event's first day. */
export interface MilestoneTemplatePart {
  label: string;
  /** Share of the total, in whole percent (parts of a template sum to 100). */
  percent: number;
  due: { from: 'acceptance' | 'event'; days: number };
}

/** The house's standard plans; the first is the default. */
export const MILESTONE_TEMPLATES = {
  standard: {
    label: '30% on acceptance · 50% 30 days before · 20% on the day',
    parts: [
      { label: 'Advance on acceptance', percent: 30, due: { from: 'acceptance', days: 0 } },
      { label: 'Second instalment (30 days before)', percent: 50, due: { from: 'event', days: -30 } },
      { label: 'Balance on the event day', percent: 20, due: { from: 'event', days: 0 } },
    ],
  },
  half_half: {
    label: '50% on acceptance · 50% a week before',
    parts: [
      { label: 'Advance on acceptance', percent: 50, due: { from: 'acceptance', days: 0 } },
      { label: 'Balance (7 days before)', percent: 50, due: { from: 'event', days: -7 } },
    ],
  },
  full_advance: {
    label: '100% on acceptance',
    parts: [{ label: 'Full payment on acceptance', percent: 100, due: { from: 'acceptance', days: 0 } }],
  },
} as const satisfies Record<string, { label: string; parts: readonly MilestoneTemplatePart[] }>;
export type MilestoneTemplateKey = keyof typeof MILESTONE_TEMPLATES;
export const MILESTONE_TEMPLATE_KEYS = Object.keys(MILESTONE_TEMPLATES) as MilestoneTemplateKey[];

export interface PlannedMilestone {
  seq: number;
  label: string;
  dueDate: string;
  amountMinor: number;
}

/**
 * A plan from a template: the total split by percent with no paisa lost ({@link allocate}),
 * due dates from acceptance or the event day; a date before acceptance moves to acceptance.
 */
export function planMilestones(
  template: MilestoneTemplateKey,
  totalMinor: number,
  dates: { acceptedOn: string; eventStart: string },
): PlannedMilestone[] {
  const parts: readonly MilestoneTemplatePart[] = MILESTONE_TEMPLATES[template].parts;
  const amounts = allocate(
    totalMinor,
    parts.map((p) => p.percent),
  );
  return parts.map((p, i) => {
    const base = p.due.from === 'acceptance' ? dates.acceptedOn : dates.eventStart;
    const due = addDays(base, p.due.days);
    return {
      seq: i + 1,
      label: p.label,
      dueDate: due < dates.acceptedOn ? dates.acceptedOn : due,
      amountMinor: amounts[i]!,
    };
  });
}

/** What is true of a milestone for its status. */
export interface MilestoneFacts {
  amountMinor: number;
  paidMinor: number;
  dueDate: string;
  isWaived: boolean;
}

/** Waived stays waived; fully paid is paid; past due and short is overdue; else partially paid or pending. */
export function milestoneStatus(m: MilestoneFacts, today: string): MilestoneStatus {
  if (m.isWaived) return 'waived';
  if (m.paidMinor >= m.amountMinor) return 'paid';
  if (m.dueDate < today) return 'overdue';
  return m.paidMinor > 0 ? 'partially_paid' : 'pending';
}

/** Days a milestone is past due (0 when not yet due). */
export function daysOverdue(dueDate: string, today: string): number {
  return Math.max(0, daysBetween(dueDate, today));
}

/** A problem with an edited plan, by field path; empty when the plan is acceptable. */
export function checkPlanEdit(
  rows: readonly { label: string; dueDate: string; amountMinor: number; paidMinor: number }[],
  totalMinor: number,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (rows.length === 0) problems.milestones = 'a plan needs at least one milestone';
  rows.forEach((r, i) => {
    if (r.amountMinor < r.paidMinor)
      problems[`milestones.${i}.amountMinor`] =
        `${r.paidMinor} paise are already paid against it: it cannot be smaller`;
  });
  const sum = rows.reduce((a, r) => a + r.amountMinor, 0);
  if (rows.length > 0 && sum !== totalMinor)
    problems.milestones = `milestones add up to ${sum} paise but the accepted quote totals ${totalMinor}: make them equal`;
  return problems;
}

export type PaymentLinkStatus = 'created' | 'partially_paid' | 'paid' | 'cancelled' | 'expired';

/**
 * A payment link's status from what is known, whatever order the gateway's webhooks came
 * in: paid in full wins; then a close (cancelled before expired); then any part paid.
 */
export function paymentLinkStatus(l: {
  amountMinor: number;
  paidMinor: number;
  closedAs: 'cancelled' | 'expired' | null;
}): PaymentLinkStatus {
  if (l.paidMinor >= l.amountMinor) return 'paid';
  if (l.closedAs) return l.closedAs;
  return l.paidMinor > 0 ? 'partially_paid' : 'created';
}
