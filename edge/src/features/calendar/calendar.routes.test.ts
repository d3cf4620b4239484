import { newId } from '@mandap/shared/common';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
type Login = Awaited<ReturnType<TestApp['login']>>;
let manager: Login;
let sales: Login;
let ops: Login;
let finance: Login;
let client: Login;
let vendor: Login;
const at = '2026-11-01T10:00:00.000Z';
const ids = { lead: newId(), event: newId(), milestone: newId(), followUp: newId() };

type Entry = { key: string; type: string; start: string; end: string; canMove: boolean; ownerId: string | null };
async function entries(who: Login, query: string): Promise<Entry[]> {
  const res = await t.json('GET', `/api/calendar?${query}`, undefined, who.auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { entries: Entry[] }).entries;
}
const exec = (q: ReturnType<typeof sql>) => t.deps.db.run(q);

beforeAll(async () => {
  t = await startTestApp();
  [manager, sales, ops, finance, client, vendor] = await Promise.all([
    t.login('manager@mandap.demo'),
    t.login('sales@mandap.demo'),
    t.login('ops@mandap.demo'),
    t.login('finance@mandap.demo'),
    t.login('client@mandap.demo'),
    t.login('vendor@mandap.demo'),
  ]);
  // A three-day wedding in March 2031 (nothing else in the demo house is that far out),
  // its lead's functions, an unpaid milestone and a follow-up.
  const fns = JSON.stringify([
    { name: 'Mehendi', date: '2031-03-10', guestCount: 80 },
    { name: 'Sangeet', date: '2031-03-11', guestCount: 200 },
    { name: 'Pheras', date: '2031-03-12', guestCount: 300 },
  ]);
  await exec(sql`INSERT INTO leads (id, code, name, source, stage, temperature, functions, owner_id, created_at, updated_at)
    VALUES (${ids.lead}, 'LD-2031-0001', 'Meher Sethi', 'manual', 'won', 'hot', ${fns}, ${sales.userId}, ${at}, ${at})`);
  await exec(sql`INSERT INTO events (id, code, name, lead_id, event_type, status, start_date, end_date, city, manager_id, created_at, updated_at)
    VALUES (${ids.event}, 'EV-2031-0001', 'Meher weds Kabir', ${ids.lead}, 'wedding', 'deposit_paid', '2031-03-10', '2031-03-12', 'Udaipur', ${ops.userId}, ${at}, ${at})`);
  await exec(sql`INSERT INTO milestones (id, event_id, seq, label, due_date, amount_minor, currency, paid_minor, status, created_at, updated_at)
    VALUES (${ids.milestone}, ${ids.event}, 1, 'Second instalment', '2031-03-03', 500000, 'INR', 0, 'pending', ${at}, ${at})`);
  await exec(sql`INSERT INTO lead_follow_ups (id, lead_id, owner_id, due_at, status, created_at)
    VALUES (${ids.followUp}, ${ids.lead}, ${sales.userId}, '2031-03-05T05:30:00.000Z', 'open', ${at})`);
});
afterAll(() => t.cleanup());

const MARCH = 'from=2031-03-01&to=2031-03-31';

describe('calendar', () => {
  it('shows a multi-day event, each of its functions, a payment due date and a follow-up', async () => {
    const got = await entries(manager, MARCH);
    const byKey = new Map(got.map((e) => [e.key, e]));
    expect(byKey.get(`event:${ids.event}`)).toMatchObject({ start: '2031-03-10', end: '2031-03-12', canMove: true });
    expect(got.filter((e) => e.type === 'function').map((e) => e.start)).toEqual([
      '2031-03-10',
      '2031-03-11',
      '2031-03-12',
    ]);
    expect(byKey.get(`payment_due:${ids.milestone}`)).toMatchObject({ start: '2031-03-03', canMove: false });
    expect(byKey.get(`follow_up:${ids.followUp}`)).toMatchObject({ start: '2031-03-05T05:30:00.000Z' });
  });

  it('filters by owner and by type', async () => {
    const mine = await entries(sales, `${MARCH}&owner=${sales.userId}`);
    expect(mine.map((e) => e.type)).toEqual(['follow_up']);
    const dues = await entries(manager, `${MARCH}&types=payment_due`);
    expect(dues.map((e) => e.key)).toEqual([`payment_due:${ids.milestone}`]);
    const bad = await t.json('GET', `/api/calendar?${MARCH}&types=party`, undefined, manager.auth);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('types');
  });

  it('shows each role only what it may open', async () => {
    expect((await entries(sales, MARCH)).some((e) => e.type === 'payment_due')).toBe(false);
    expect((await entries(finance, MARCH)).some((e) => e.type === 'payment_due')).toBe(true);
    // Neither the client nor the vendor is linked to this event.
    expect(await entries(client, MARCH)).toEqual([]);
    expect(await entries(vendor, MARCH)).toEqual([]);
    await exec(
      sql`INSERT INTO event_access (event_id, user_id, access, created_at) VALUES (${ids.event}, ${client.userId}, 'read', ${at})`,
    );
    await exec(
      sql`INSERT INTO event_access (event_id, user_id, access, created_at) VALUES (${ids.event}, ${vendor.userId}, 'write', ${at})`,
    );
    const seenByClient = await entries(client, MARCH);
    expect(new Set(seenByClient.map((e) => e.type))).toEqual(new Set(['event', 'function', 'payment_due']));
    expect(seenByClient.every((e) => !e.canMove)).toBe(true);
    const seenByVendor = await entries(vendor, MARCH);
    expect(new Set(seenByVendor.map((e) => e.type))).toEqual(new Set(['event', 'function']));
  });

  it('reschedules by drag: an event keeps its length, a follow-up its time of day; dues cannot move', async () => {
    const moveEvent = await t.json('PATCH', `/api/calendar/event/${ids.event}`, { start: '2031-03-17' }, ops.auth);
    expect(moveEvent.status, await moveEvent.clone().text()).toBe(200);
    const [e] = await t.deps.db.all<{ start_date: string; end_date: string }>(
      sql`SELECT start_date, end_date FROM events WHERE id = ${ids.event}`,
    );
    expect(e).toEqual({ start_date: '2031-03-17', end_date: '2031-03-19' });
    expect(
      (await t.json('PATCH', `/api/calendar/event/${ids.event}`, { start: '2031-03-18' }, sales.auth)).status,
    ).toBe(403);
    expect(
      (await t.json('PATCH', `/api/calendar/event/${ids.event}`, { start: '2031-03-18' }, client.auth)).status,
    ).toBe(403);

    const moveFollowUp = await t.json(
      'PATCH',
      `/api/calendar/follow_up/${ids.followUp}`,
      { start: '2031-03-06' },
      sales.auth,
    );
    expect(moveFollowUp.status, await moveFollowUp.clone().text()).toBe(200);
    const [f] = await t.deps.db.all<{ due_at: string }>(
      sql`SELECT due_at FROM lead_follow_ups WHERE id = ${ids.followUp}`,
    );
    expect(f!.due_at).toBe('2031-03-06T05:30:00.000Z');

    const due = await t.json(
      'PATCH',
      `/api/calendar/payment_due/${ids.milestone}`,
      { start: '2031-03-09' },
      manager.auth,
    );
    expect(due.status).toBe(422);
    const bad = await t.json('PATCH', `/api/calendar/event/${ids.event}`, { start: '17/03/2031' }, ops.auth);
    expect(bad.status).toBe(400);
  });
});

describe('.ics feed', () => {
  it('serves the user’s calendar behind a secret URL; a wrong, replaced or revoked secret is a 404', async () => {
    const made = await t.json('POST', '/api/calendar/feed', undefined, ops.auth);
    expect(made.status).toBe(200);
    const { url } = (await made.json()) as { url: string };
    const path = new URL(url).pathname;
    // The feed covers a month back to a year ahead: read it as if it were February 2031.
    const shift = Date.parse('2031-02-15T00:00:00Z') - t.deps.now().getTime();
    t.clock.advance(shift);
    let ok: Response;
    try {
      ok = await t.json('GET', path);
    } finally {
      t.clock.advance(-shift);
    }
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/calendar');
    const ics = await ok.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Ops manages this event: it is in their feed, as an all-day event with an exclusive end.
    expect(ics).toContain('SUMMARY:Meher weds Kabir');
    expect(ics).toContain('DTSTART;VALUE=DATE:20310317');
    expect(ics).toContain('DTEND;VALUE=DATE:20310320');

    const wrong = `${path.slice(0, -8)}${path.slice(-8, -4) === 'AAAA' ? 'BBBB' : 'AAAA'}.ics`;
    expect((await t.json('GET', wrong)).status).toBe(404);
    expect((await t.json('GET', `/api/calendar/feed/${ops.userId}_short.ics`)).status).toBe(404);

    const again = (await (await t.json('POST', '/api/calendar/feed', undefined, ops.auth)).json()) as { url: string };
    expect((await t.json('GET', path)).status).toBe(404);
    expect((await t.json('GET', new URL(again.url).pathname)).status).toBe(200);
    expect((await t.json('DELETE', '/api/calendar/feed', undefined, ops.auth)).status).toBe(200);
    expect((await t.json('GET', new URL(again.url).pathname)).status).toBe(404);
  });
});
