import { z } from 'zod';
import { ROLES } from '../access/permissions.ts';
import { ZTaskProjectionRow } from '../collab/internal.ts';
import { ZId } from '../common/schemas.ts';
import { BOOKING_STATES } from '../events/lifecycle.ts';
import { LEAD_SOURCES, LEAD_STAGES, PIPELINE_CAUSES } from '../leads/lifecycle.ts';
import { COMMUNICATION_KINDS } from '../leads/schemas.ts';
import { CURRENCIES } from '../money/money.ts';
import { PAYMENT_MODES } from '../payments/accounts.ts';
import { ZPaymentTerm } from '../quotes/schemas.ts';
import { ASSIGNMENT_STATUSES } from '../vendors/assignment-status.ts';
import { DEPENDENCY_KINDS } from '../vendors/dependencies.ts';
import { VENDOR_DOCUMENT_KINDS } from '../vendors/schemas.ts';

/**
 * The catalogue of domain events: every name the journal (the `event_log` table) may hold, with
 * the schema of its payload. "Domain event" here means a fact recorded in the journal
 * (`quote.sent`); the booked occasion a client pays for is an "event" record, a different thing
 * (its domain events are the `event.*` and `booking.*` names below).
 *
 * Each payload schema is the whole payload its writers write: a key not named here is refused,
 * so the catalogue is what readers (the lead history, the live feeds, notifications, the access
 * feed, dashboards) can rely on. The one writer (`recordChanges` in edge/src/lib/journal.ts)
 * checks every payload against it; a name not listed fails the edge's typecheck.
 */
const payload = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);
const none = payload({});
const id = z.string().min(1);
const minor = z.number().int();
const count = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateTime = z.string().min(10);
const currency = z.enum(CURRENCIES);
const bookingState = z.enum(BOOKING_STATES);
const leadStage = z.enum(LEAD_STAGES);
/** EVENT_ACCESS_LEVELS (schemas/event-access.ts). */
const accessLevel = z.enum(['read', 'write']);
const gateway = z.enum(['razorpay', 'stripe']);

/** What moved the pipeline on its own (see PIPELINE_RULES), and what the mover adds about it. */
const ZPipelineDetail = z.strictObject({
  quoteCode: z.string().optional(),
  version: z.number().int().optional(),
  reason: z.string().nullable().optional(),
  converted: z.boolean().optional(),
});
export type PipelineDetail = z.infer<typeof ZPipelineDetail>;
const pipelineCause = {
  cause: z.enum(PIPELINE_CAUSES).optional(),
  causeLabel: z.string().optional(),
  ...ZPipelineDetail.shape,
};

const bookingMove = payload({ from: bookingState, to: bookingState, cause: z.enum(PIPELINE_CAUSES).optional() });
const followUp = payload({ followUpId: id, dueAt: isoDateTime });
const preparation = payload({
  milestoneId: id,
  clientVisible: z.boolean(),
  wasClientVisible: z.boolean(),
  done: z.boolean().optional(),
  dueDate: isoDate.optional(),
});
const paymentUndone = payload({ eventId: id, code: z.string(), amountMinor: minor, reason: z.string() });
const taxDocument = payload({ eventId: id, number: z.string(), totalMinor: minor, currency: z.string() });
const fxRates = payload({
  rates: z.array(z.strictObject({ pair: z.string(), rate: z.string(), asOf: z.string() })).min(1),
});
const linkCreated = payload({ linkId: id, expiresAt: isoDateTime });
const linkRevoked = payload({ linkId: id });
const importUndone = payload({ batchId: id, fileName: z.string(), line: z.number().int().optional() });

export const DOMAIN_EVENTS = {
  // Leads and clients
  'lead.created': payload({
    code: z.string(),
    source: z.enum(LEAD_SOURCES),
    ownerId: id.nullable(),
    /** Set by a bulk import: the file the lead came from. */
    importedFrom: z.string().optional(),
  }),
  'lead.updated': payload({
    fields: z.array(z.string()),
    /** Set when a provider's fetch filled the fields (Meta's lead form). */
    via: z.string().optional(),
    leadgenId: z.string().optional(),
  }),
  'lead.assigned': payload({ from: id.nullable(), to: id.nullable() }),
  'lead.stage_changed': payload({
    from: leadStage,
    to: leadStage,
    lostReason: z.string().optional(),
    ...pipelineCause,
  }),
  'lead.converted': payload({
    clientId: id,
    clientCode: z.string(),
    eventId: id,
    eventCode: z.string(),
    quotes: count,
    communications: count,
  }),
  'lead.enquired_again': payload({ source: z.enum(LEAD_SOURCES), externalRef: z.string().nullable() }),
  'lead.merged': payload({
    code: z.string(),
    importedFrom: z.string(),
    batchId: id,
    line: z.number().int(),
    fields: z.array(z.string()),
  }),
  'lead.merge_undone': importUndone,
  'lead.import_undone': importUndone,
  'lead_assignment_rule.created': none,
  'lead_assignment_rule.updated': none,
  'lead_assignment_rule.deleted': none,
  'lead_assignment_rule.reordered': payload({ ids: z.array(id) }),
  'client.created': payload({ code: z.string(), fromLeadId: id }),
  'communication.logged': payload({
    communicationId: id,
    kind: z.enum(COMMUNICATION_KINDS),
    outcome: z.string().nullable(),
  }),
  'attachment.added': payload({
    fileId: id,
    fileName: z.string(),
    communicationId: id.nullable(),
    sizeBytes: count,
  }),
  'lead.follow_up_scheduled': followUp,
  'lead.follow_up_rescheduled': followUp,
  'lead.follow_up_snoozed': followUp,
  'lead.follow_up_completed': followUp,
  'meeting.scheduled': payload({
    meetingId: id,
    startsAt: isoDateTime,
    provider: z.enum(['google', 'ics']),
    meetUrl: z.string().nullable(),
  }),
  'meeting.rescheduled': payload({ meetingId: id, startsAt: isoDateTime }),
  'meeting.held': payload({ meetingId: id, decisions: z.string() }),
  'import.committed': payload({ fileName: z.string(), created: count, merged: count }),
  'import.undone': payload({ fileName: z.string(), removed: count, unmerged: count }),
  // Quotes
  'quote.created': payload({
    code: z.string(),
    leadId: id.nullable(),
    eventId: id.nullable(),
    clientId: id.nullable(),
    totalMinor: minor,
    currency,
  }),
  'quote.draft_updated': payload({ version: z.number().int(), totalMinor: minor }),
  'quote.sent': payload({ version: z.number().int(), versionId: id, totalMinor: minor }),
  'quote.viewed': payload({ version: z.number().int(), ip: z.string().nullable(), userAgent: z.string().nullish() }),
  'quote.accepted': payload({ version: z.number().int(), versionId: id, totalMinor: minor, name: z.string() }),
  'quote.rejected': payload({
    version: z.number().int(),
    versionId: id,
    name: z.string(),
    reason: z.string().nullable(),
  }),
  'quote.changes_requested': payload({
    version: z.number().int(),
    requestId: id,
    name: z.string(),
    message: z.string(),
  }),
  'quote.version_created': payload({ version: z.number().int(), from: z.number().int(), isChangeOrder: z.boolean() }),
  'quote.change_order_created': payload({
    version: z.number().int(),
    from: z.number().int(),
    isChangeOrder: z.boolean(),
  }),
  'quote_catalogue.item_added': none,
  'quote_catalogue.item_updated': none,
  'quote_catalogue.item_retired': none,
  'quote_catalogue.item_restored': none,
  'settings.company_updated': payload({ legalName: z.string(), gstin: z.string() }),
  'settings.payment_terms_updated': payload({ templates: count }),
  // Booked events (the occasion)
  'event.created': payload({ code: z.string(), fromLeadId: id.nullable(), status: bookingState }),
  'event.status_changed': payload({ from: bookingState, to: bookingState, ...pipelineCause }),
  'event.rescheduled': payload({ from: isoDate, to: isoDate }),
  'event.confirmed': bookingMove,
  'event_budget.set': payload({
    items: z.array(z.strictObject({ category: z.string(), budgetMinor: minor })),
  }),
  'booking.confirmed': bookingMove,
  /** Money arrived on a booking cancelled after it was confirmed: it stays Cancelled; the owner refunds or reopens. */
  'booking.payment_on_cancelled': payload({
    eventId: id,
    eventCode: z.string(),
    eventName: z.string(),
    receivedMinor: minor,
    /** The amount as the owner's notice prints it (₹ en-IN). */
    received: z.string(),
  }),
  'booking.cancelled': bookingMove,
  'booking.moved': bookingMove,
  'brief.shared': payload({ linkId: id.optional(), document: z.string(), expiresAt: isoDateTime }),
  /** A brief share link withdrawn: the collab-server closes the connections using it (access feed). */
  'brief.share_link_revoked': payload({ linkId: id, document: z.string() }),
  /**
   * A task got a new assignee on the event's task board: written by the edge from the collab
   * server's projection (edge/src/features/collab-ingest), so its fields take what that boundary
   * takes (ZTaskProjectionRow) and a projection the edge accepted is never refused here.
   */
  'task.assigned': payload({
    eventId: ZId,
    ...ZTaskProjectionRow.pick({ taskId: true, title: true, assigneeId: true, assigneeName: true, due: true }).shape,
    previousAssigneeId: ZTaskProjectionRow.shape.assigneeId,
  }),
  'preparation.updated': preparation,
  'portal_link.created': linkCreated,
  'portal_link.revoked': linkRevoked,
  // Money
  'milestones.planned': payload({
    quoteVersionId: id,
    totalMinor: minor,
    /** Planned from the accepted quote's signed payment terms … */
    from: z.literal('signed_terms').optional(),
    terms: z.array(ZPaymentTerm).optional(),
    /** … or from one of the house templates. */
    template: z.enum(['standard', 'half_half', 'full_advance']).optional(),
  }),
  'milestones.edited': none,
  'milestones.change_order_applied': payload({ quoteVersionId: id, totalMinor: minor, surplusMinor: minor }),
  'milestone.overdue': payload({ milestoneId: id, dueDate: isoDate, outstandingMinor: minor }),
  'payment.recorded': payload({
    eventId: id,
    code: z.string(),
    amountMinor: minor,
    currency,
    mode: z.enum(PAYMENT_MODES),
  }),
  'payment.refunded': paymentUndone,
  'payment.reversed': paymentUndone,
  'payment.credit_on_account': payload({
    eventId: id,
    eventCode: z.string(),
    paymentId: id,
    receipt: z.string(),
    amountMinor: minor,
    currency: z.string(),
  }),
  'payment_link.created': payload({ linkId: id, provider: gateway, milestoneId: id, amountMinor: minor }),
  'credit.applied': payload({
    eventId: id,
    amountMinor: minor,
    allocations: z.array(z.strictObject({ milestoneId: id, amountMinor: minor })),
  }),
  /** Credit on account below zero written off by finance (payload names the reason). */
  'credit.written_off': payload({ eventId: id, amountMinor: minor, reason: z.string() }),
  'invoice.issued': taxDocument,
  'credit_note.issued': taxDocument,
  'gateway.suspense_booked': payload({
    suspenseId: id,
    provider: gateway,
    providerPaymentId: z.string(),
    amountMinor: minor,
    currency,
    reason: z.string(),
  }),
  'gateway.suspense_resolved': payload({ eventId: id, paymentId: id.nullable(), amountMinor: minor }),
  'fx.rates_refreshed': fxRates,
  'fx.rate_set': fxRates,
  // Vendors
  'vendor.created': payload({ code: z.string(), name: z.string(), category: z.string() }),
  'vendor.updated': payload({ fields: z.array(z.string()) }),
  'vendor.rated': payload({ eventId: id, rating: z.number().int().min(1).max(5) }),
  'vendor.bank_revealed': payload({ last4: z.string().nullable() }),
  'vendor_category.added': payload({ label: z.string() }),
  'vendor_assignment.created': payload({ poNumber: z.string(), vendorId: id, eventId: id, amountMinor: minor }),
  'vendor_assignment.status_changed': payload({
    from: z.enum(ASSIGNMENT_STATUSES),
    to: z.enum(ASSIGNMENT_STATUSES),
    note: z.string().nullable(),
  }),
  'vendor_assignment.checked_in': payload({ eventId: id }),
  'vendor_dependency.added': payload({ dependsOnId: id, kind: z.enum(DEPENDENCY_KINDS) }),
  'vendor_dependency.removed': payload({ dependsOnId: id }),
  'vendor_document.added': payload({
    documentId: id,
    kind: z.enum(VENDOR_DOCUMENT_KINDS),
    fileName: z.string(),
    assignmentId: id.nullable(),
  }),
  'vendor_payment.recorded': payload({
    paymentId: id,
    amountMinor: minor,
    currency,
    amountInrMinor: minor,
    fxRate: z.string().nullable(),
    tdsMinor: minor,
    journalEntryId: id,
  }),
  'vendor_schedule.set': payload({
    items: z.array(z.strictObject({ label: z.string(), dueDate: isoDate, amountMinor: minor })),
  }),
  'vendor_po.accepted': payload({ linkId: id, name: z.string(), poNumber: z.string().nullable() }),
  'vendor_po_link.created': linkCreated,
  'vendor_po_link.revoked': linkRevoked,
  // Notifications
  'notifications.moment_switched': payload({ enabled: z.boolean() }),
  'notifications.prices_set': payload({ utility: count, marketing: count, authentication: count }),
  // The team inbox's live feed (edge/src/features/notifications/inbox-feed.ts)
  'whatsapp.message_received': payload({ phone: z.string() }),
  'whatsapp.status_changed': payload({ phones: z.array(z.string()) }),
  'inbox.conversation_updated': payload({ phone: z.string(), change: z.string() }),
  // Users and access
  'user.invited': payload({ role: z.enum(ROLES) }),
  'user.invite_accepted': none,
  'user.updated': none,
  'user.role_changed': payload({ from: z.enum(ROLES), to: z.enum(ROLES) }),
  'user.deactivated': none,
  'user.reactivated': none,
  'user.password_changed': none,
  'user.password_reset': none,
  /** A vendor or client user linked to an event, their access changed, or the link removed (aggregate: the event). */
  'event_access.granted': payload({
    userId: id,
    access: accessLevel,
    /** By hand, or by assigning the vendor (absent in lines written before this was recorded). */
    source: z.enum(['manual', 'assignment']).optional(),
  }),
  'event_access.changed': payload({ userId: id, from: accessLevel, to: accessLevel }),
  'event_access.revoked': payload({
    userId: id,
    access: accessLevel,
    /** Set when the system removed it: the vendor's last live assignment on the event was cancelled. */
    reason: z.literal('assignment_cancelled').optional(),
  }),
} as const satisfies Record<string, z.ZodType<Record<string, unknown>>>;

/** Every domain-event name: a union, not `string`. */
export type DomainEventType = keyof typeof DOMAIN_EVENTS;

/** What a writer passes as the payload of `T`. */
export type DomainEventPayload<T extends DomainEventType> = z.input<(typeof DOMAIN_EVENTS)[T]>;

/** A domain event's payload as readers see it. */
export type DomainEventData<T extends DomainEventType> = z.output<(typeof DOMAIN_EVENTS)[T]>;

/** Names domain events in code outside the catalogue (a renamed one fails the typecheck): `DomainEventName<'quote.sent'>`. */
export type DomainEventName<T extends DomainEventType> = T;

export const DOMAIN_EVENT_TYPES = Object.keys(DOMAIN_EVENTS) as DomainEventType[];

export function isDomainEventType(name: string): name is DomainEventType {
  return Object.hasOwn(DOMAIN_EVENTS, name);
}

/**
 * Checks a payload a writer is about to record: null when it fits the catalogue, else what is
 * wrong (`field: message; …`), for the writer's error.
 */
export function domainEventPayloadProblem(type: string, payload: unknown): string | null {
  if (!isDomainEventType(type)) return `${type} is not a domain event in the catalogue`;
  const parsed = DOMAIN_EVENTS[type].safeParse(payload);
  if (parsed.success) return null;
  return parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
}

/** Reads a stored payload against the catalogue (readers of the journal); null when it does not fit. */
export function parseDomainEvent<T extends DomainEventType>(type: T, payload: unknown): DomainEventData<T> | null {
  const parsed = DOMAIN_EVENTS[type].safeParse(payload);
  return parsed.success ? (parsed.data as DomainEventData<T>) : null;
}
