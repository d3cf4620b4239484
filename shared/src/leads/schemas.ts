import { z } from 'zod';
import { ZEmail, ZIsoDate, ZIsoDateTime } from '../common/schemas.ts';
import { ZEventTypeKey } from '../events/event-types.ts';
import { CURRENCIES, MAX_AMOUNT_MINOR } from '../money/money.ts';
import { checkGstin } from '../quotes/gst.ts';
import { FOLLOW_UP_BUCKETS } from './follow-ups.ts';
import { LEAD_SOURCES, LEAD_STAGES, LEAD_TEMPERATURES } from './lifecycle.ts';
import { normalisePhone } from './phone.ts';

/** A phone as typed ("098200 12345", "+91-98200-12345") → E.164; refused with a message naming the problem. */
export const ZPhone = z
  .string({ error: 'phone must be text' })
  .max(40, { error: 'phone is too long' })
  .transform((v, ctx) => {
    const r = normalisePhone(v);
    if (r.ok) return r.e164;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });

const ZText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `use at most ${max} characters` });
const ZLeadName = z
  .string({ error: 'name is required' })
  .trim()
  .min(2, { error: 'name needs at least 2 characters' })
  .max(120);
const ZMinor = z.number().int({ error: 'use whole paise (integer minor units)' }).min(0).max(MAX_AMOUNT_MINOR);

/** One function of a wedding (mehendi, sangeet, …) with its date and guest count. */
const ZLeadFunction = z.object({
  name: ZText(60).min(1, { error: 'name the function, e.g. Sangeet' }),
  date: ZIsoDate.nullable(),
  guestCount: z.number().int().min(0).max(100_000).nullable(),
});
export type LeadFunctionInput = z.infer<typeof ZLeadFunction>;

/** The structured brief on the lead record. */
export const ZLeadBrief = z.object({
  eventType: ZEventTypeKey.nullable(),
  eventDateFrom: ZIsoDate.nullable(),
  eventDateTo: ZIsoDate.nullable(),
  functions: z.array(ZLeadFunction).max(20),
  city: ZText(80).nullable(),
  venue: ZText(160).nullable(),
  isDestination: z.boolean(),
  guestCount: z.number().int().min(0).max(100_000).nullable(),
  budgetMinMinor: ZMinor.nullable(),
  budgetMaxMinor: ZMinor.nullable(),
  budgetCurrency: z.enum(CURRENCIES),
  requirements: ZText(4000).nullable(),
});
export type LeadBrief = z.infer<typeof ZLeadBrief>;

/** Marketing attribution captured with a lead (website UTM, landing page, referrer). */
const ZAttribution = z.object({
  utmSource: ZText(200).optional(),
  utmMedium: ZText(200).optional(),
  utmCampaign: ZText(200).optional(),
  utmTerm: ZText(200).optional(),
  utmContent: ZText(200).optional(),
  landingPage: ZText(500).optional(),
  referrer: ZText(500).optional(),
  /** Google's click id, stored as itself. */
  gclid: ZText(300).optional(),
  /** The ad platform's ids (Meta/Google), for campaign ROI. */
  campaignId: ZText(100).optional(),
  adGroupId: ZText(100).optional(),
  adId: ZText(100).optional(),
  formId: ZText(100).optional(),
});

const briefChecks = <T extends z.ZodType<Partial<LeadBrief>>>(schema: T) =>
  schema.superRefine((b, ctx) => {
    if (b.eventDateFrom && b.eventDateTo && b.eventDateTo < b.eventDateFrom)
      ctx.addIssue({ code: 'custom', path: ['eventDateTo'], message: 'the end date is before the start date' });
    if (b.budgetMinMinor != null && b.budgetMaxMinor != null && b.budgetMinMinor > b.budgetMaxMinor)
      ctx.addIssue({ code: 'custom', path: ['budgetMaxMinor'], message: 'the upper budget is below the lower one' });
  });

const contactFields = {
  name: ZLeadName,
  phone: ZPhone.nullable().optional(),
  email: ZEmail.nullable().optional(),
  temperature: z.enum(LEAD_TEMPERATURES).optional(),
};

export const ZCreateLead = briefChecks(
  z.strictObject({
    ...contactFields,
    source: z.enum(LEAD_SOURCES).default('manual'),
    sourceDetail: ZText(200).optional(),
    ownerId: z.uuid({ error: 'owner must be a user id' }).optional(),
    referredByClientId: z.uuid().optional(),
    ...ZLeadBrief.partial().shape,
  }),
)
  .refine((l) => l.phone || l.email, { path: ['phone'], message: 'enter a phone number or an email' })
  .refine((l) => l.source !== 'listing' || l.sourceDetail, {
    path: ['sourceDetail'],
    message: 'name the listing platform the lead came from',
  });
export type CreateLead = z.input<typeof ZCreateLead>;
export type CreateLeadParsed = z.output<typeof ZCreateLead>;

export const ZUpdateLead = briefChecks(
  z.strictObject({
    ...contactFields,
    name: ZLeadName.optional(),
    sourceDetail: ZText(200).nullable().optional(),
    /** Only for referral leads: the client who referred them (null clears it). */
    referredByClientId: z.uuid({ error: 'must be a client id' }).nullable().optional(),
    ...ZLeadBrief.partial().shape,
  }),
);
export type UpdateLead = z.input<typeof ZUpdateLead>;

/** A change to the structured brief alone: the lead card and its event's live brief both write it. */
export const ZUpdateLeadBrief = briefChecks(z.strictObject(ZLeadBrief.partial().shape));
export type UpdateLeadBrief = z.input<typeof ZUpdateLeadBrief>;

export const ZMoveLead = z.strictObject({
  stage: z.enum(LEAD_STAGES),
  lostReason: ZText(500).optional(),
});
export type MoveLead = z.infer<typeof ZMoveLead>;

export const ZAssignLead = z.strictObject({ ownerId: z.uuid({ error: 'owner must be a user id' }) });

const ZLeadSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  stage: z.enum(LEAD_STAGES),
  temperature: z.enum(LEAD_TEMPERATURES),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  eventType: ZEventTypeKey.nullable(),
  eventDate: z.string().nullable(),
  city: z.string().nullable(),
  budgetMaxMinor: z.number().int().nullable(),
  budgetCurrency: z.enum(CURRENCIES),
  nextFollowUpAt: z.string().nullable(),
  createdAt: z.string(),
});
export type LeadSummary = z.infer<typeof ZLeadSummary>;

export const LEAD_SORTS = ['createdAt', 'eventDate', 'budget', 'name', 'nextFollowUpAt'] as const;

export const ZLeadListQuery = z.strictObject({
  stage: z.enum(LEAD_STAGES).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  temperature: z.enum(LEAD_TEMPERATURES).optional(),
  /** A user id, `me`, or `none` for unassigned. */
  owner: z.union([z.uuid(), z.enum(['me', 'none'])], { error: 'owner must be a user id, me or none' }).optional(),
  eventFrom: ZIsoDate.optional(),
  eventTo: ZIsoDate.optional(),
  budgetMin: z.coerce.number().int().min(0).optional(),
  budgetMax: z.coerce.number().int().min(0).optional(),
  q: z.string().trim().max(100).optional(),
  /** Marketing filters on the lead's attribution: utm_source and campaign (utm_campaign or the ad platform's campaign id). */
  utmSource: z.string().trim().min(1).max(200).optional(),
  campaign: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(LEAD_SORTS).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type LeadListQuery = z.output<typeof ZLeadListQuery>;
export const ZLeadList = z.object({ leads: z.array(ZLeadSummary), total: z.number().int() });

/** Counts for the dashboard and the board: the same filters as the list, counted by the server over every lead. */
export const ZLeadCountsQuery = ZLeadListQuery.omit({ sort: true, dir: true, limit: true, offset: true, stage: true });
export const ZLeadCounts = z.object({
  byStage: z.record(z.enum(LEAD_STAGES), z.number().int()),
  total: z.number().int(),
  open: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
});
export type LeadCounts = z.infer<typeof ZLeadCounts>;

/** The campaigns leads came from (utm_source × campaign), with how many leads each, for the list's filters and ROI. */
export const ZLeadCampaigns = z.object({
  campaigns: z.array(
    z.object({ utmSource: z.string().nullable(), campaign: z.string().nullable(), leads: z.number().int() }),
  ),
});
export type LeadCampaigns = z.infer<typeof ZLeadCampaigns>;

const ZLeadDetail = ZLeadSummary.extend({
  ...ZLeadBrief.shape,
  functions: z.array(ZLeadFunction),
  sourceDetail: z.string().nullable(),
  attribution: ZAttribution.nullable(),
  lostReason: z.string().nullable(),
  clientId: z.string().nullable(),
  referredByClientId: z.string().nullable(),
  /** The referring client's name, for display. */
  referredByClientName: z.string().nullable(),
  updatedAt: z.string(),
});
export type LeadDetail = z.infer<typeof ZLeadDetail>;
export const ZLeadResult = z.object({ lead: ZLeadDetail });

/** 409 answer to a create that matches an existing lead by phone or email. */
export const ZDuplicateLead = z.object({
  error: z.object({ code: z.literal('duplicate_lead'), message: z.string(), fields: z.record(z.string(), z.string()) }),
  existing: ZLeadSummary,
});

// ---- communications ----

export const COMMUNICATION_KINDS = ['call', 'whatsapp', 'meeting', 'email', 'note'] as const;
export const CALL_OUTCOMES = [
  'connected',
  'no_answer',
  'busy',
  'wrong_number',
  'call_back_later',
  'not_interested',
] as const;
export const WHATSAPP_STATUSES = ['sent', 'delivered', 'read', 'replied', 'failed'] as const;
const ZDirection = z.enum(['inbound', 'outbound']);
const ZOccurred = { occurredAt: ZIsoDateTime.optional() };

export const ZLogCommunication = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('call'),
    direction: ZDirection.default('outbound'),
    outcome: z.enum(CALL_OUTCOMES),
    durationSeconds: z.number().int().min(0).max(86_400).nullable().optional(),
    notes: ZText(4000).optional(),
    decisions: ZText(2000).optional(),
    ...ZOccurred,
  }),
  z.strictObject({
    kind: z.literal('whatsapp'),
    direction: ZDirection.default('outbound'),
    status: z.enum(WHATSAPP_STATUSES).default('sent'),
    message: ZText(4000).min(1, { error: 'write the message or a summary' }),
    ...ZOccurred,
  }),
  z.strictObject({
    kind: z.literal('meeting'),
    meetLink: z.url({ error: 'use a full link like https://meet.google.com/abc-defg-hij' }).max(300).optional(),
    attendees: z.array(ZText(120)).max(30).default([]),
    notes: ZText(4000).optional(),
    clientReactions: ZText(2000).optional(),
    decisions: ZText(2000).optional(),
    ...ZOccurred,
  }),
  z.strictObject({
    kind: z.literal('email'),
    direction: ZDirection.default('outbound'),
    subject: ZText(300).min(1, { error: 'subject is required' }),
    body: ZText(10_000).optional(),
    ...ZOccurred,
  }),
  z.strictObject({ kind: z.literal('note'), body: ZText(10_000).min(1, { error: 'write the note' }), ...ZOccurred }),
]);
export type LogCommunication = z.input<typeof ZLogCommunication>;

/** A file stored through the file-storage adapter, attached to a lead or one of its communications. */
export const ZAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  communicationId: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof ZAttachment>;
export const ZAttachmentList = z.object({ attachments: z.array(ZAttachment) });

/** Query of an upload (the body is the file's bytes, its Content-Type the file's type). */
export const ZAttachmentUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1, { error: 'fileName is required' }).max(200),
  communicationId: z.uuid({ error: "communicationId must be an id from this lead's timeline" }).optional(),
});

export const ZCommunication = z.object({
  id: z.string(),
  kind: z.enum(COMMUNICATION_KINDS),
  direction: z.string().nullable(),
  outcome: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  body: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  occurredAt: z.string(),
  byName: z.string().nullable(),
  attachments: z.array(ZAttachment).default([]),
});
export type Communication = z.infer<typeof ZCommunication>;
export const ZCommunicationList = z.object({ communications: z.array(ZCommunication) });

// ---- follow-ups ----

export const ZScheduleFollowUp = z.strictObject({ dueAt: ZIsoDateTime, note: ZText(500).optional() });
export const ZSnoozeFollowUp = z.strictObject({
  minutes: z
    .number()
    .int()
    .min(5, { error: 'snooze at least 5 minutes' })
    .max(60 * 24 * 30),
});
export const ZCompleteFollowUp = z.strictObject({ outcome: ZText(500).optional() });

export const ZFollowUp = z.object({
  id: z.string(),
  leadId: z.string(),
  leadCode: z.string(),
  leadName: z.string(),
  leadPhone: z.string().nullable(),
  dueAt: z.string(),
  note: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  bucket: z.enum(FOLLOW_UP_BUCKETS).nullable(),
});
export type FollowUp = z.infer<typeof ZFollowUp>;
export const ZMyFollowUps = z.object({
  overdue: z.array(ZFollowUp),
  today: z.array(ZFollowUp),
  upcoming: z.array(ZFollowUp),
});
export type MyFollowUps = z.infer<typeof ZMyFollowUps>;

// ---- conversion ----

export const ZGstin = z.string().transform((v, ctx) => {
  const gstin = v.replace(/\s+/g, '').toUpperCase();
  const r = checkGstin(gstin);
  if (r.ok) return gstin;
  ctx.addIssue({ code: 'custom', message: r.reason });
  return z.NEVER;
});

export const ZConvertLead = z
  .strictObject({
    billingName: ZText(200).min(2, { error: 'billing name is required' }),
    gstin: ZGstin.optional(),
    billingAddress: ZText(500).min(5, { error: 'billing address is required' }),
    stateCode: z.string().regex(/^\d{2}$/, { error: 'GST state code is two digits, e.g. 27 for Maharashtra' }),
    currency: z.enum(CURRENCIES).default('INR'),
    whatsappOptIn: z.boolean().default(false),
    event: z.strictObject({
      name: ZText(160).min(2, { error: 'name the event' }),
      startDate: ZIsoDate,
      endDate: ZIsoDate,
      city: ZText(80).min(2, { error: 'city is required' }),
      venue: ZText(160).optional(),
      guestCount: z.number().int().min(0).max(100_000).optional(),
    }),
  })
  .superRefine((v, ctx) => {
    if (v.gstin && v.gstin.slice(0, 2) !== v.stateCode)
      ctx.addIssue({
        code: 'custom',
        path: ['stateCode'],
        message: `the GSTIN is registered in state ${v.gstin.slice(0, 2)}`,
      });
    if (v.event.endDate < v.event.startDate)
      ctx.addIssue({ code: 'custom', path: ['event', 'endDate'], message: 'the end date is before the start date' });
  });
export type ConvertLead = z.input<typeof ZConvertLead>;
export const ZConversionResult = z.object({
  clientId: z.string(),
  clientCode: z.string(),
  eventId: z.string(),
  eventCode: z.string(),
});

// ---- history ----

const ZLeadHistoryEntry = z.object({
  at: z.string(),
  type: z.string(),
  actorName: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export const ZLeadHistory = z.object({ entries: z.array(ZLeadHistoryEntry) });
export type LeadHistoryEntry = z.infer<typeof ZLeadHistoryEntry>;

// ---- pickers: owners, referring clients, sources ----

/** A person a lead can be handed to (active sales, manager or admin). */
const ZLeadOwner = z.object({ id: z.string(), name: z.string(), role: z.string() });
export const ZLeadOwners = z.object({ owners: z.array(ZLeadOwner) });
export type LeadOwner = z.infer<typeof ZLeadOwner>;

export const ZReferrerQuery = z.strictObject({ q: z.string().trim().max(80).default('') });
/** A client who can be named as the referrer of a lead. */
const ZReferrer = z.object({ id: z.string(), code: z.string(), name: z.string(), phone: z.string().nullable() });
export const ZReferrers = z.object({ clients: z.array(ZReferrer) });
export type Referrer = z.infer<typeof ZReferrer>;

/** The listing platforms configured in LISTING_PLATFORMS, for source pickers. */
export const ZLeadSourceOptions = z.object({
  listingPlatforms: z.array(
    z.object({ key: z.string(), label: z.string(), source: z.enum(LEAD_SOURCES), sourceDetail: z.string().nullable() }),
  ),
});

// ---- assignment rules ----

/** A rule routing new leads to an owner; unset conditions match anything; lower position wins. */
export const ZAssignmentRuleInput = z
  .strictObject({
    ownerId: z.uuid({ error: 'owner must be a user id' }),
    source: z.enum(LEAD_SOURCES).nullable().default(null),
    city: ZText(80).nullable().default(null),
    eventType: ZEventTypeKey.nullable().default(null),
  })
  .refine((r) => r.source || r.city || r.eventType, {
    path: ['source'],
    message: 'give at least one condition (source, city or event type); round-robin covers the rest',
  });
export type AssignmentRuleInput = z.input<typeof ZAssignmentRuleInput>;
const ZAssignmentRule = z.object({
  id: z.string(),
  position: z.number().int(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  source: z.enum(LEAD_SOURCES).nullable(),
  city: z.string().nullable(),
  eventType: ZEventTypeKey.nullable(),
});
export type AssignmentRuleView = z.infer<typeof ZAssignmentRule>;
export const ZAssignmentRules = z.object({ rules: z.array(ZAssignmentRule) });
export const ZReorderRules = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });
