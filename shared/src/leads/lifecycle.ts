/**
 * Lead pipeline and booking lifecycle states. The transition tables (guards, effects)
 * grow with the leads and payments features; the states are fixed here so the schema
 * and the seed data agree with them.
 */
import type { BookingState } from '../events/lifecycle.ts';

export const LEAD_STAGES = [
  'new',
  'contacted',
  'brief_captured',
  'meeting_scheduled',
  'quote_sent',
  'negotiation',
  'won',
  'lost',
] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const LEAD_STAGE_LABELS: Record<LeadStage, string> = {
  new: 'New',
  contacted: 'Contacted',
  brief_captured: 'Brief captured',
  meeting_scheduled: 'Meeting scheduled',
  quote_sent: 'Quote sent',
  negotiation: 'Negotiation',
  won: 'Won',
  lost: 'Lost',
};

export const LEAD_SOURCES = [
  'meta_ads',
  'google_ads',
  'wedmegood',
  'weddingwire_india',
  'justdial',
  'shaadisaga',
  /** Any other listing platform configured in LISTING_PLATFORMS; the platform's name is the lead's source detail. */
  'listing',
  'referral',
  'website',
  'walk_in',
  'offline_networking',
  'manual',
  /** A source the house has not named yet (e.g. "NRI Referral" from an old sheet); the raw text is the source detail, to be mapped later. */
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const LEAD_TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export type LeadTemperature = (typeof LEAD_TEMPERATURES)[number];

/**
 * What happened in the business that moves the pipeline on its own: the quote was sent, the
 * client asked for changes or accepted, the first advance arrived, the event was completed,
 * or the lead was lost (to a competitor or otherwise).
 */
export const PIPELINE_CAUSES = [
  'quote_sent',
  'changes_requested',
  'quote_accepted',
  'advance_received',
  'event_completed',
  'lead_lost',
] as const;
export type PipelineCause = (typeof PIPELINE_CAUSES)[number];

export const PIPELINE_CAUSE_LABELS: Record<PipelineCause, string> = {
  quote_sent: 'Quote sent',
  changes_requested: 'Client asked for changes',
  quote_accepted: 'Client accepted the quote',
  advance_received: 'Advance received',
  event_completed: 'Event completed',
  lead_lost: 'Lead lost',
};

interface PipelineRule {
  cause: PipelineCause;
  /** The lead moves to `to` when it is in one of `from`; otherwise it stays (never an error). */
  lead: { from: readonly LeadStage[]; to: LeadStage } | null;
  /** The booking (event) moves likewise. */
  booking: { from: readonly BookingState[]; to: BookingState } | null;
}

const BEFORE_QUOTE: readonly LeadStage[] = ['new', 'contacted', 'brief_captured', 'meeting_scheduled'];
const NOT_BOOKED: readonly BookingState[] = ['enquiry', 'discussion', 'proposal_sent'];

/**
 * The automatic moves as data, beside the manual tables (`LEAD_TRANSITIONS`, `BOOKING_TRANSITIONS`).
 * A cause moves the lead and the booking forward to the stage that is true, and only forward:
 * a lead already past it stays. Money is never refused because of a stage: an advance on a New
 * or even Lost lead makes it Won and confirms the booking.
 */
const PIPELINE_RULES: readonly PipelineRule[] = [
  {
    cause: 'quote_sent',
    lead: { from: [...BEFORE_QUOTE, 'negotiation'], to: 'quote_sent' },
    booking: { from: ['enquiry', 'discussion'], to: 'proposal_sent' },
  },
  {
    cause: 'changes_requested',
    lead: { from: [...BEFORE_QUOTE, 'quote_sent'], to: 'negotiation' },
    booking: { from: ['enquiry', 'proposal_sent'], to: 'discussion' },
  },
  {
    cause: 'quote_accepted',
    lead: { from: [...BEFORE_QUOTE, 'negotiation', 'lost'], to: 'quote_sent' },
    booking: { from: ['enquiry', 'discussion'], to: 'proposal_sent' },
  },
  {
    // Cancelled is here for a booking cancelled before it was ever confirmed (its lead was lost):
    // the client's money confirms it. One cancelled after confirmation is not moved: the payment
    // service leaves it Cancelled and gives its owner a refund-or-reopen task.
    cause: 'advance_received',
    lead: { from: [...BEFORE_QUOTE, 'quote_sent', 'negotiation', 'lost'], to: 'won' },
    booking: { from: [...NOT_BOOKED, 'cancelled'], to: 'deposit_paid' },
  },
  {
    cause: 'event_completed',
    lead: { from: [...BEFORE_QUOTE, 'quote_sent', 'negotiation', 'lost'], to: 'won' },
    booking: { from: ['deposit_paid', 'active_preparation', 'event_day'], to: 'completed' },
  },
  {
    cause: 'lead_lost',
    lead: null,
    booking: { from: NOT_BOOKED, to: 'cancelled' },
  },
];

/** Where a cause takes a lead and a booking from where they are now (null: stays). */
export function pipelineTargets(
  cause: PipelineCause,
  now: { leadStage?: LeadStage | null; bookingState?: BookingState | null },
): { lead: LeadStage | null; booking: BookingState | null } {
  const rule = PIPELINE_RULES.find((r) => r.cause === cause)!;
  const lead = rule.lead && now.leadStage && rule.lead.from.includes(now.leadStage) ? rule.lead.to : null;
  const booking =
    rule.booking && now.bookingState && rule.booking.from.includes(now.bookingState) ? rule.booking.to : null;
  return { lead, booking };
}
