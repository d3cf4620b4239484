import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

// Issue 9, item 8: one brief. The structured brief written on the lead card is the event's brief
// after conversion; editing it from the event changes the one record the lead card shows.

let t: TestApp;
let sales: Record<string, string>;
let ops: Record<string, string>;
let finance: Record<string, string>;
let vendor: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  sales = (await t.login('sales@mandap.demo')).auth;
  ops = (await t.login('ops@mandap.demo')).auth;
  finance = (await t.login('finance@mandap.demo')).auth;
  vendor = (await t.login('vendor@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

async function leadWithBrief() {
  const res = await t.json(
    'POST',
    '/api/leads',
    { name: 'One Brief Family', phone: '098201 55501', eventType: 'wedding' },
    sales,
  );
  expect(res.status).toBe(201);
  const id = (await res.json()).lead.id as string;
  const brief = await t.json(
    'PATCH',
    `/api/leads/${id}`,
    {
      guestCount: 320,
      venue: 'Sahara Star, Juhu',
      city: 'Mumbai',
      budgetMinMinor: 25_00_000_00,
      budgetMaxMinor: 40_00_000_00,
      requirements: 'Jain menu at every function',
      functions: [{ name: 'Sangeet', date: '2099-02-13', guestCount: 280 }],
    },
    sales,
  );
  expect(brief.status).toBe(200);
  return id;
}

async function convert(leadId: string) {
  const res = await t.json(
    'POST',
    `/api/leads/${leadId}/convert`,
    {
      billingName: 'One Brief Family',
      billingAddress: '12 Marine Drive, Mumbai 400002',
      stateCode: '27',
      whatsappOptIn: false,
      event: { name: 'One brief wedding', startDate: '2099-02-13', endDate: '2099-02-15', city: 'Mumbai' },
    },
    sales,
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { eventId: string }).eventId;
}

describe('one brief from lead to event', () => {
  let leadId: string;
  let eventId: string;
  beforeAll(async () => {
    leadId = await leadWithBrief();
    eventId = await convert(leadId);
  });

  it('the event shows the brief written on the lead, after conversion', async () => {
    const res = await t.json('GET', `/api/events/${eventId}/brief`, undefined, ops);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      eventId,
      leadId,
      canEdit: true,
      brief: {
        guestCount: 320,
        venue: 'Sahara Star, Juhu',
        budgetMaxMinor: 40_00_000_00,
        requirements: 'Jain menu at every function',
        functions: [{ name: 'Sangeet', date: '2099-02-13', guestCount: 280 }],
      },
    });
  });

  it('an edit from the event is what the lead card shows (one record, not a copy)', async () => {
    const res = await t.json('PATCH', `/api/events/${eventId}/brief`, { guestCount: 350 }, ops);
    expect(res.status).toBe(200);
    expect((await res.json()).brief.guestCount).toBe(350);
    const lead = await (await t.json('GET', `/api/leads/${leadId}`, undefined, sales)).json();
    expect(lead.lead.guestCount).toBe(350);
    // The event's own facts (lists, calendar, the client's page) follow the one brief.
    const moved = await t.json(
      'PATCH',
      `/api/events/${eventId}/brief`,
      { venue: 'ITC Maratha', eventDateFrom: '2099-02-20' },
      ops,
    );
    expect(moved.status).toBe(200);
    const [row] = (
      await t.deps.db.$client.execute({
        sql: 'SELECT guest_count, venue, start_date, end_date FROM events WHERE id = ?',
        args: [eventId],
      })
    ).rows;
    expect(row).toMatchObject({
      guest_count: 350,
      venue: 'ITC Maratha',
      start_date: '2099-02-20',
      end_date: '2099-02-20',
    });
    const leadEdit = await t.json('PATCH', `/api/leads/${leadId}`, { requirements: 'Jain menu; no fireworks' }, sales);
    expect(leadEdit.status).toBe(200);
    const seen = await (await t.json('GET', `/api/events/${eventId}/brief`, undefined, ops)).json();
    expect(seen.brief.requirements).toBe('Jain menu; no fireworks');
    const journal = await t.deps.db.$client.execute({
      sql: "SELECT count(*) AS n FROM event_log WHERE type = 'lead.updated' AND aggregate_id = ?",
      args: [leadId],
    });
    expect(Number(journal.rows[0]!.n)).toBeGreaterThanOrEqual(3);
  });

  it('bad input is refused with the field named and changes nothing', async () => {
    const res = await t.json(
      'PATCH',
      `/api/events/${eventId}/brief`,
      { budgetMinMinor: 50_00_000_00, budgetMaxMinor: 10_00_000_00 },
      ops,
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('budgetMaxMinor');
    const stranger = await t.json('PATCH', `/api/events/${eventId}/brief`, { name: 'Renamed' }, ops);
    expect(stranger.status).toBe(400);
    const seen = await (await t.json('GET', `/api/events/${eventId}/brief`, undefined, ops)).json();
    expect(seen.brief.budgetMaxMinor).toBe(40_00_000_00);
  });

  it('finance reads it but may not change it; external users get no brief', async () => {
    const read = await t.json('GET', `/api/events/${eventId}/brief`, undefined, finance);
    expect(read.status).toBe(200);
    expect((await read.json()).canEdit).toBe(false);
    const write = await t.json('PATCH', `/api/events/${eventId}/brief`, { guestCount: 1 }, finance);
    expect(write.status).toBe(403);
    expect((await t.json('GET', `/api/events/${eventId}/brief`, undefined, vendor)).status).toBe(403);
  });

  it('an unknown event is a 404', async () => {
    const res = await t.json('GET', '/api/events/00000000-0000-4000-8000-000000000000/brief', undefined, ops);
    expect(res.status).toBe(404);
  });
});
