import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { postPayment } from '../payments/payments-test-kit.ts';
import { createQuote, sendQuote, tokenOf, weddingDraft } from './quote-test-kit.ts';

// Issue 9, items 1–3: whatever the order of convert, quote, send and accept, the quote, the
// communications and the accepted contract end on the event, the pipeline moves itself with
// the cause recorded, and the plan is made from the payment terms the client signed.

let t: TestApp;
let sales: Record<string, string>;
let finance: Record<string, string>;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  sales = (await t.login('sales@mandap.demo')).auth;
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

const rows = async (sql: string, args: (string | number)[] = []) =>
  (await t.deps.db.$client.execute({ sql, args })).rows;
const one = async (sql: string, args: (string | number)[] = []) => (await rows(sql, args))[0]!;

const TERMS = [
  { label: 'Advance', percent: 50, anchor: 'acceptance', days: 0 },
  { label: 'Seven days before', percent: 40, anchor: 'event_start', days: -7 },
  { label: 'On completion', percent: 10, anchor: 'event_end', days: 0 },
] as const;

async function newLead() {
  n += 1;
  const res = await t.json(
    'POST',
    '/api/leads',
    { name: `Journey ${n}`, phone: `098201 ${String(10000 + n)}`, eventType: 'wedding' },
    sales,
  );
  expect(res.status).toBe(201);
  const id = (await res.json()).lead.id as string;
  const log = await t.json(
    'POST',
    `/api/leads/${id}/communications`,
    { kind: 'note', body: 'First call: wants a Juhu venue' },
    sales,
  );
  expect(log.status).toBeLessThan(300);
  return id;
}

async function convert(leadId: string) {
  const res = await t.json(
    'POST',
    `/api/leads/${leadId}/convert`,
    {
      billingName: 'Journey family',
      billingAddress: '12 Marine Drive, Mumbai 400002',
      stateCode: '27',
      whatsappOptIn: false,
      event: { name: 'Journey wedding', startDate: '2099-03-20', endDate: '2099-03-22', city: 'Mumbai' },
    },
    sales,
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { eventId: string; clientId: string };
}

async function quoteFor(leadId: string) {
  return createQuote(t, sales, { leadId, ...weddingDraft({ paymentTerms: [...TERMS] }) });
}

async function accept(url: string) {
  const res = await t.json('POST', `/api/public/quotes/${tokenOf(url)}/accept`, {
    name: 'Journey Client',
    acceptTerms: true,
  });
  expect(res.status).toBe(200);
}

async function plan(eventId: string) {
  return t.json('POST', '/api/payments/milestone-plans', { eventId }, finance);
}

async function expectJoined(leadId: string, eventId: string, quoteId: string) {
  const q = await one('SELECT event_id, client_id, lead_id FROM quotes WHERE id = ?', [quoteId]);
  expect(q.event_id).toBe(eventId);
  expect(q.lead_id).toBe(leadId);
  expect(q.client_id).toBeTruthy();
  const comms = await rows('SELECT event_id FROM communications WHERE lead_id = ?', [leadId]);
  expect(comms.length).toBeGreaterThan(0);
  expect(comms.every((c) => c.event_id === eventId)).toBe(true);
  // The event page and the lead card both list the quote.
  const byEvent = await (await t.json('GET', `/api/quotes?eventId=${eventId}`, undefined, sales)).json();
  expect(byEvent.quotes.map((x: { id: string }) => x.id)).toContain(quoteId);
  const byLead = await (await t.json('GET', `/api/quotes?leadId=${leadId}`, undefined, sales)).json();
  expect(byLead.quotes.map((x: { id: string }) => x.id)).toContain(quoteId);
}

async function expectPlanFromTerms(eventId: string, totalMinor: number) {
  const res = await plan(eventId);
  expect(res.status).toBe(201);
  const body = await res.json();
  const ms = body.milestones as { label: string; amountMinor: number; dueDate: string }[];
  expect(ms.map((m) => m.label)).toEqual(['Advance', 'Seven days before', 'On completion']);
  expect(ms.reduce((a, m) => a + m.amountMinor, 0)).toBe(totalMinor);
  expect(ms[0]!.amountMinor).toBe(Math.round(totalMinor * 0.5));
  expect(ms[1]!.dueDate).toBe('2099-03-13');
  expect(ms[2]!.dueDate).toBe('2099-03-22');
}

describe('the booking follows the work, in any order', () => {
  it('lead → quote → send → accept → convert: the accepted quote is the event contract and finance can plan', async () => {
    const leadId = await newLead();
    const q = await quoteFor(leadId);
    const sent = await sendQuote(t, sales, q.quote.id);
    expect((await one('SELECT stage FROM leads WHERE id = ?', [leadId])).stage).toBe('quote_sent');
    await accept(sent.share.url);
    const { eventId } = await convert(leadId);
    await expectJoined(leadId, eventId, q.quote.id);
    // The booking starts where it truly is, and says why.
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('proposal_sent');
    // Finance sees the accepted booking that still needs a plan, and no longer once planned.
    const needing = async () =>
      (
        (await (await t.json('GET', '/api/events/needing-plan', undefined, finance)).json()).events as { id: string }[]
      ).map((e) => e.id);
    expect(await needing()).toContain(eventId);
    await expectPlanFromTerms(eventId, sent.current.totals.totalMinor);
    expect(await needing()).not.toContain(eventId);
  });

  it('lead → quote → send → convert → accept', async () => {
    const leadId = await newLead();
    const q = await quoteFor(leadId);
    const sent = await sendQuote(t, sales, q.quote.id);
    const { eventId } = await convert(leadId);
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('proposal_sent');
    await accept(sent.share.url);
    await expectJoined(leadId, eventId, q.quote.id);
    await expectPlanFromTerms(eventId, sent.current.totals.totalMinor);
  });

  it('lead → convert → quote (for the lead) → send → accept: the quote lands on the event', async () => {
    const leadId = await newLead();
    const { eventId } = await convert(leadId);
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('enquiry');
    const q = await quoteFor(leadId);
    const sent = await sendQuote(t, sales, q.quote.id);
    const moved = await one(
      "SELECT payload FROM event_log WHERE aggregate_id = ? AND type = 'event.status_changed' ORDER BY seq DESC LIMIT 1",
      [eventId],
    );
    expect(JSON.parse(String(moved.payload))).toMatchObject({
      from: 'enquiry',
      to: 'proposal_sent',
      cause: 'quote_sent',
    });
    await accept(sent.share.url);
    await expectJoined(leadId, eventId, q.quote.id);
    await expectPlanFromTerms(eventId, sent.current.totals.totalMinor);
  });

  it('lead → convert → quote (for the event) → accept: the lead card still shows it', async () => {
    const leadId = await newLead();
    const { eventId } = await convert(leadId);
    const q = await createQuote(t, sales, { eventId, ...weddingDraft({ paymentTerms: [...TERMS] }) });
    const sent = await sendQuote(t, sales, q.quote.id);
    await accept(sent.share.url);
    await expectJoined(leadId, eventId, q.quote.id);
    await expectPlanFromTerms(eventId, sent.current.totals.totalMinor);
  });
});

describe('the pipeline moves itself and says so', () => {
  it('a change request moves lead to Negotiation and booking to Discussion; the history names the cause', async () => {
    const leadId = await newLead();
    const { eventId } = await convert(leadId);
    const q = await quoteFor(leadId);
    const sent = await sendQuote(t, sales, q.quote.id);
    const res = await t.json('POST', `/api/public/quotes/${tokenOf(sent.share.url)}/request-changes`, {
      name: 'Journey Client',
      message: 'Fewer plates please',
    });
    expect(res.status).toBe(200);
    expect((await one('SELECT stage FROM leads WHERE id = ?', [leadId])).stage).toBe('negotiation');
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('discussion');
    const history = await (await t.json('GET', `/api/leads/${leadId}/history`, undefined, sales)).json();
    expect(JSON.stringify(history)).toContain('changes_requested');
  });

  it('an advance on a New lead (and on a Lost one) is recorded, confirms the booking, makes the lead Won and tells the owner', async () => {
    for (const before of ['new', 'lost'] as const) {
      const leadId = await newLead();
      const { eventId } = await convert(leadId);
      const q = await createQuote(t, sales, { eventId, ...weddingDraft({ paymentTerms: [...TERMS] }) });
      const sent = await sendQuote(t, sales, q.quote.id);
      await accept(sent.share.url);
      expect((await plan(eventId)).status).toBe(201);
      // Force the lead's stage as it might be when money arrives unexpectedly.
      await t.deps.db.$client.execute({
        sql: 'UPDATE leads SET stage = ?, lost_reason = ? WHERE id = ?',
        args: [before, before === 'lost' ? 'Went quiet' : null, leadId],
      });
      const pay = await postPayment(t, finance, {
        eventId,
        mode: 'neft',
        reference: `UTR-${before}`,
        receivedOn: new Date().toISOString().slice(0, 10),
        amountMinor: 1_000_00,
        currency: 'INR',
      });
      expect(pay.status).toBe(201);
      expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('deposit_paid');
      expect((await one('SELECT stage FROM leads WHERE id = ?', [leadId])).stage).toBe('won');
      const told = await rows(
        "SELECT payload FROM notification_outbox WHERE template = 'booking_confirmed' AND payload LIKE ?",
        [`%${eventId}%`],
      );
      expect(told).toHaveLength(1);
      expect(JSON.parse(String(told[0]!.payload)).leadStageBefore).toBe(before);
    }
  });

  it('an advance on a booking cancelled before it was confirmed (its lead was lost) confirms it and wins the lead', async () => {
    const leadId = await newLead();
    const { eventId } = await convert(leadId);
    await t.deps.db.$client.execute({ sql: "UPDATE leads SET stage = 'contacted' WHERE id = ?", args: [leadId] });
    const lost = await t.json('POST', `/api/leads/${leadId}/stage`, { stage: 'lost', lostReason: 'Went quiet' }, sales);
    expect(lost.status).toBe(200);
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('cancelled');
    const pay = await postPayment(t, finance, {
      eventId,
      mode: 'neft',
      reference: 'UTR-AFTER-LOST',
      receivedOn: new Date().toISOString().slice(0, 10),
      amountMinor: 50_000_00,
      currency: 'INR',
    });
    expect(pay.status).toBe(201);
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('deposit_paid');
    expect((await one('SELECT stage FROM leads WHERE id = ?', [leadId])).stage).toBe('won');
    const moved = await one(
      "SELECT payload FROM event_log WHERE type = 'event.status_changed' AND aggregate_id = ? ORDER BY seq DESC LIMIT 1",
      [eventId],
    );
    expect(JSON.parse(String(moved.payload))).toMatchObject({
      from: 'cancelled',
      to: 'deposit_paid',
      cause: 'advance_received',
    });
  });

  it('money on a booking cancelled after it was confirmed is booked; the booking stays Cancelled, flagged, and the owner and finance get a refund-or-reopen task', async () => {
    const leadId = await newLead();
    const { eventId } = await convert(leadId);
    const receivedOn = new Date().toISOString().slice(0, 10);
    const first = { eventId, mode: 'neft', receivedOn, amountMinor: 1_00_000_00, currency: 'INR' };
    expect((await postPayment(t, finance, { ...first, reference: 'UTR-ADV-1' })).status).toBe(201);
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('deposit_paid');
    const manager = (await t.login('manager@mandap.demo')).auth;
    const cancel = await t.json('POST', `/api/payments/events/${eventId}/booking`, { to: 'cancelled' }, manager);
    expect(cancel.status).toBe(200);
    const late = await postPayment(t, finance, { ...first, reference: 'UTR-LATE-2', amountMinor: 20_000_00 });
    expect(late.status).toBe(201);
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('cancelled');
    const flag = await one(
      "SELECT payload FROM event_log WHERE type = 'booking.payment_on_cancelled' AND aggregate_id = ?",
      [eventId],
    );
    expect(JSON.parse(String(flag.payload)).receivedMinor).toBe(1_20_000_00);
    const tasks = await rows(
      "SELECT recipient FROM notification_outbox WHERE template = 'payment_on_cancelled_booking' AND payload LIKE ? ORDER BY recipient",
      [`%${eventId}%`],
    );
    const owner = await one('SELECT owner_id FROM leads WHERE id = ?', [leadId]);
    expect(tasks.map((r) => r.recipient)).toEqual([owner.owner_id, 'role:finance'].sort());
  });

  it('losing the lead cancels a booking that was not confirmed, with the cause', async () => {
    const leadId = await newLead();
    const { eventId } = await convert(leadId);
    await t.deps.db.$client.execute({ sql: "UPDATE leads SET stage = 'contacted' WHERE id = ?", args: [leadId] });
    const res = await t.json(
      'POST',
      `/api/leads/${leadId}/stage`,
      { stage: 'lost', lostReason: 'Went with a competitor' },
      sales,
    );
    expect(res.status).toBe(200);
    expect((await one('SELECT status FROM events WHERE id = ?', [eventId])).status).toBe('cancelled');
  });
});

describe('a change order adjusts the open milestones and keeps the paid ones', () => {
  it('re-sizes open milestones to the new total; the paid advance stays as it was', async () => {
    const leadId = await newLead();
    const { eventId } = await convert(leadId);
    const q = await createQuote(t, sales, { eventId, ...weddingDraft({ paymentTerms: [...TERMS] }) });
    const sent = await sendQuote(t, sales, q.quote.id);
    await accept(sent.share.url);
    const made = await (await plan(eventId)).json();
    const advance = made.milestones[0];
    const pay = await postPayment(t, finance, {
      eventId,
      mode: 'neft',
      reference: 'UTR-CO',
      receivedOn: new Date().toISOString().slice(0, 10),
      amountMinor: advance.amountMinor,
      currency: 'INR',
    });
    expect(pay.status).toBe(201);
    const v2 = await t.json('POST', `/api/quotes/${q.quote.id}/versions`, { negotiationNote: 'More plates' }, sales);
    expect(v2.status).toBeLessThan(300);
    const draft = weddingDraft({ paymentTerms: [...TERMS] });
    draft.lines![1] = { ...draft.lines![1]!, quantity: 450 };
    expect((await t.json('PUT', `/api/quotes/${q.quote.id}/draft`, draft, sales)).status).toBe(200);
    const sent2 = await sendQuote(t, sales, q.quote.id);
    await accept(sent2.share.url);
    const after = (await (await t.json('GET', `/api/payments/events/${eventId}/milestones`, undefined, finance)).json())
      .milestones as { id: string; amountMinor: number; status: string }[];
    expect(after[0]).toMatchObject({ id: advance.id, amountMinor: advance.amountMinor, status: 'paid' });
    expect(after.reduce((a, m) => a + m.amountMinor, 0)).toBe(sent2.current.totals.totalMinor);
    expect(sent2.current.totals.totalMinor).toBeGreaterThan(sent.current.totals.totalMinor);
  });
});
