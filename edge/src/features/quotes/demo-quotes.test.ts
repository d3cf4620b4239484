import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { seedDemoQuotes } from './demo-quotes.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

describe('demo quotations', () => {
  it('a fresh demo house has quotes in each state, numbered in order, the change order a draft', async () => {
    const rs = await t.deps.db.$client.execute(
      `SELECT q.code, q.status, group_concat(v.version || ':' || v.status || ':' || v.is_change_order, ' ') AS versions
       FROM quotes q JOIN quote_versions v ON v.quote_id = q.id GROUP BY q.id ORDER BY q.code`,
    );
    expect(rs.rows.map((r) => [String(r.code).slice(-4), r.status, r.versions])).toEqual([
      ['0001', 'sent', '1:sent:0'],
      ['0002', 'draft', '1:accepted:0 2:draft:1'],
      ['0003', 'rejected', '1:rejected:0'],
      ['0004', 'draft', '1:draft:0'],
    ]);
    const events = await t.deps.db.$client.execute(
      "SELECT type FROM event_log WHERE type IN ('quote.accepted', 'quote.rejected', 'quote.change_order_created')",
    );
    expect(events.rows.map((r) => r.type).sort()).toEqual([
      'quote.accepted',
      'quote.change_order_created',
      'quote.rejected',
    ]);
  });

  it('the demo client sees the sent quote on their event (and no draft), and can open it to accept', async () => {
    const client = await t.login('client@mandap.demo');
    const { quotes } = await (await t.json('GET', '/api/quotes', undefined, client.auth)).json();
    expect(quotes.map((q: { status: string; title: string }) => [q.status, q.title])).toEqual([
      ['sent', 'Wedding décor, catering and music'],
    ]);
    const link = await t.json('GET', `/api/quotes/${quotes[0].id}/client-link`, undefined, client.auth);
    expect(link.status).toBe(200);
  });

  it('seeding again changes nothing', async () => {
    const before = await countRows(t.deps, 'quote_versions');
    expect(await seedDemoQuotes(t.deps)).toBe(false);
    expect(await countRows(t.deps, 'quote_versions')).toBe(before);
  });
});
