import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { createQuote, sendQuote, weddingDraft } from '../quotes/quote-test-kit.ts';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['login']>>;
beforeEach(async () => {
  t = await startTestApp();
  sales = await t.login('sales@mandap.demo');
});
afterEach(() => t.cleanup());

async function leadAt(stage: 'brief_captured' | 'contacted', phone: string) {
  const res = await t.json('POST', '/api/leads', { name: 'Ira Shah', phone, eventType: 'wedding' }, sales.auth);
  const id = ((await res.json()) as { lead: { id: string } }).lead.id;
  const moved = await t.json('POST', `/api/leads/${id}/stage`, { stage }, sales.auth);
  expect(moved.status).toBe(200);
  return id;
}

const stageOf = async (id: string) =>
  ((await (await t.json('GET', `/api/leads/${id}`, undefined, sales.auth)).json()) as { lead: { stage: string } }).lead
    .stage;

describe('sending a quote moves its lead to Quote sent', () => {
  it('moves a lead with a captured brief, recording lead.stage_changed in the same send', async () => {
    const id = await leadAt('brief_captured', '98200 22222');
    const q = await createQuote(t, sales.auth, { leadId: id, ...weddingDraft() });
    await sendQuote(t, sales.auth, q.quote.id);
    expect(await stageOf(id)).toBe('quote_sent');
    const ev = await t.deps.db.$client.execute({
      sql: "SELECT payload FROM event_log WHERE aggregate_id = ? AND type = 'lead.stage_changed' AND json_extract(payload, '$.to') = 'quote_sent'",
      args: [id],
    });
    expect(ev.rows).toHaveLength(1);
    expect(JSON.parse(String(ev.rows[0]!.payload))).toMatchObject({ from: 'brief_captured', to: 'quote_sent' });
  });

  // The pipeline moves itself to the stage that is true (issue 9): a quote that was sent makes
  // even a Contacted lead Quote sent (a manual drag from Contacted is still refused).
  it('moves a Contacted lead to Quote sent too: the quote was sent, that is the true stage', async () => {
    const id = await leadAt('contacted', '98200 33333');
    const q = await createQuote(t, sales.auth, { leadId: id, ...weddingDraft() });
    const sent = await sendQuote(t, sales.auth, q.quote.id);
    expect(sent.quote.status).toBe('sent');
    expect(await stageOf(id)).toBe('quote_sent');
  });
});
