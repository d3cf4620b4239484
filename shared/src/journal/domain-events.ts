import { z } from 'zod';

/**
 * The catalogue of domain events: every name the journal (the `event_log` table) may hold, with
 * the schema of its payload. "Domain event" here means a fact recorded in the journal
 * (`quote.sent`); the booked occasion a client pays for is an "event" record, a different thing.
 *
 * Payloads are open objects: the keys named here are the ones readers rely on (the lead history,
 * the live feed, notifications, dashboards); a writer may add more. Adding a domain event means
 * adding it here; a name not listed fails the edge's typecheck.
 */
const open = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape);
const none = open({});
const id = z.string();
const minor = z.number().int();
const transition = open({ from: z.string().nullable(), to: z.string() });
const version = open({ version: z.number().int() });

export const DOMAIN_EVENTS = {
  // Leads and clients
  'lead.created': open({ code: z.string(), source: z.string(), ownerId: id.nullable() }),
  'lead.updated': open({ fields: z.array(z.string()) }),
  'lead.assigned': open({ from: id.nullable(), to: id.nullable() }),
  'lead.stage_changed': transition,
  'lead.converted': none,
  'lead.enquired_again': none,
  'lead.merged': none,
  'lead.merge_undone': none,
  'lead.import_undone': none,
  'lead.won': none,
  'lead_assignment_rule.created': none,
  'lead_assignment_rule.updated': none,
  'lead_assignment_rule.deleted': none,
  'lead_assignment_rule.reordered': open({ ids: z.array(id) }),
  'client.created': open({ code: z.string() }),
  'communication.logged': open({ communicationId: id, kind: z.string() }),
  'attachment.added': open({ fileId: id, fileName: z.string() }),
  'lead.follow_up_scheduled': open({ followUpId: id, dueAt: z.string() }),
  'lead.follow_up_rescheduled': open({ followUpId: id, dueAt: z.string() }),
  'lead.follow_up_snoozed': open({ followUpId: id, dueAt: z.string() }),
  'lead.follow_up_completed': open({ followUpId: id }),
  'meeting.scheduled': none,
  'meeting.rescheduled': none,
  'meeting.held': none,
  'import.committed': none,
  'import.undone': none,
  // Quotes
  'quote.created': open({ code: z.string(), totalMinor: minor, currency: z.string() }),
  'quote.draft_updated': open({ version: z.number().int(), totalMinor: minor }),
  'quote.sent': open({ version: z.number().int(), versionId: id, totalMinor: minor }),
  'quote.viewed': version,
  'quote.accepted': open({ version: z.number().int(), versionId: id, totalMinor: minor, name: z.string() }),
  'quote.rejected': open({ version: z.number().int(), versionId: id, name: z.string() }),
  'quote.changes_requested': open({ version: z.number().int(), name: z.string(), message: z.string() }),
  'quote.version_created': open({ version: z.number().int(), from: z.number().int() }),
  'quote.change_order_created': open({ version: z.number().int(), from: z.number().int() }),
  'quote_catalogue.item_added': none,
  'quote_catalogue.item_updated': none,
  'quote_catalogue.item_retired': none,
  'quote_catalogue.item_restored': none,
  'settings.company_updated': none,
  'settings.payment_terms_updated': none,
  // Booked events (the occasion)
  'event.created': open({ code: z.string() }),
  'event.status_changed': transition,
  'event.rescheduled': none,
  'event.confirmed': transition,
  'event_budget.set': none,
  'booking.confirmed': transition,
  /** Money arrived on a booking cancelled after it was confirmed: it stays Cancelled; the owner refunds or reopens. */
  'booking.payment_on_cancelled': open({ eventId: id, receivedMinor: minor }),
  'booking.cancelled': transition,
  'booking.moved': transition,
  'brief.shared': none,
  /** A brief share link withdrawn: the collab-server closes the connections using it (access feed). */
  'brief.share_link_revoked': open({ linkId: id, document: z.string() }),
  'task.assigned': none,
  'preparation.updated': none,
  'portal_link.created': none,
  'portal_link.revoked': none,
  // Money
  'milestones.planned': none,
  'milestones.edited': none,
  'milestones.change_order_applied': open({ quoteVersionId: id, totalMinor: minor }),
  'milestone.overdue': none,
  'payment.recorded': open({ eventId: id, code: z.string(), amountMinor: minor, currency: z.string() }),
  'payment.refunded': open({ eventId: id, code: z.string(), amountMinor: minor }),
  'payment.reversed': open({ eventId: id, code: z.string(), amountMinor: minor }),
  'payment.credit_on_account': none,
  'payment_link.created': none,
  'credit.applied': open({ eventId: id, amountMinor: minor }),
  /** Credit on account below zero written off by finance (payload names the reason). */
  'credit.written_off': open({ eventId: id, amountMinor: minor }),
  'invoice.issued': none,
  'credit_note.issued': none,
  'gateway.suspense_booked': none,
  'gateway.suspense_resolved': none,
  'fx.rates_refreshed': none,
  'fx.rate_set': none,
  // Vendors
  'vendor.created': none,
  'vendor.updated': none,
  'vendor.rated': none,
  'vendor.bank_revealed': none,
  'vendor_category.added': none,
  'vendor_assignment.created': none,
  'vendor_assignment.status_changed': none,
  'vendor_assignment.checked_in': none,
  'vendor_dependency.added': none,
  'vendor_dependency.removed': none,
  'vendor_document.added': none,
  'vendor_payment.recorded': none,
  'vendor_schedule.set': none,
  'vendor_po.accepted': none,
  'vendor_po_link.created': none,
  'vendor_po_link.revoked': none,
  // Notifications
  'notifications.moment_switched': none,
  'notifications.prices_set': none,
  // The team inbox's live feed (edge/src/features/notifications/inbox-feed.ts)
  'whatsapp.message_received': open({ phone: z.string() }),
  'whatsapp.status_changed': open({ phones: z.array(z.string()) }),
  'inbox.conversation_updated': open({ phone: z.string(), change: z.string() }),
  // Users and access
  'user.invited': none,
  'user.invite_accepted': none,
  'user.updated': none,
  'user.role_changed': none,
  'user.deactivated': none,
  'user.reactivated': none,
  'user.password_changed': none,
  'user.password_reset': none,
  /** A vendor or client user linked to an event, their access changed, or the link removed (aggregate: the event). */
  'event_access.granted': open({ userId: id, access: z.enum(['read', 'write']) }),
  'event_access.changed': open({ userId: id, from: z.enum(['read', 'write']), to: z.enum(['read', 'write']) }),
  'event_access.revoked': open({ userId: id, access: z.enum(['read', 'write']) }),
} as const satisfies Record<string, z.ZodType<Record<string, unknown>>>;

/** Every domain-event name: a union, not `string`. */
export type DomainEventType = keyof typeof DOMAIN_EVENTS;

/** What a writer passes as the payload of `T`. */
export type DomainEventPayload<T extends DomainEventType> = z.input<(typeof DOMAIN_EVENTS)[T]>;

export const DOMAIN_EVENT_TYPES = Object.keys(DOMAIN_EVENTS) as DomainEventType[];

export function isDomainEventType(name: string): name is DomainEventType {
  return Object.hasOwn(DOMAIN_EVENTS, name);
}

/** Reads a stored payload against the catalogue (readers of the journal); null when it does not fit. */
export function parseDomainEvent<T extends DomainEventType>(type: T, payload: unknown) {
  const parsed = DOMAIN_EVENTS[type].safeParse(payload);
  return parsed.success ? (parsed.data as z.output<(typeof DOMAIN_EVENTS)[T]>) : null;
}
