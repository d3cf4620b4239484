import { platformOfVisit, type ZWebsiteLead } from '@mandap/shared/leads';
import type { z } from 'zod';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { hitRateLimit } from '../../lib/rate-limit.ts';
import { listingPlatformsOf } from '../leads/lead-options.service.ts';
import { recordDelivery } from './inbox.ts';
import { recordProviderLead } from './provider-lead.ts';

const WINDOW_MS = 10 * 60_000;
/** Refused enquiries kept per address per window, for recovery. */
const REFUSED_KEPT_PER_WINDOW = 20;

/**
 * The public website form. Rate-limited per IP; a filled honeypot or a form sent faster than a
 * person could type is accepted politely (so bots learn nothing) but creates no lead.
 */
export async function receiveWebsiteLead(
  deps: Deps,
  input: z.output<typeof ZWebsiteLead>,
  origin: { ip: string | null; headers: Record<string, string> },
): Promise<{ reference: string }> {
  const now = deps.now();
  // Keyed on the real client address (lib/client-ip); an in-process call has none and no shared bucket.
  const wait = origin.ip
    ? await hitRateLimit(deps.db, `website:${origin.ip}`, deps.env.WEBSITE_FORM_MAX_PER_10_MIN, WINDOW_MS, now)
    : 0;
  if (wait > 0) {
    // Refused, but kept in the inbox so a real enquiry can be recovered (bounded, so a flood cannot fill the disk).
    const kept = await hitRateLimit(deps.db, `website-refused:${origin.ip}`, REFUSED_KEPT_PER_WINDOW, WINDOW_MS, now);
    if (kept === 0)
      await recordDelivery(deps.db, {
        provider: 'website',
        headers: origin.headers,
        body: JSON.stringify(input),
        at: now,
        signatureValid: false,
        status: 'rejected',
        keepWhole: true,
        reason: `rate limited: more than ${deps.env.WEBSITE_FORM_MAX_PER_10_MIN} enquiries from ${origin.ip} in 10 minutes`,
      });
    throw new AppError(
      'too_many_attempts',
      `Too many enquiries from this network. Try again in ${Math.ceil(wait / 60)} minutes.`,
      {
        headers: { 'retry-after': String(wait) },
      },
    );
  }
  const inbox = {
    provider: 'website',
    headers: origin.headers,
    body: JSON.stringify(input),
    at: now,
    signatureValid: false,
  };
  const spam = input.website
    ? 'honeypot field was filled'
    : now.getTime() - input.formStartedAt < deps.env.WEBSITE_FORM_MIN_FILL_MS
      ? 'form was sent too quickly after it was shown'
      : null;
  if (spam) {
    await recordDelivery(deps.db, { ...inbox, status: 'rejected', reason: `spam guard: ${spam}` });
    return { reference: 'received' };
  }
  const answers: Record<string, string> = { full_name: input.name };
  if (input.phone) answers.phone_number = input.phone;
  if (input.email) answers.email = input.email;
  if (input.city) answers.city = input.city;
  if (input.eventDate) answers.event_date = input.eventDate;
  // A visitor sent by a listing platform (utm_source or referrer) is that platform's lead.
  const platform = platformOfVisit(listingPlatformsOf(deps), { utmSource: input.utm_source, referrer: input.referrer });
  return deps.db.transaction(async (tx) => {
    const r = await recordProviderLead(
      tx,
      {
        source: platform?.source ?? 'website',
        externalRef: null,
        answers,
        sourceDetail: platform?.sourceDetail ?? input.landingPage ?? 'website form',
        extraRequirements: input.message ?? null,
        eventType: input.eventType ?? null,
        guestCount: input.guestCount ?? null,
        attribution: {
          utmSource: input.utm_source,
          utmMedium: input.utm_medium,
          utmCampaign: input.utm_campaign,
          utmTerm: input.utm_term,
          utmContent: input.utm_content,
          landingPage: input.landingPage,
          referrer: input.referrer,
        },
      },
      now,
    );
    await recordDelivery(tx, { ...inbox, status: 'processed', reason: `${r.kind} ${r.code}` });
    // Only a new enquiry gets its own code back: an anonymous form never learns an existing lead's code.
    return { reference: r.kind === 'created' ? r.code : 'received' };
  });
}
