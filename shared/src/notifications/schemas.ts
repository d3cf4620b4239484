import { z } from 'zod';
import { ZId, ZIsoDate, ZIsoDateTime } from '../common/schemas.ts';
import { EVENT_TYPES } from '../events/lifecycle.ts';
import { LEAD_STAGES } from '../leads/lifecycle.ts';

const ZVariables = z.record(z.string().max(60), z.string().max(1000)).default({});

/** A reply from the team inbox: free text (inside the 24-hour window) or a template. */
export const ZInboxReply = z
  .strictObject({
    text: z.string().trim().min(1, { error: 'write a message' }).max(4096).optional(),
    template: z.string().min(1).max(80).optional(),
    variables: ZVariables.optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.template === undefined), {
    error: 'send either text or a template, not both',
    path: ['text'],
  });
export type InboxReply = z.infer<typeof ZInboxReply>;

export const ZAssignConversation = z.strictObject({ assigneeId: ZId.nullable() });

export const ZConsentChange = z.strictObject({
  consent: z.enum(['opted_in', 'opted_out']),
  /** Where the consent was given: a form, a call, in person … kept with the time as the DPDP Act expects. */
  source: z.string().trim().min(2, { error: 'say where the consent came from' }).max(120),
});

export const ZMomentSwitch = z.strictObject({ enabled: z.boolean() });

const ZPaise = z
  .number({ error: 'enter a price (0 if free)' })
  .int({ error: 'use whole paise' })
  .min(0, { error: 'a price cannot be negative' })
  .max(10_000_00, { error: 'at most ₹10,000 a message' });
/** Per-category price of one delivered WhatsApp template, in paise (finance sets these). */
export const ZMessagePrices = z.strictObject({
  utility: ZPaise,
  marketing: ZPaise,
  authentication: ZPaise,
});
export type MessagePrices = z.infer<typeof ZMessagePrices>;

export const ZTemplatePreview = z.strictObject({ variables: ZVariables.optional() });

/** Who a broadcast goes to: leads filtered like the pipeline. */
export const ZSegment = z.strictObject({
  eventTypes: z.array(z.enum(EVENT_TYPES)).max(20).optional(),
  /** Event date (from) on or after … */
  eventDateFrom: ZIsoDate.optional(),
  /** … and on or before. */
  eventDateTo: ZIsoDate.optional(),
  stages: z.array(z.enum(LEAD_STAGES)).max(20).optional(),
  excludeStages: z.array(z.enum(LEAD_STAGES)).max(20).optional(),
});
export type Segment = z.infer<typeof ZSegment>;

export const ZCreateBroadcast = z.strictObject({
  name: z.string().trim().min(2, { error: 'use at least 2 characters' }).max(120),
  template: z.string().min(1).max(80),
  /** Fixed variables; `name` is filled per recipient. */
  variables: ZVariables.optional(),
  segment: ZSegment,
  /** When to start; omitted: now. */
  scheduledAt: ZIsoDateTime.optional(),
});
export type CreateBroadcast = z.infer<typeof ZCreateBroadcast>;

/** What a broadcast's preview (reach and expected cost) needs: its template, variables and segment. */
export const ZBroadcastPreviewRequest = ZCreateBroadcast.pick({ template: true, variables: true, segment: true });

export const ZPushSubscription = z.strictObject({
  endpoint: z.url().max(1000),
  keys: z.strictObject({ p256dh: z.string().min(10).max(200), auth: z.string().min(8).max(100) }),
});
