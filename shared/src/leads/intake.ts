import { z } from 'zod';
import { ZEmail, ZIsoDate } from '../common/schemas.ts';
import { EVENT_TYPES } from '../events/lifecycle.ts';
import { ZPhone } from './schemas.ts';

const ZText = (max: number) => z.string().trim().max(max);

/**
 * The public website enquiry form. `website` is a honeypot (left empty by people, filled by
 * bots); `formStartedAt` is when the form was shown (ms since epoch), to refuse instant submits.
 */
export const ZWebsiteLead = z
  .strictObject({
    name: ZText(120).min(2, { error: 'name needs at least 2 characters' }),
    phone: ZPhone.optional(),
    email: ZEmail.optional(),
    message: ZText(2000).optional(),
    eventType: z.enum(EVENT_TYPES).optional(),
    eventDate: ZIsoDate.optional(),
    city: ZText(80).optional(),
    guestCount: z.number().int().min(0).max(100_000).optional(),
    utm_source: ZText(200).optional(),
    utm_medium: ZText(200).optional(),
    utm_campaign: ZText(200).optional(),
    utm_term: ZText(200).optional(),
    utm_content: ZText(200).optional(),
    landingPage: ZText(500).optional(),
    referrer: ZText(500).optional(),
    website: z.string().max(500).optional(),
    formStartedAt: z.number().int({ error: 'formStartedAt is the time the form was shown, in ms' }),
  })
  .refine((l) => l.phone || l.email, { path: ['phone'], message: 'enter a phone number or an email' });

export const ZIntakeAccepted = z.object({ ok: z.literal(true), reference: z.string() });
