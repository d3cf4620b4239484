/**
 * Lead pipeline and booking lifecycle states. The transition tables (guards, effects)
 * grow with the leads and payments features; the states are fixed here so the schema
 * and the seed data agree with them.
 */

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
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const LEAD_TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export type LeadTemperature = (typeof LEAD_TEMPERATURES)[number];

export const EVENT_TYPES = [
  'wedding',
  'sangeet',
  'engagement',
  'reception',
  'corporate',
  'birthday',
  'destination_wedding',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const BOOKING_STATES = [
  'enquiry',
  'discussion',
  'proposal_sent',
  'deposit_paid',
  'active_preparation',
  'event_day',
  'completed',
  'cancelled',
] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

export const BOOKING_STATE_LABELS: Record<BookingState, string> = {
  enquiry: 'Enquiry',
  discussion: 'Discussion',
  proposal_sent: 'Proposal sent',
  deposit_paid: 'Deposit paid',
  active_preparation: 'Active preparation',
  event_day: 'Event day',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
