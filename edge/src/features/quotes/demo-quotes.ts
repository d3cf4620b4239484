import { type CatalogueItem, DEFAULT_CATALOGUE, type QuoteDraft, type QuoteLineInput } from '@mandap/shared/quotes';
import { asc, count, eq } from 'drizzle-orm';
import { clients, eventAccess, events, quotes, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import type { Origin } from '../../lib/journal.ts';
import { acceptSharedQuote, declineSharedQuote } from './quote-response.service.ts';
import { createShareLink } from './quote-share.service.ts';
import { createNextVersion, createQuote, sendQuote, updateDraft } from './quotes.service.ts';

const SEED_ORIGIN: Origin = { ip: null, requestId: 'seed-demo-quotes', userAgent: 'seed' };
const CLIENT_ORIGIN: Origin = { ip: '203.0.113.10', requestId: 'seed-demo-quotes', userAgent: 'seed (client phone)' };

/** A line from the built-in catalogue, as the builder's picker would add it. */
function line(id: string, quantity: number, key: string): QuoteLineInput {
  const item = DEFAULT_CATALOGUE.find((c) => c.id === id) as CatalogueItem;
  return {
    key,
    category: item.category,
    description: item.name,
    unit: item.unit,
    quantity,
    rateMinor: item.rateMinor,
    taxClass: item.taxClass,
    sac: item.sac,
  };
}

function demoDraft(title: string, lines: QuoteLineInput[], over: Partial<QuoteDraft> = {}): QuoteDraft {
  return {
    title,
    currency: 'INR',
    customerType: 'b2c',
    placeOfSupply: '27',
    rounding: 'nearest_rupee',
    lines,
    terms: '50% advance to confirm the dates; balance 7 days before the event. Prices include set-up and dismantling.',
    ...over,
  } as QuoteDraft;
}

const tokenOf = (url: string) => url.split('/q/')[1]!;

/**
 * Puts four demo quotations on the demo events, through the same services the API uses
 * (numbers, versions, domain events and audit entries as in real use): the client user's
 * event has a sent quote awaiting their answer; another was accepted and has a draft change
 * order; one was declined; one is still a draft. Idempotent: does nothing once any quote
 * exists (or before the demo house is seeded).
 */
export async function seedDemoQuotes(deps: Deps): Promise<boolean> {
  const [existing] = await deps.db.select({ n: count() }).from(quotes);
  if ((existing?.n ?? 0) > 0) return false;
  const [sales] = await deps.db.select().from(users).where(eq(users.email, 'sales@mandap.demo'));
  const [clientUser] = await deps.db.select().from(users).where(eq(users.email, 'client@mandap.demo'));
  if (!sales || !clientUser) return false;
  const viewer: Viewer = { id: sales.id, email: sales.email, name: sales.name, role: sales.role };
  const [linked] = await deps.db
    .select({ id: eventAccess.eventId })
    .from(eventAccess)
    .where(eq(eventAccess.userId, clientUser.id));
  const others = (
    await deps.db
      .select({ id: events.id, clientName: clients.name })
      .from(events)
      .innerJoin(clients, eq(clients.id, events.clientId))
      .orderBy(asc(events.code))
  ).filter((e) => e.id !== linked?.id);
  if (!linked || others.length < 3) return false;
  type DemoEvent = { id: string; clientName: string };
  const [acceptedEvent, declinedEvent, draftEvent] = others as [DemoEvent, DemoEvent, DemoEvent];
  const validUntil = new Date(deps.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const draft = (title: string, lines: QuoteLineInput[], over: Partial<QuoteDraft> = {}) =>
    demoDraft(title, lines, { validUntil, ...over });

  // The client's own event: sent, awaiting their answer on the dashboard.
  const forClient = await createQuote(
    deps,
    viewer,
    {
      eventId: linked.id,
      ...draft('Wedding décor, catering and music', [
        line('mandap-decor', 1, 'mandap'),
        line('veg-buffet', 300, 'buffet'),
        line('dj', 1, 'dj'),
        line('mgmt-fee', 1, 'mgmt'),
      ]),
    },
    SEED_ORIGIN,
  );
  await sendQuote(deps, viewer, forClient.quote.id, SEED_ORIGIN);

  // Accepted by link, then a change order (more plates) opened as a draft.
  const accepted = await createQuote(
    deps,
    viewer,
    {
      eventId: acceptedEvent.id,
      ...draft(
        'Sangeet night: stage, dhol and hi-tea',
        [line('stage-decor', 1, 'stage'), line('dhol', 2, 'dhol'), line('hi-tea', 150, 'hitea')],
        {
          // The house's older standard split, printed on the quote (the plan is made from it).
          terms: '30% advance on acceptance; 50% 30 days before the event; 20% on the event day.',
          paymentTerms: [
            { label: 'Advance on acceptance', percent: 30, anchor: 'acceptance', days: 0 },
            { label: 'Second instalment (30 days before)', percent: 50, anchor: 'event_start', days: -30 },
            { label: 'Balance on the event day', percent: 20, anchor: 'event_start', days: 0 },
          ],
        },
      ),
    },
    SEED_ORIGIN,
  );
  await sendQuote(deps, viewer, accepted.quote.id, SEED_ORIGIN);
  const link = await createShareLink(deps, viewer, accepted.quote.id, 1);
  await acceptSharedQuote(
    deps,
    tokenOf(link.url),
    { name: acceptedEvent.clientName, acceptTerms: true },
    CLIENT_ORIGIN,
  );
  const changeOrder = await createNextVersion(
    deps,
    viewer,
    accepted.quote.id,
    '50 more guests confirmed after acceptance',
    SEED_ORIGIN,
  );
  const v2 = changeOrder.current;
  await updateDraft(
    deps,
    viewer,
    accepted.quote.id,
    {
      ...v2.draft,
      negotiationNote: v2.draft.negotiationNote ?? null,
      lines: v2.lines.map((l) => (l.key === 'hitea' ? { ...l, quantity: 200 } : l)),
    } as QuoteDraft,
    SEED_ORIGIN,
  );

  // Declined with a reason.
  const declined = await createQuote(
    deps,
    viewer,
    {
      eventId: declinedEvent.id,
      ...draft('Destination welcome dinner', [line('banquet', 1, 'banquet'), line('singer', 1, 'singer')]),
    },
    SEED_ORIGIN,
  );
  await sendQuote(deps, viewer, declined.quote.id, SEED_ORIGIN);
  const declinedLink = await createShareLink(deps, viewer, declined.quote.id, 1);
  await declineSharedQuote(
    deps,
    tokenOf(declinedLink.url),
    { name: declinedEvent.clientName, reason: 'We have moved the dinner to the hotel’s own banquet.' },
    CLIENT_ORIGIN,
  );

  // Still being written.
  await createQuote(
    deps,
    viewer,
    {
      eventId: draftEvent.id,
      ...draft('Corporate offsite: transfers and rooms', [line('rooms', 40, 'rooms'), line('transfers', 6, 'cabs')], {
        validUntil: null,
      }),
    },
    SEED_ORIGIN,
  );
  return true;
}
