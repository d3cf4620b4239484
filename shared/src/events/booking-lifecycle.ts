import type { DomainEventName } from '../journal/domain-events.ts';
import { BOOKING_STATE_LABELS, type BookingState } from './lifecycle.ts';

/** What the guards look at, read from the ledger and the milestone plan. */
export interface BookingFacts {
  /** Money received for the event, net of refunds (minor units, any currency). */
  receivedMinor: number;
  /** Milestones in the plan. */
  milestoneCount: number;
  /** Milestones neither paid nor waived. */
  unsettledMilestones: number;
}

/**
 * What a transition does besides the move: domain events written to the journal with the change
 * (names from the catalogue), and `lead.won`, which moves the event's lead to Won (recorded as its
 * `lead.stage_changed`).
 */
export type BookingEffect =
  | DomainEventName<'booking.confirmed' | 'event.confirmed' | 'booking.cancelled' | 'booking.moved'>
  | 'lead.won';

interface Transition {
  from: readonly BookingState[];
  to: BookingState;
  guard?: (f: BookingFacts) => string | null;
  effects: readonly BookingEffect[];
}

const hasAdvance = (f: BookingFacts) =>
  f.receivedMinor > 0 ? null : 'Deposit paid needs an advance in the ledger: record the advance payment first';
const allSettled = (f: BookingFacts) =>
  f.milestoneCount === 0
    ? 'Completed needs a milestone plan with every milestone paid or waived'
    : f.unsettledMilestones > 0
      ? `Completed needs every milestone paid or waived: ${f.unsettledMilestones} still open`
      : null;

/** The booking lifecycle as data: from-states, target, guard, effects. Any move not listed is refused. */
const BOOKING_TRANSITIONS: readonly Transition[] = [
  { from: ['enquiry'], to: 'discussion', effects: ['booking.moved'] },
  { from: ['enquiry', 'discussion'], to: 'proposal_sent', effects: ['booking.moved'] },
  {
    from: ['enquiry', 'discussion', 'proposal_sent'],
    to: 'deposit_paid',
    guard: hasAdvance,
    effects: ['booking.confirmed', 'lead.won', 'event.confirmed'],
  },
  { from: ['deposit_paid'], to: 'active_preparation', effects: ['booking.moved'] },
  { from: ['deposit_paid', 'active_preparation'], to: 'event_day', effects: ['booking.moved'] },
  { from: ['event_day'], to: 'completed', guard: allSettled, effects: ['booking.moved'] },
  {
    from: ['enquiry', 'discussion', 'proposal_sent', 'deposit_paid', 'active_preparation', 'event_day'],
    to: 'cancelled',
    effects: ['booking.cancelled'],
  },
];

export type BookingMoveDecision =
  | { ok: true; from: BookingState; to: BookingState; effects: readonly BookingEffect[] }
  | { ok: false; reason: string };

/** Decides a move; a refusal says why in words a person can act on. */
export function decideBookingMove(from: BookingState, to: BookingState, facts: BookingFacts): BookingMoveDecision {
  const t = BOOKING_TRANSITIONS.find((x) => x.to === to && x.from.includes(from));
  if (!t)
    return {
      ok: false,
      reason: `A booking cannot move from ${BOOKING_STATE_LABELS[from]} to ${BOOKING_STATE_LABELS[to]}`,
    };
  const why = t.guard?.(facts);
  if (why) return { ok: false, reason: why };
  return { ok: true, from, to, effects: t.effects };
}

/** States a booking may move to next (guards not applied). */
export function bookingTargets(from: BookingState): BookingState[] {
  return BOOKING_TRANSITIONS.filter((t) => t.from.includes(from)).map((t) => t.to);
}
