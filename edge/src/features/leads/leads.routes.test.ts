import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['login']>>;
beforeEach(async () => {
  t = await startTestApp();
  sales = await t.login('sales@mandap.demo');
});
afterEach(() => t.cleanup());

const asha = { name: 'Asha Mehta', phone: '098200 12345', email: 'Asha@Example.in', eventType: 'wedding' as const };

async function create(body: unknown = asha) {
  const res = await t.json('POST', '/api/leads', body, sales.auth);
  return { res, body: await res.json() };
}

async function rows(sql: string, args: (string | number)[] = []) {
  return (await t.deps.db.$client.execute({ sql, args })).rows;
}

describe('lead intake by hand', () => {
  it('creates a lead with a code, normalised phone, an owner, a domain event and an audit entry', async () => {
    const { res, body } = await create();
    expect(res.status).toBe(201);
    expect(body.lead).toMatchObject({
      code: expect.stringMatching(/^LD-\d{4}-\d{4}$/),
      phone: '+919820012345',
      email: 'asha@example.in',
      source: 'manual',
      stage: 'new',
    });
    expect(body.lead.ownerId).toBeTruthy();
    const ev = await rows("SELECT type FROM event_log WHERE aggregate_id = ? AND type = 'lead.created'", [
      body.lead.id,
    ]);
    expect(ev).toHaveLength(1);
    const audit = await rows('SELECT actor_id, after FROM audit_log WHERE entity_id = ?', [body.lead.id]);
    expect(audit[0]!.actor_id).toBe(sales.userId);
  });

  it.each([
    ['the phone written +91-98200-12345', { name: 'Asha M', phone: '+91-98200-12345' }],
    ['the phone written 9820012345', { name: 'Asha M', phone: '9820012345', email: 'new@x.in' }],
    ['the email in other case', { name: 'Asha M', phone: '98111 22222', email: 'ASHA@example.in' }],
  ])('answers 409 with the existing lead when %s matches', async (_what, twin) => {
    const first = await create();
    const before = await countRows(t.deps, 'leads');
    const { res, body } = await create(twin);
    expect(res.status).toBe(409);
    expect(body.error.code).toBe('duplicate_lead');
    expect(body.existing).toMatchObject({ id: first.body.lead.id, code: first.body.lead.code });
    expect(await countRows(t.deps, 'leads')).toBe(before);
  });

  it('refuses a malformed phone and email naming the field, creating nothing', async () => {
    const before = await countRows(t.deps, 'leads');
    const bad = await create({ name: 'X Y', phone: '12345' });
    expect(bad.res.status).toBe(400);
    expect(bad.body.error.fields.phone).toMatch(/not a valid phone/);
    const badEmail = await create({ name: 'X Y', email: 'not-mail' });
    expect(badEmail.res.status).toBe(400);
    expect(Object.keys(badEmail.body.error.fields)).toEqual(['email']);
    const neither = await create({ name: 'X Y' });
    expect(neither.body.error.fields.phone).toMatch(/phone number or an email/);
    expect(await countRows(t.deps, 'leads')).toBe(before);
  });

  it('a listing lead must name its platform', async () => {
    const bare = await create({ name: 'Tara Sen', phone: '98200 40404', source: 'listing' });
    expect(bare.res.status).toBe(400);
    expect(bare.body.error.fields.sourceDetail).toMatch(/name the listing platform/);
    const named = await create({
      name: 'Tara Sen',
      phone: '98200 40404',
      source: 'listing',
      sourceDetail: 'Venue Look',
    });
    expect(named.res.status).toBe(201);
    expect(named.body.lead).toMatchObject({ source: 'listing', sourceDetail: 'Venue Look' });
  });

  it('names, changes and clears the referring client of a referral lead; refuses it on other leads', async () => {
    const [client] = await rows('SELECT id, name FROM clients LIMIT 1');
    const ref = await create({ name: 'Isha Roy', phone: '98200 41414', source: 'referral' });
    const patch = (id: string, b: unknown) => t.json('PATCH', `/api/leads/${id}`, b, sales.auth);
    const set = await patch(ref.body.lead.id, { referredByClientId: client!.id });
    expect(set.status).toBe(200);
    expect((await set.json()).lead).toMatchObject({
      referredByClientId: client!.id,
      referredByClientName: client!.name,
    });
    const unknown = await patch(ref.body.lead.id, { referredByClientId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields.referredByClientId).toBe('no such client');
    const cleared = await patch(ref.body.lead.id, { referredByClientId: null });
    expect((await cleared.json()).lead.referredByClientName).toBeNull();
    const manual = await create({ name: 'Om Das', phone: '98200 42424' });
    const wrong = await patch(manual.body.lead.id, { referredByClientId: client!.id });
    expect((await wrong.json()).error.fields.referredByClientId).toBe('only for referral leads');
  });

  it('assigns owners round-robin among active sales users', async () => {
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { body } = await create({ name: `Lead ${i}`, phone: `98200 1000${i}` });
      owners.push(body.lead.ownerId);
    }
    expect(new Set(owners).size).toBe(2);
    expect(owners[0]).not.toBe(owners[1]);
    expect(owners[0]).toBe(owners[2]);
  });

  it('finance may read but not create leads', async () => {
    const finance = await t.login('finance@mandap.demo');
    expect((await t.json('GET', '/api/leads', undefined, finance.auth)).status).toBe(200);
    expect((await t.json('POST', '/api/leads', asha, finance.auth)).status).toBe(403);
  });
});

describe('pipeline moves', () => {
  it('moves through allowed stages; refuses skips and manual Won with the reason; Lost needs a reason', async () => {
    const { body } = await create();
    const id = body.lead.id;
    const move = (payload: unknown) => t.json('POST', `/api/leads/${id}/stage`, payload, sales.auth);
    expect((await move({ stage: 'contacted' })).status).toBe(200);
    const skip = await move({ stage: 'negotiation' });
    expect(skip.status).toBe(422);
    expect((await skip.json()).error.message).toBe('A lead cannot move from Contacted straight to Negotiation.');
    const won = await move({ stage: 'won' });
    expect((await won.json()).error.message).toMatch(/only when its booking is confirmed/);
    expect((await move({ stage: 'lost' })).status).toBe(422);
    const lost = await move({ stage: 'lost', lostReason: 'Budget too low' });
    expect((await lost.json()).lead).toMatchObject({ stage: 'lost', lostReason: 'Budget too low' });
    const changes = await rows("SELECT payload FROM event_log WHERE aggregate_id = ? AND type = 'lead.stage_changed'", [
      id,
    ]);
    expect(changes.map((r) => JSON.parse(String(r.payload)).to)).toEqual(['contacted', 'lost']);
  });

  it('filters the list by temperature, owner and budget, sorted by budget', async () => {
    const { body } = await create({
      ...asha,
      temperature: 'hot',
      ownerId: sales.userId,
      budgetMaxMinor: 999_00_000_00,
    });
    const res = await t.json(
      'GET',
      '/api/leads?temperature=hot&owner=me&budgetMin=4000000000&sort=budget&dir=desc',
      undefined,
      sales.auth,
    );
    expect(res.status).toBe(200);
    const { leads, total } = await res.json();
    expect(leads[0].id).toBe(body.lead.id);
    for (const l of leads) expect(l).toMatchObject({ temperature: 'hot', ownerId: sales.userId });
    const budgets = leads.map((l: { budgetMaxMinor: number }) => l.budgetMaxMinor);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
    const [expected] = await rows(
      "SELECT count(*) AS n FROM leads WHERE temperature = 'hot' AND owner_id = ? AND budget_max_minor >= 4000000000",
      [sales.userId],
    );
    expect(total).toBe(Number(expected!.n));
    expect((await t.json('GET', '/api/leads?owner=someone', undefined, sales.auth)).status).toBe(400);
  });

  it('reassigns, and refuses an owner who is not in sales', async () => {
    const { body } = await create();
    const kavya = (await rows("SELECT id FROM users WHERE email = 'kavya@mandap.demo'"))[0]!.id as string;
    const ops = (await rows("SELECT id FROM users WHERE email = 'ops@mandap.demo'"))[0]!.id as string;
    const ok = await t.json('POST', `/api/leads/${body.lead.id}/owner`, { ownerId: kavya }, sales.auth);
    expect((await ok.json()).lead.ownerName).toBeTruthy();
    const bad = await t.json('POST', `/api/leads/${body.lead.id}/owner`, { ownerId: ops }, sales.auth);
    expect(bad.status).toBe(400);
  });
});

describe('brief, timeline, follow-ups, conversion and history', () => {
  it('saves the structured brief and refuses a date range that ends before it starts', async () => {
    const { body } = await create();
    const patch = (b: unknown) => t.json('PATCH', `/api/leads/${body.lead.id}`, b, sales.auth);
    const res = await patch({
      eventDateFrom: '2026-12-12',
      eventDateTo: '2026-12-14',
      functions: [
        { name: 'Mehendi', date: '2026-12-12', guestCount: 120 },
        { name: 'Wedding', date: '2026-12-14', guestCount: 450 },
      ],
      city: 'Udaipur',
      isDestination: true,
      budgetMinMinor: 40_00_000_00,
      budgetMaxMinor: 60_00_000_00,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).lead.functions).toHaveLength(2);
    const bad = await patch({ eventDateFrom: '2026-12-14', eventDateTo: '2026-12-12' });
    expect((await bad.json()).error.fields).toHaveProperty('eventDateTo');
  });

  it('logs a call and a meeting on the timeline, newest first', async () => {
    const { body } = await create();
    const log = (b: unknown) => t.json('POST', `/api/leads/${body.lead.id}/communications`, b, sales.auth);
    expect(
      (
        await log({
          kind: 'call',
          outcome: 'connected',
          durationSeconds: 320,
          notes: 'Wants Udaipur',
          occurredAt: '2026-01-01T10:00:00+05:30',
        })
      ).status,
    ).toBe(201);
    const meeting = await log({
      kind: 'meeting',
      meetLink: 'https://meet.google.com/abc-defg-hij',
      attendees: ['Asha', 'Rohan'],
      clientReactions: 'Loved the floral mandap',
    });
    expect(meeting.status).toBe(201);
    expect((await log({ kind: 'call' })).status).toBe(400);
    const list = await (await t.json('GET', `/api/leads/${body.lead.id}/communications`, undefined, sales.auth)).json();
    expect(list.communications.map((c: { kind: string }) => c.kind)).toEqual(['meeting', 'call']);
    expect(list.communications[1]).toMatchObject({
      outcome: 'connected',
      durationSeconds: 320,
      byName: expect.any(String),
    });
  });

  it('a log replayed with the same Idempotency-Key is logged once and answers the same', async () => {
    const { body } = await create();
    const call = { kind: 'call', outcome: 'connected', durationSeconds: 60, notes: 'Queued offline' };
    const send = (key: string) =>
      t.json('POST', `/api/leads/${body.lead.id}/communications`, call, { ...sales.auth, 'idempotency-key': key });
    const first = await send('offline-log-0001');
    const again = await send('offline-log-0001');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).communication.id).toBe((await first.json()).communication.id);
    expect(await rows('SELECT id FROM communications WHERE lead_id = ?', [body.lead.id])).toHaveLength(1);
    expect((await send('offline-log-0002')).status).toBe(201);
    expect(await rows('SELECT id FROM communications WHERE lead_id = ?', [body.lead.id])).toHaveLength(2);
  });

  it('plans a follow-up with a reminder in the outbox; snooze moves it, complete closes it', async () => {
    const { body } = await create();
    const due = new Date(t.clock.now().getTime() - 3_600_000).toISOString();
    const res = await t.json(
      'POST',
      `/api/leads/${body.lead.id}/follow-ups`,
      { dueAt: due, note: 'Send decor references' },
      sales.auth,
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const owner = body.lead.ownerId as string;
    const me = owner === sales.userId ? sales : await t.login('kavya@mandap.demo');
    const mine = await (await t.json('GET', '/api/follow-ups/mine', undefined, me.auth)).json();
    expect(mine.overdue.map((f: { id: string }) => f.id)).toContain(id);
    const outbox = await rows(
      "SELECT recipient, status FROM notification_outbox WHERE template = 'lead_follow_up_due'",
    );
    expect(outbox).toEqual([expect.objectContaining({ recipient: owner, status: 'pending' })]);

    const snoozed = await (await t.json('POST', `/api/follow-ups/${id}/snooze`, { minutes: 60 * 24 }, me.auth)).json();
    expect(new Date(snoozed.dueAt).getTime()).toBeGreaterThan(t.clock.now().getTime() + 23 * 3_600_000);
    const statuses = await rows(
      "SELECT status FROM notification_outbox WHERE template = 'lead_follow_up_due' ORDER BY created_at",
    );
    expect(statuses.map((r) => r.status).sort()).toEqual(['cancelled', 'pending']);

    expect((await t.json('POST', `/api/follow-ups/${id}/complete`, { outcome: 'Sent' }, me.auth)).status).toBe(200);
    expect((await t.json('POST', `/api/follow-ups/${id}/complete`, {}, me.auth)).status).toBe(409);
    const lead = await (await t.json('GET', `/api/leads/${body.lead.id}`, undefined, sales.auth)).json();
    expect(lead.lead.nextFollowUpAt).toBeNull();
  });

  it('converts to a client and a tentative event in one step; a bad GSTIN changes nothing', async () => {
    const { body } = await create();
    const convert = (b: unknown) => t.json('POST', `/api/leads/${body.lead.id}/convert`, b, sales.auth);
    const base = {
      billingName: 'Mehta Family Trust',
      billingAddress: '12 Marine Drive, Mumbai 400002',
      stateCode: '27',
      whatsappOptIn: true,
      event: { name: 'Asha & Rohan wedding', startDate: '2026-12-12', endDate: '2026-12-14', city: 'Udaipur' },
    };
    const clientsBefore = await countRows(t.deps, 'clients');
    const bad = await convert({ ...base, gstin: '27AAPFU0939F1ZW' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.gstin).toMatch(/checksum|typo/);
    expect(await countRows(t.deps, 'clients')).toBe(clientsBefore);

    const ok = await convert({ ...base, gstin: '27AAPFU0939F1ZV' });
    expect(ok.status).toBe(201);
    const result = await ok.json();
    expect(result).toMatchObject({
      clientCode: expect.stringMatching(/^CL-/),
      eventCode: expect.stringMatching(/^EV-/),
    });
    const ev = await rows('SELECT status, lead_id, client_id FROM events WHERE id = ?', [result.eventId]);
    expect(ev[0]).toMatchObject({ status: 'enquiry', lead_id: body.lead.id, client_id: result.clientId });
    expect((await convert(base)).status).toBe(409);

    const history = await (await t.json('GET', `/api/leads/${body.lead.id}/history`, undefined, sales.auth)).json();
    expect(history.entries.map((e: { type: string }) => e.type)).toEqual(['lead.created', 'lead.converted']);
    expect(history.entries[0].actorName).toBeTruthy();
  });

  it('a foreign id is a 404', async () => {
    const res = await t.json('GET', '/api/leads/0190f0f0-0000-7000-8000-000000000000', undefined, sales.auth);
    expect(res.status).toBe(404);
  });
});
