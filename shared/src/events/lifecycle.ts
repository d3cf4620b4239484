/**
 * The booked occasion: its kinds (wedding, conference, …) and the states of its booking.
 * (A change recorded in the log is a domain event: see ../journal.)
 */
export const EVENT_TYPES = [
  'wedding',
  'sangeet',
  'engagement',
  'reception',
  'corporate',
  'birthday',
  'destination_wedding',
  // The common Indian functions, so an old sheet's "Mehendi" or "Nikah" is read as what it is.
  'mehendi',
  'haldi',
  'nikah',
  'roka',
  'cocktail',
  'puja',
  'anniversary',
  'baby_shower',
  'griha_pravesh',
  'naming_ceremony',
  'other',
] as const;

/** The built-in event types every house starts with. */
export type BuiltInEventType = (typeof EVENT_TYPES)[number];

/**
 * A lead's or an event's type: a built-in one or one the house added in settings (see
 * leads/event-types.ts; the edge checks a written value against the house list).
 */
export type EventType = BuiltInEventType | (string & {});

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
