import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents, createQuote, sendQuote, weddingDraft } from '../features/quotes/quote-test-kit.ts';
import { startTestApp, type TestApp } from '../test-support.ts';

/** Leaks found in review, each reproduced through the API and closed by the one scoping rule. */
let t: TestApp;
let sales: { auth: Record<string, string> };
let client: { auth: Record<string, string> };
const NOTE = 'client will accept up to 15% more';

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.login('sales@mandap.demo');
  client = await t.login('client@mandap.demo');
});
afterAll(() => t.cleanup());

describe('a client reading a sent quote', () => {
  it('never receives the internal negotiation note (detail, version, diff)', async () => {
    const { linked } = await clientEvents(t);
    const q = await createQuote(t, sales.auth, { eventId: linked, ...weddingDraft(), negotiationNote: NOTE });
    await sendQuote(t, sales.auth, q.quote.id);
    // Staff still see their note.
    const staff = await (await t.json('GET', `/api/quotes/${q.quote.id}`, undefined, sales.auth)).json();
    expect(staff.current.draft.negotiationNote).toBe(NOTE);

    for (const path of [
      `/api/quotes/${q.quote.id}`,
      `/api/quotes/${q.quote.id}/versions/1`,
      `/api/quotes/${q.quote.id}/diff?from=1&to=1`,
    ]) {
      const res = await t.json('GET', path, undefined, client.auth);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text, path).not.toContain(NOTE);
      expect(text, path).not.toContain('negotiationNote');
      expect(text, path).not.toContain('catalogueItemId');
    }
  });
});

describe('a vendor listing assignees', () => {
  it('sees the people of its own events only', async () => {
    const vendor = await t.login('vendor@mandap.demo');
    const own = await t.deps.db.$client.execute({
      sql: 'SELECT event_id FROM event_access WHERE user_id = ? LIMIT 1',
      args: [vendor.userId],
    });
    const foreign = await t.deps.db.$client.execute(
      'SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_access) LIMIT 1',
    );
    expect((await t.json('GET', '/api/workspace/assignees', undefined, vendor.auth)).status).toBe(400);
    const other = await t.json(
      'GET',
      `/api/workspace/assignees?eventId=${foreign.rows[0]!.id}`,
      undefined,
      vendor.auth,
    );
    expect(other.status).toBe(404);
    const mine = await t.json(
      'GET',
      `/api/workspace/assignees?eventId=${own.rows[0]!.event_id}`,
      undefined,
      vendor.auth,
    );
    expect(mine.status).toBe(200);
    expect((await mine.json()).people.length).toBeGreaterThan(0);
  });
});

describe('the brief share-link body', () => {
  it('is strict: unknown or nested fields are refused, naming the field', async () => {
    const ops = await t.login('ops@mandap.demo');
    const ev = await t.deps.db.$client.execute('SELECT id FROM events LIMIT 1');
    const path = `/api/workspace/events/${ev.rows[0]!.id}/brief-share-link`;
    const nested = await t.json('POST', path, { days: 7, extra: { a: { b: { c: [1, [2, [3]]] } } } }, ops.auth);
    expect(nested.status).toBe(400);
    expect((await nested.json()).error.fields).toHaveProperty('extra');
    expect((await t.json('POST', path, { days: 7 }, ops.auth)).status).toBe(200);
  });
});
