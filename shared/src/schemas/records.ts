import { z } from 'zod';
import { BOOKING_STATES, EVENT_TYPES } from '../lifecycle.ts';

export const ZEventSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  eventType: z.enum(EVENT_TYPES),
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
