import { newId } from '@mandap/shared/common';
import type { DomainEventPayload, DomainEventType } from '@mandap/shared/journal';
import { addDays, indiaDate as istDate } from '@mandap/shared/time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tick } from '../../jobs/tick.ts';
import { recordChange } from '../../lib/journal.ts';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent, postPayment } from '../payments/payments-test-kit.ts';
import { verifyShareToken } from '../quotes/share-link.ts';
import { eventStartsAt, rewindMoments } from './moments.service.ts';
import { startProviderStandIn } from './testing/provider-stand-in.ts';

type StandIn = Awaited<ReturnType<typeof startProviderStandIn>>;
let standIn: StandIn;
let t: TestApp;
let sales: Record<string, string>;
let finance: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  standIn = await startProviderStandIn();
  t = await startTestApp({
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_API_URL: `${standIn.url}/v21.0`,
    WHATSAPP_PHONE_NUMBER_ID: '1098765432',
    WHATSAPP_ACCESS_TOKEN: 'meta-test-token',
    WHATSAPP_MAX_PER_SECOND: '1000',
  });
  sales = (await t.login('sales@mandap.demo')).auth;
  finance = (await t.login('finance@mandap.demo')).auth;
  admin = (await t.login('admin@mandap.demo')).auth;
  await tick(t.deps, t.clock.now()); // the demo house's own history
});
afterAll(async () => {
  await standIn.close();
  t.cleanup();
});

/** Sends the stand-in received for a provider template, by recipient. */
const sends = (providerName: string) =>
  standIn.seen
    .filter((s) => (s.body.template as { name?: string } | undefined)?.name === providerName)
    .map((s) => `+${String(s.body.to)}`);

const rows = async (template: string, recipient?: string) =>
  (
    await t.deps.db.$client.execute({
      sql: `SELECT recipient, status, channel, last_error, payload FROM notification_outbox WHERE template = ? ${recipient ? 'AND recipient = ?' : ''}`,
      args: recipient ? [template, recipient] : [template],
    })
  ).rows;

async function newLead(phone: string) {
  const res = await t.json('POST', '/api/leads', { name: 'Ira Kapoor', phone, eventType: 'wedding' }, sales);
  expect(res.status).toBe(201);
  return (await res.json()).lead as { id: string; code: string };
}

async function emit<T extends DomainEventType>(
  type: T,
  aggregateType: string,
  aggregateId: string,
  payload: DomainEventPayload<T>,
) {
  await t.deps.db.transaction((tx) =>
    recordChange<T>(tx, { type, aggregateType, aggregateId, payload, actorId: null, at: t.clock.now() }),
  );
}

describe('lifecycle moments', () => {
  it('a new lead gets one acknowledgement; replaying the event log sends nothing again', async () => {
    const lead = await newLead('98200 77001');
    await tick(t.deps, t.clock.now());
    expect(sends('lead_acknowledgement')).toEqual(['+919820077001']);
    const sent = standIn.seen.find((s) => s.body.to === '919820077001')!;
    expect(sent.body.template).toMatchObject({
      components: [{ type: 'body', parameters: [{ text: 'Ira Kapoor' }, { text: lead.code }] }],
    });
    await rewindMoments(t.deps, 0);
    await tick(t.deps, t.clock.now());
    await tick(t.deps, t.clock.now());
    expect(sends('lead_acknowledgement')).toEqual(['+919820077001']);
    expect(await rows('lead_acknowledgement', '+919820077001')).toHaveLength(1);
  });

  it('a logged call sends the follow-up with the call notes', async () => {
    const lead = await newLead('98200 77002');
    const res = await t.json(
      'POST',
      `/api/leads/${lead.id}/communications`,
      {
        kind: 'call',
        outcome: 'connected',
        notes: 'Sangeet for 250, shortlist venues by Friday',
        occurredAt: t.clock.now().toISOString(),
      },
      sales,
    );
    expect(res.status).toBe(201);
    await tick(t.deps, t.clock.now());
    const calls = standIn.seen.filter((s) => (s.body.template as { name: string }).name === 'call_follow_up');
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(calls[0]!.body)).toContain('Sangeet for 250, shortlist venues by Friday');
  });

  it('a moment switched off in settings sends nothing; only an admin may switch it', async () => {
    expect(
      (await t.json('PUT', '/api/notifications/moments/lead_acknowledgement', { enabled: false }, sales)).status,
    ).toBe(403);
    expect(
      (await t.json('PUT', '/api/notifications/moments/lead_acknowledgement', { enabled: false }, admin)).status,
    ).toBe(200);
    await newLead('98200 77003');
    await tick(t.deps, t.clock.now());
    expect(sends('lead_acknowledgement')).not.toContain('+919820077003');
    expect(
      (await t.json('PUT', '/api/notifications/moments/lead_acknowledgement', { enabled: true }, admin)).status,
    ).toBe(200);
  });

  it('the first advance gives one booking confirmation and one payment receipt to the client', async () => {
    const today = istDate(t.clock.now());
    const e = await plannedEvent(t, finance, { totalMinor: 900_000, startDate: addDays(today, 60) });
    const before = { booking: (await rows('booking_confirmed')).length, paid: (await rows('payment_received')).length };
    const paid = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'upi',
      reference: 'UPI-1',
      receivedOn: today,
      amountMinor: 270_000,
      currency: 'INR',
    });
    expect(paid.status).toBe(201);
    await tick(t.deps, t.clock.now());
    const booking = await rows('booking_confirmed');
    const receipts = await rows('payment_received');
    expect(booking.length - before.booking).toBe(1);
    expect(receipts.length - before.paid).toBe(1);
    const receipt = receipts.at(-1)!;
    expect(receipt.status).toBe('sent');
    expect(String(receipt.payload)).toContain('/api/invoices/receipts/');
    await rewindMoments(t.deps, 0);
    await tick(t.deps, t.clock.now());
    expect((await rows('booking_confirmed')).length - before.booking).toBe(1);
    expect((await rows('payment_received')).length - before.paid).toBe(1);
  });

  it('quote shared and accepted, vendor confirmed and event completed each follow their domain event once', async () => {
    const [q] = (
      await t.deps.db.$client.execute(
        'SELECT q.id, v.id AS version_id FROM quotes q JOIN quote_versions v ON v.quote_id = q.id AND v.version = 1 WHERE q.event_id IS NOT NULL LIMIT 1',
      )
    ).rows;
    const versionId = String(q!.version_id);
    await emit('quote.sent', 'quote', String(q!.id), { version: 1, versionId, totalMinor: 0 });
    await emit('quote.accepted', 'quote', String(q!.id), { version: 1, versionId, totalMinor: 0, name: 'Asha' });
    const [ev] = (
      await t.deps.db.$client.execute(
        'SELECT e.id FROM events e JOIN clients c ON c.id = e.client_id WHERE c.phone IS NOT NULL LIMIT 1',
      )
    ).rows;
    await emit('event.status_changed', 'event', String(ev!.id), { from: 'event_day', to: 'completed' });
    await emit('event.status_changed', 'event', String(ev!.id), { from: 'deposit_paid', to: 'active_preparation' });
    const [a] = (await t.deps.db.$client.execute('SELECT id FROM vendor_assignments LIMIT 1')).rows;
    if (a)
      await emit('vendor_assignment.status_changed', 'vendor_assignment', String(a.id), {
        from: 'requested',
        to: 'confirmed',
        note: null,
      });
    const before = (await rows('quote_shared')).length;
    const vendorBefore = (await rows('vendor_assignment_confirmed')).length;
    await tick(t.deps, t.clock.now());
    expect((await rows('quote_shared')).length - before).toBe(1);
    // The link is the client's quote page (`/q/:token`) for the version sent, and the token opens that version.
    const shared = (await rows('quote_shared')).at(-1)!;
    const link = String(JSON.parse(String(shared.payload)).link);
    expect(link.startsWith(`${t.deps.env.PUBLIC_URL}/q/`)).toBe(true);
    const token = link.split('/q/')[1]!;
    expect((await verifyShareToken(t.deps.env.JWT_SECRET, token, t.clock.now())).versionId).toBe(String(q!.version_id));
    const page = await t.json('GET', `/api/public/quotes/${token}`);
    expect(page.status).toBe(200);
    expect((await rows('quote_accepted_client')).length).toBeGreaterThanOrEqual(1);
    if (a) expect((await rows('vendor_assignment_confirmed')).length - vendorBefore).toBe(1);
    // The thanks-and-referral message is marketing: without the client's opt-in it is held back, and the log says why.
    const thanks = await rows('event_completed_thanks');
    expect(thanks).toHaveLength(1);
    expect(thanks[0]).toMatchObject({
      status: 'not_sent',
      last_error: 'not sent: marketing messages need the contact’s opt-in',
    });
  });

  it('event-day reminders go 48 hours and 2 hours before, to the client and the event manager, once each', async () => {
    const today = istDate(t.clock.now());
    const start = addDays(today, 4);
    const [client] = (await t.deps.db.$client.execute('SELECT id FROM clients WHERE phone IS NOT NULL LIMIT 1')).rows;
    const [mgr] = (await t.deps.db.$client.execute("SELECT id FROM users WHERE email = 'ops@mandap.demo'")).rows;
    const id = newId();
    await t.deps.db.$client.execute({
      sql: `INSERT INTO events (id, code, name, client_id, event_type, status, start_date, end_date, city, venue, manager_id, created_at, updated_at)
            VALUES (?, ?, 'Kapoor Haldi', ?, 'wedding', 'deposit_paid', ?, ?, 'Mumbai', 'Sea Lawn', ?, ?, ?)`,
      args: [
        id,
        `EV-R-${id.slice(-6)}`,
        String(client!.id),
        start,
        start,
        String(mgr!.id),
        t.clock.now().toISOString(),
        t.clock.now().toISOString(),
      ],
    });
    const starts = eventStartsAt(start).getTime();
    const count = async (tpl: string) =>
      (await rows(tpl))
        .filter((r) => String(r.payload).includes('Kapoor Haldi'))
        .map((r) => r.channel)
        .sort();
    await tick(t.deps, new Date(starts - 49 * 3_600_000));
    expect(await count('event_reminder_48h')).toEqual([]);
    await tick(t.deps, new Date(starts - 47 * 3_600_000));
    await tick(t.deps, new Date(starts - 46 * 3_600_000));
    expect(await count('event_reminder_48h')).toEqual(['in_app', 'whatsapp']);
    expect(await count('event_reminder_2h')).toEqual([]);
    await tick(t.deps, new Date(starts - 90 * 60_000));
    expect(await count('event_reminder_2h')).toEqual(['in_app', 'whatsapp']);
    expect(await count('event_reminder_48h')).toEqual(['in_app', 'whatsapp']);
  });
});
