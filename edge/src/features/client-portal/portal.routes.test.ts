import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { sseReader } from '../live/sse-client.ts';

let t: TestApp;
type Login = Awaited<ReturnType<TestApp['login']>>;
let manager: Login;
let client: Login;
let vendor: Login;
let ops: Login;
let clientEvent: string;
let otherEvent: string;

async function rows<T>(q: ReturnType<typeof sql>) {
  return t.deps.db.all<T>(q);
}

async function makeLink(eventId: string, days = 30) {
  const res = await t.json(
    'POST',
    `/api/portal/events/${eventId}/links`,
    { label: 'For the family', days },
    manager.auth,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const { link } = (await res.json()) as { link: { id: string; url: string } };
  return { id: link.id, token: link.url.split('/e/')[1]! };
}

async function addStep(eventId: string, title: string, clientVisible: boolean) {
  const res = await t.json('POST', `/api/portal/events/${eventId}/preparation`, { title, clientVisible }, ops.auth);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { step: { id: string } }).step.id;
}

beforeAll(async () => {
  t = await startTestApp();
  [manager, client, vendor, ops] = await Promise.all([
    t.login('manager@mandap.demo'),
    t.login('client@mandap.demo'),
    t.login('vendor@mandap.demo'),
    t.login('ops@mandap.demo'),
  ]);
  const linked = await rows<{ event_id: string }>(
    sql`SELECT event_id FROM event_access WHERE user_id = ${client.userId}`,
  );
  clientEvent = linked[0]!.event_id;
  const others = await rows<{ id: string }>(
    sql`SELECT id FROM events WHERE id <> ${clientEvent} ORDER BY start_date LIMIT 1`,
  );
  otherEvent = others[0]!.id;
});
afterAll(() => t.cleanup());

describe('client page links', () => {
  it('opens the event from a link with no sign-in, showing only what the client may see', async () => {
    await addStep(clientEvent, 'Floral arrangements confirmed', true);
    await addStep(clientEvent, 'Chase Noor Decor for the advance invoice', false);
    const { token } = await makeLink(clientEvent);
    const res = await t.json('GET', `/api/portal/${token}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const view = JSON.parse(text) as {
      event: { code: string };
      preparation: { title: string }[];
      quotes: { status: string; url: string }[];
      milestones: { id: string }[];
      receipts: { url: string }[];
      brief: { docName: string; token: string };
      timeline: { state: string; current: boolean }[];
    };
    expect(view.preparation.map((p) => p.title)).toEqual(['Floral arrangements confirmed']);
    expect(view.brief.docName).toBe(`event:${clientEvent}:brief`);
    expect(view.timeline.some((s) => s.current)).toBe(true);
    expect(view.quotes.length).toBeGreaterThan(0);
    expect(view.quotes.every((q) => q.status !== 'draft' && q.url.startsWith('/q/'))).toBe(true);
    // Nothing internal: no staff-only step, no vendor, no vendor cost, no other event.
    expect(text).not.toContain('Chase Noor Decor');
    expect(text).not.toContain('Noor Decor');
    expect(text).not.toContain('45000000');
    expect(text).not.toContain(otherEvent);
    const [other] = await rows<{ code: string }>(sql`SELECT code FROM events WHERE id = ${otherEvent}`);
    expect(text).not.toContain(other!.code);
  });

  it('refuses a tampered link (403), an expired one (410) and a withdrawn one (410), each saying so', async () => {
    const { id, token } = await makeLink(clientEvent, 1);
    const [subject, exp, sig] = token.split('.') as [string, string, string];
    const flipped = `${subject}.${exp}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    const tampered = await t.json('GET', `/api/portal/${flipped}`);
    expect(tampered.status).toBe(403);
    expect(JSON.stringify(await tampered.json())).toMatch(/not valid/);
    // Re-pointed at another link id with the same signature: invalid too.
    const other = await makeLink(otherEvent);
    expect((await t.json('GET', `/api/portal/${other.id}.${exp}.${sig}`)).status).toBe(403);

    const revoke = await t.json('POST', `/api/portal/links/${id}/revoke`, undefined, manager.auth);
    expect(revoke.status).toBe(200);
    const withdrawn = await t.json('GET', `/api/portal/${token}`);
    expect(withdrawn.status).toBe(410);
    expect(((await withdrawn.json()) as { error: { message: string } }).error.message).toMatch(/withdrawn/);
    expect((await t.json('GET', `/api/portal/${token}/stream`)).status).toBe(410);

    const fresh = await makeLink(clientEvent, 1);
    t.clock.advance(2 * 86_400_000);
    try {
      const expired = await t.json('GET', `/api/portal/${fresh.token}`);
      expect(expired.status).toBe(410);
      expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired on/);
    } finally {
      t.clock.advance(-2 * 86_400_000);
    }
  });

  it('serves receipts only of its own event', async () => {
    const [paid] = await rows<{ event_id: string }>(sql`SELECT event_id FROM payments WHERE amount_minor > 0 LIMIT 1`);
    const { token } = await makeLink(paid!.event_id);
    const view = (await (await t.json('GET', `/api/portal/${token}`)).json()) as { receipts: { url: string }[] };
    expect(view.receipts.length).toBeGreaterThan(0);
    const pdf = await t.json('GET', view.receipts[0]!.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    // The same receipt through another event's link: not found.
    const foreign = await makeLink(paid!.event_id === clientEvent ? otherEvent : clientEvent);
    const receiptId = view.receipts[0]!.url.split('/receipts/')[1]!.split('/')[0]!;
    expect((await t.json('GET', `/api/portal/${foreign.token}/receipts/${receiptId}/pdf`)).status).toBe(404);
  });

  it('gives a signed-in client a page token for their own event only; vendors get none', async () => {
    const own = await t.json('POST', `/api/portal/events/${clientEvent}/session`, undefined, client.auth);
    expect(own.status).toBe(200);
    const { token } = (await own.json()) as { token: string };
    expect((await t.json('GET', `/api/portal/${token}`)).status).toBe(200);
    expect((await t.json('POST', `/api/portal/events/${otherEvent}/session`, undefined, client.auth)).status).toBe(404);
    expect((await t.json('POST', `/api/portal/events/${clientEvent}/session`, undefined, vendor.auth)).status).toBe(
      404,
    );
    // Unlinking the client ends the page at once.
    await t.deps.db.run(sql`DELETE FROM event_access WHERE event_id = ${clientEvent} AND user_id = ${client.userId}`);
    try {
      expect((await t.json('GET', `/api/portal/${token}`)).status).toBe(410);
    } finally {
      await t.deps.db.run(
        sql`INSERT INTO event_access (event_id, user_id, access, created_at) VALUES (${clientEvent}, ${client.userId}, 'read', ${new Date().toISOString()})`,
      );
    }
  });

  it('lets only staff make or withdraw links', async () => {
    expect((await t.json('POST', `/api/portal/events/${clientEvent}/links`, { days: 5 }, client.auth)).status).toBe(
      403,
    );
    expect((await t.json('GET', `/api/portal/events/${clientEvent}/links`, undefined, vendor.auth)).status).toBe(403);
    const bad = await t.json('POST', `/api/portal/events/${clientEvent}/links`, { days: 0, extra: 1 }, manager.auth);
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields).sort()).toEqual([
      'days',
      'extra',
    ]);
  });
});

describe('live updates over SSE', () => {
  it('resumes after a disconnect with Last-Event-ID: each missed update once, in order, nothing internal', async () => {
    const { token } = await makeLink(clientEvent);
    const view = (await (await t.json('GET', `/api/portal/${token}`)).json()) as { lastEventId: number };
    const ctl = new AbortController();
    const first = sseReader(
      await t.app.request(`/api/portal/${token}/stream?after=${view.lastEventId}`, { signal: ctl.signal }),
    );
    expect((await first.next())?.event).toBe('ready');
    const a = await addStep(clientEvent, 'Stage design approved', true);
    await addStep(clientEvent, 'Internal: negotiate the tent rate', false);
    await addStep(otherEvent, 'Another family’s step', true);
    const live = await first.updates();
    expect(live.map((m) => JSON.parse(m.data).label)).toEqual(['Preparation updated']);
    const lastId = live.at(-1)!.id!;
    ctl.abort();
    await first.close();

    // While disconnected: three client-visible changes, one internal, one on another event.
    await t.json('PATCH', `/api/portal/preparation/${a}`, { done: true }, ops.auth);
    await addStep(clientEvent, 'Menu tasting booked', true);
    await addStep(clientEvent, 'Internal: vendor margin check', false);
    await addStep(otherEvent, 'Not yours', true);
    const c = await addStep(clientEvent, 'Lighting plan shared', true);

    const second = sseReader(
      await t.app.request(`/api/portal/${token}/stream`, { headers: { 'last-event-id': lastId } }),
    );
    expect((await second.next())?.event).toBe('ready');
    const missed = await second.updates();
    const ids = missed.map((m) => Number(m.id));
    expect(ids.length).toBe(3);
    expect(new Set(ids).size).toBe(3);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    expect(ids[0]!).toBeGreaterThan(Number(lastId));
    // And it keeps going live after the replay, without repeating anything.
    await t.json('PATCH', `/api/portal/preparation/${c}`, { done: true }, ops.auth);
    const after = await second.updates();
    expect(after.length).toBe(1);
    expect(Number(after[0]!.id)).toBeGreaterThan(ids.at(-1)!);
    for (const m of [...live, ...missed, ...after])
      expect(Object.keys(JSON.parse(m.data)).sort()).toEqual(['area', 'at', 'label', 'seq']);
    await second.close();
  });

  it('ends an open stream when its link is withdrawn', async () => {
    const { id, token } = await makeLink(clientEvent);
    const { LiveHub } = await import('../live/live-hub.ts');
    expect(LiveHub).toBeDefined();
    const res = await t.app.request(`/api/portal/${token}/stream?after=0`);
    const s = sseReader(res);
    expect((await s.next())?.event).toBe('ready');
    await t.json('POST', `/api/portal/links/${id}/revoke`, undefined, manager.auth);
    // The check runs on each heartbeat (15 s by default): wait for the closing message.
    let closed = null;
    for (let m = await s.next(20_000); m; m = await s.next(20_000)) {
      if (m.event === 'closed') {
        closed = m;
        break;
      }
    }
    expect(closed && JSON.parse(closed.data).message).toMatch(/withdrawn/);
    await s.close();
  }, 30_000);

  it('refuses a malformed Last-Event-ID with the field named', async () => {
    const { token } = await makeLink(clientEvent);
    const res = await t.app.request(`/api/portal/${token}/stream`, { headers: { 'last-event-id': '12; DROP' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('Last-Event-ID');
  });
});
