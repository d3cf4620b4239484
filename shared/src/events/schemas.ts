import { z } from 'zod';
import { ZLeadBrief } from '../leads/schemas.ts';
import { ZEventTypeKey } from './event-types.ts';
import { BOOKING_STATES } from './lifecycle.ts';

export const ZEventSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  eventType: ZEventTypeKey,
  status: z.enum(BOOKING_STATES),
  startDate: z.string(),
  endDate: z.string(),
  city: z.string(),
  venue: z.string().nullable(),
  guestCount: z.number().int().nullable(),
  clientName: z.string().nullable(),
  /** The client the event is for, and the lead it was converted from (null when created directly). */
  clientId: z.string().nullable(),
  leadId: z.string().nullable(),
});
export type EventSummary = z.infer<typeof ZEventSummary>;
export const ZEventList = z.object({ events: z.array(ZEventSummary) });

/**
 * The structured brief of an event: the record of the lead it was converted from (one owner;
 * the lead card shows and edits the same record). Null for an event created without a lead.
 */
export const ZEventBrief = z.object({
  eventId: z.string(),
  leadId: z.string().nullable(),
  leadCode: z.string().nullable(),
  brief: ZLeadBrief.nullable(),
  /** True when this viewer may change it (leads:write or events:write). */
  canEdit: z.boolean(),
});
export type EventBrief = z.infer<typeof ZEventBrief>;
