import { z } from 'zod';
import { BOOKING_STATE_LABELS, BOOKING_STATES, type BookingState } from '../events/lifecycle.ts';
import type { DomainEventType } from '../journal/domain-events.ts';
import { isDomainEvent } from '../journal/read.ts';
import { CURRENCIES } from '../money/money.ts';
import { MILESTONE_STATUSES } from '../payments/milestones.ts';

/** Signed-link purposes of the client's event page (each gets its own derived key). */
export const PORTAL_PURPOSE = {
  /** A link staff share: the subject is the portal_links row id, so the row can revoke it. */
  link: 'mandap:portal-link:v1',
  /** A signed-in client's (or staff preview's) short session for one event: `<userId>_<eventId>`. */
  session: 'mandap:portal-session:v1',
} as const;

/** What part of the page a change touches: the page refetches that part. */
const LIVE_AREAS = ['timeline', 'quotes', 'payments'] as const;
export type LiveArea = (typeof LIVE_AREAS)[number];

/**
 * Domain events a client may hear about, with the words the page shows. Anything not listed
 * (drafts, internal notes, vendor costs, staff-only preparation steps) never reaches the stream.
 */
const CLIENT_VISIBLE: Record<string, { area: LiveArea; label: string }> = {
  'event.status_changed': { area: 'timeline', label: 'Your booking moved on' },
  'event.created': { area: 'timeline', label: 'Your event was created' },
  'preparation.updated': { area: 'timeline', label: 'Preparation updated' },
  'quote.sent': { area: 'quotes', label: 'A new quotation is ready' },
  'quote.accepted': { area: 'quotes', label: 'Quotation accepted' },
  'quote.rejected': { area: 'quotes', label: 'Quotation declined' },
  'quote.changes_requested': { area: 'quotes', label: 'Change request received' },
  'milestones.planned': { area: 'payments', label: 'Your payment schedule is ready' },
  'milestones.edited': { area: 'payments', label: 'Your payment schedule changed' },
  'milestones.change_order_applied': { area: 'payments', label: 'Your payment schedule changed' },
  'milestone.overdue': { area: 'payments', label: 'A payment is now due' },
  'payment.recorded': { area: 'payments', label: 'Payment received, thank you' },
  'payment.refunded': { area: 'payments', label: 'Refund issued' },
  'payment.reversed': { area: 'payments', label: 'A payment was corrected' },
  'payment_link.created': { area: 'payments', label: 'A payment link is ready' },
  'invoice.issued': { area: 'payments', label: 'A tax invoice is ready' },
  'credit_note.issued': { area: 'payments', label: 'A credit note is ready' },
  'credit.applied': { area: 'payments', label: 'Your advance was applied' },
} satisfies Partial<Record<DomainEventType, { area: LiveArea; label: string }>>;

/** The client-facing meaning of a domain event, or null when the client must not hear of it. */
export function clientLiveUpdate(
  type: string,
  payload: Record<string, unknown>,
): { area: LiveArea; label: string } | null {
  const hit = CLIENT_VISIBLE[type];
  if (!hit) return null;
  // A staff-only preparation step stays internal, before and after the change.
  const line = { type, payload };
  if (isDomainEvent(line, 'preparation.updated') && !line.payload.clientVisible && !line.payload.wasClientVisible)
    return null;
  return hit;
}

/** One update on the stream: its `id` is the event log's sequence number, for Last-Event-ID resume. */
export const ZLiveUpdate = z.object({
  seq: z.number().int(),
  area: z.enum(LIVE_AREAS),
  label: z.string(),
  at: z.string(),
});
export type LiveUpdate = z.infer<typeof ZLiveUpdate>;

/** The booking path a client sees, in order (a cancelled booking shows where it stopped). */
export function bookingTimeline(
  status: BookingState,
  reached: Partial<Record<BookingState, string>>,
): { state: BookingState; label: string; done: boolean; current: boolean; at: string | null }[] {
  const path: BookingState[] = BOOKING_STATES.filter((s) => s !== 'cancelled');
  const at = path.indexOf(status);
  const steps = path.map((state, i) => ({
    state,
    label: BOOKING_STATE_LABELS[state],
    done: at >= 0 && (i < at || (state === 'completed' && status === 'completed')),
    current: state === status,
    at: reached[state] ?? null,
  }));
  if (status === 'cancelled')
    steps.push({
      state: 'cancelled',
      label: BOOKING_STATE_LABELS.cancelled,
      done: true,
      current: true,
      at: reached.cancelled ?? null,
    });
  return steps;
}

const ZMoneyFields = { amountMinor: z.number().int(), currency: z.enum(CURRENCIES) };

/** The client's event page: an allow-list of fields, so nothing internal can ride along. */
export const ZPortalView = z.strictObject({
  event: z.strictObject({
    code: z.string(),
    name: z.string(),
    eventType: z.string(),
    status: z.enum(BOOKING_STATES),
    startDate: z.string(),
    endDate: z.string(),
    city: z.string(),
    venue: z.string().nullable(),
    guestCount: z.number().int().nullable(),
  }),
  timeline: z.array(
    z.strictObject({
      state: z.enum(BOOKING_STATES),
      label: z.string(),
      done: z.boolean(),
      current: z.boolean(),
      at: z.string().nullable(),
    }),
  ),
  preparation: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      dueDate: z.string().nullable(),
      doneAt: z.string().nullable(),
    }),
  ),
  /** A read-only share token for the live brief on the collab server (null: no brief yet). */
  brief: z.strictObject({ docName: z.string(), token: z.string() }).nullable(),
  quotes: z.array(
    z.strictObject({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      version: z.number().int(),
      status: z.string(),
      ...ZMoneyFields,
      validUntil: z.string().nullable(),
      /** The public quote page (/q/:token), where the client views, accepts or asks for changes. */
      url: z.string(),
    }),
  ),
  milestones: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      dueDate: z.string(),
      ...ZMoneyFields,
      paidMinor: z.number().int(),
      status: z.enum(MILESTONE_STATUSES),
      payUrl: z.string().nullable(),
    }),
  ),
  receipts: z.array(
    z.strictObject({
      id: z.string(),
      code: z.string(),
      receivedOn: z.string(),
      ...ZMoneyFields,
      url: z.string(),
    }),
  ),
  documents: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['invoice', 'credit_note']),
      number: z.string(),
      issuedOn: z.string(),
      ...ZMoneyFields,
      url: z.string(),
    }),
  ),
  coordinator: z
    .strictObject({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  /** The stream resumes after this sequence number. */
  lastEventId: z.number().int(),
  /** When this page's link stops working. */
  linkExpiresAt: z.string(),
});
export type PortalView = z.infer<typeof ZPortalView>;

export const ZCreatePortalLink = z.strictObject({
  label: z.string().trim().max(120).optional(),
  days: z.number().int().min(1, { error: 'at least 1 day' }).max(365, { error: 'at most 365 days' }).default(60),
});
export type CreatePortalLink = z.infer<typeof ZCreatePortalLink>;

export const ZPortalLink = z.object({
  id: z.string(),
  label: z.string().nullable(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastOpenedAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** Only in the answer that created it: the link is never stored, only its id. */
  url: z.string().optional(),
});
export type PortalLink = z.infer<typeof ZPortalLink>;

export const ZPreparationMilestone = z.object({
  id: z.string(),
  eventId: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  clientVisible: z.boolean(),
  doneAt: z.string().nullable(),
});
export type PreparationMilestone = z.infer<typeof ZPreparationMilestone>;

const ZIsoDate = z.iso.date({ error: 'must be a date (yyyy-mm-dd)' });

export const ZCreatePreparationMilestone = z.strictObject({
  title: z.string().trim().min(1, { error: 'name the step' }).max(200),
  dueDate: ZIsoDate.nullable().default(null),
  clientVisible: z.boolean().default(false),
});
export const ZUpdatePreparationMilestone = z.strictObject({
  title: z.string().trim().min(1, { error: 'name the step' }).max(200).optional(),
  dueDate: ZIsoDate.nullable().optional(),
  clientVisible: z.boolean().optional(),
  done: z.boolean().optional(),
});
