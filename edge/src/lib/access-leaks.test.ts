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
