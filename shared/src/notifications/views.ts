import { z } from 'zod';

/**
 * What the notification and inbox routes answer. The edge declares its routes with these, so the
 * client's typed calls (hono/client) read the same shapes and a renamed key fails its typecheck.
 */

const ZConversation = z.object({
  phone: z.string(),
  name: z.string().nullable(),
  leadId: z.string().nullable(),
  leadCode: z.string().nullable(),
  eventId: z.string().nullable(),
  eventCode: z.string().nullable(),
  eventName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  unread: z.number(),
  consent: z.string(),
  lastMessageAt: z.string().nullable(),
  lastPreview: z.string().nullable(),
  windowOpen: z.boolean(),
});
export type Conversation = z.infer<typeof ZConversation>;
export const ZConversationList = z.object({ conversations: z.array(ZConversation) });

const ZInboxMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  at: z.string(),
  status: z.string().nullable(),
  error: z.string().nullable(),
  template: z.string().nullable(),
  by: z.string().nullable(),
});
export type InboxMessage = z.infer<typeof ZInboxMessage>;

export const ZInboxThread = z.object({
  contact: ZConversation.pick({
    phone: true,
    name: true,
    consent: true,
    assigneeId: true,
    leadId: true,
    eventId: true,
    unread: true,
    windowOpen: true,
  }).extend({
    consentSource: z.string().nullable(),
    consentAt: z.string().nullable(),
    windowReason: z.string().nullable(),
  }),
  messages: z.array(ZInboxMessage),
});

/** A reply as queued and attempted once. */
export const ZReplyOutcome = z.object({ id: z.string(), status: z.string(), error: z.string().nullable() });

const ZTemplateInfo = z.object({
  key: z.string(),
  label: z.string(),
  category: z.string(),
  variables: z.array(z.string()),
  body: z.string(),
  essential: z.boolean(),
  sample: z.record(z.string(), z.string()),
});
export type TemplateInfo = z.infer<typeof ZTemplateInfo>;
export const ZTemplateList = z.object({ templates: z.array(ZTemplateInfo) });
export const ZTemplateRendered = z.object({
  subject: z.string().nullable(),
  text: z.string(),
  values: z.array(z.string()),
});

const ZLogMessage = z.object({
  id: z.string(),
  channel: z.string(),
  template: z.string(),
  recipient: z.string(),
  status: z.string(),
  providerStatus: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  costMinor: z.number().nullable(),
});
export type LogMessage = z.infer<typeof ZLogMessage>;
export const ZNotificationLog = z.object({
  counts: z.record(z.string(), z.number()),
  costMinor: z.number(),
  messages: z.array(ZLogMessage),
});
export const ZRetried = z.object({ id: z.string(), status: z.literal('pending') });

export const ZBroadcastPreview = z.object({
  matched: z.number(),
  recipients: z.number(),
  heldBack: z.number(),
  category: z.string(),
  pricePerMessageMinor: z.number(),
  expectedCostMinor: z.number(),
  sample: z.string(),
});
export type BroadcastPreview = z.infer<typeof ZBroadcastPreview>;

export const ZBroadcast = z.object({
  id: z.string(),
  name: z.string(),
  template: z.string(),
  scheduledAt: z.string(),
  recipients: z.number(),
  skipped: z.number(),
  expectedCostMinor: z.number(),
  sent: z.number(),
  delivered: z.number(),
  read: z.number(),
  failed: z.number(),
  waiting: z.number(),
  costMinor: z.number(),
});
export type Broadcast = z.infer<typeof ZBroadcast>;
export const ZBroadcastList = z.object({ broadcasts: z.array(ZBroadcast) });

const ZMomentSetting = z.object({
  key: z.string(),
  label: z.string(),
  template: z.string(),
  enabled: z.boolean(),
});
export const ZMomentList = z.object({ moments: z.array(ZMomentSetting) });
export const ZMomentSwitched = z.object({ key: z.string(), enabled: z.boolean() });

/** The bell: in-app notifications, newest first. */
export const ZBell = z.object({
  unread: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      template: z.string(),
      text: z.string(),
      link: z.string().nullable(),
      at: z.string(),
      read: z.boolean(),
    }),
  ),
});
export const ZPushKey = z.object({ publicKey: z.string().nullable() });
export const ZPushRemoved = z.object({ removed: z.number() });
