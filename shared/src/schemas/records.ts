import { z } from 'zod';
import { BOOKING_STATES, EVENT_TYPES, LEAD_SOURCES, LEAD_STAGES, LEAD_TEMPERATURES } from '../lifecycle.ts';
import { CURRENCIES } from '../money.ts';

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
});
export type EventSummary = z.infer<typeof ZEventSummary>;
export const ZEventList = z.object({ events: z.array(ZEventSummary) });

export const ZLeadSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  stage: z.enum(LEAD_STAGES),
  temperature: z.enum(LEAD_TEMPERATURES),
  ownerName: z.string().nullable(),
  eventType: z.enum(EVENT_TYPES).nullable(),
  eventDate: z.string().nullable(),
  city: z.string().nullable(),
  budgetMaxMinor: z.number().int().nullable(),
  budgetCurrency: z.enum(CURRENCIES),
  createdAt: z.string(),
});
export type LeadSummary = z.infer<typeof ZLeadSummary>;

export const ZLeadListQuery = z.strictObject({
  stage: z.enum(LEAD_STAGES).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type LeadListQuery = z.output<typeof ZLeadListQuery>;
export const ZLeadList = z.object({ leads: z.array(ZLeadSummary), total: z.number().int() });
