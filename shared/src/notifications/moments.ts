import type { DomainEventType } from '../journal/domain-events.ts';

/**
 * The lifecycle moments: every automatic message the house sends, in one table. Each moment
 * names what triggers it (a domain event in the event log, or a time before something), the
 * template, and who receives it. Settings can switch each one off by its key.
 */
export type MomentAudience = 'client' | 'lead' | 'owner' | 'assignee' | 'vendor' | 'crew';

export type MomentTrigger =
  | { kind: 'domain_event'; type: DomainEventType; when?: Record<string, string> }
  | { kind: 'schedule'; before: string };

export interface Moment {
  key: string;
  label: string;
  trigger: MomentTrigger;
  template: string;
  audience: readonly MomentAudience[];
}

export const MOMENTS: readonly Moment[] = [
  {
    key: 'lead_acknowledgement',
    label: 'Lead acknowledgement on creation (with opt-in)',
    trigger: { kind: 'domain_event', type: 'lead.created' },
    template: 'lead_acknowledgement',
    audience: ['lead'],
  },
  {
    key: 'call_follow_up',
    label: 'Follow-up after a logged call, with the call notes',
    trigger: { kind: 'domain_event', type: 'communication.logged', when: { kind: 'call' } },
    template: 'call_follow_up',
    audience: ['lead'],
  },
  {
    key: 'quote_shared',
    label: 'Quote shared (link to view and accept)',
    trigger: { kind: 'domain_event', type: 'quote.sent' },
    template: 'quote_shared',
    audience: ['client'],
  },
  {
    key: 'quote_accepted',
    label: 'Quote accepted',
    trigger: { kind: 'domain_event', type: 'quote.accepted' },
    template: 'quote_accepted_client',
    audience: ['client'],
  },
  {
    key: 'booking_confirmed',
    label: 'Booking confirmed',
    trigger: { kind: 'domain_event', type: 'booking.confirmed' },
    template: 'booking_confirmed',
    audience: ['client'],
  },
  {
    key: 'payment_link',
    label: 'Payment link per milestone',
    trigger: { kind: 'domain_event', type: 'payment_link.created' },
    template: 'payment_link',
    audience: ['client'],
  },
  {
    key: 'payment_reminder_3_days',
    label: 'Payment reminder 3 days before the due date (cancelled once paid)',
    trigger: { kind: 'schedule', before: '3 days before a milestone is due' },
    template: 'milestone_due_in_3_days',
    audience: ['client'],
  },
  {
    key: 'payment_reminder_due',
    label: 'Payment reminder on the due date (cancelled once paid)',
    trigger: { kind: 'schedule', before: 'on the due date' },
    template: 'milestone_due_today',
    audience: ['client'],
  },
  {
    key: 'payment_received',
    label: 'Payment received, with the receipt link',
    trigger: { kind: 'domain_event', type: 'payment.recorded' },
    template: 'payment_received',
    audience: ['client'],
  },
  {
    key: 'vendor_assignment_confirmed',
    label: 'Vendor assignment confirmed (to the vendor)',
    trigger: { kind: 'domain_event', type: 'vendor_assignment.status_changed', when: { to: 'confirmed' } },
    template: 'vendor_assignment_confirmed',
    audience: ['vendor'],
  },
  {
    key: 'task_assigned',
    label: 'Task assigned (to staff, in the app)',
    trigger: { kind: 'domain_event', type: 'task.assigned' },
    template: 'task_assigned',
    audience: ['assignee'],
  },
  {
    key: 'event_reminder_48h',
    label: 'Event-day reminder 48 hours before (client and crew)',
    trigger: { kind: 'schedule', before: '48 hours before the event starts' },
    template: 'event_reminder_48h',
    audience: ['client', 'crew'],
  },
  {
    key: 'event_reminder_2h',
    label: 'Event-day reminder 2 hours before (client and crew)',
    trigger: { kind: 'schedule', before: '2 hours before the event starts' },
    template: 'event_reminder_2h',
    audience: ['client', 'crew'],
  },
  {
    key: 'event_completed',
    label: 'Event completed: thanks and a referral request',
    trigger: { kind: 'domain_event', type: 'event.status_changed', when: { to: 'completed' } },
    template: 'event_completed_thanks',
    audience: ['client'],
  },
];

const BY_TEMPLATE = new Map(MOMENTS.map((m) => [m.template, m]));

/** The moment a template belongs to, if any (its switch gates delivery too). */
export function momentOfTemplate(template: string): Moment | undefined {
  return BY_TEMPLATE.get(template);
}

/** Moments driven by this domain event row (type and payload). */
export function momentsFor(type: string, payload: Record<string, unknown>): Moment[] {
  return MOMENTS.filter(
    (m) =>
      m.trigger.kind === 'domain_event' &&
      m.trigger.type === type &&
      Object.entries(m.trigger.when ?? {}).every(([k, v]) => payload[k] === v),
  );
}

/** Event start times are not stored: an event day starts at this Asia/Kolkata time for reminders. */
export const EVENT_DAY_START_IST = '18:00';
