import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { createQuote, firstId, sendQuote, tokenOf, weddingDraft } from './quote-test-kit.ts';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['login']>>;
let quoteId: string;
let token: string;
const browser = { 'user-agent': 'Mozilla/5.0 (iPhone) test', 'x-forwarded-for': '203.0.113.7' };

beforeEach(async () => {
  t = await startTestApp();
  sales = await t.login('sales@mandap.demo');
  const q = await createQuote(t, sales.auth, { leadId: await firstId(t, 'leads'), ...weddingDraft() });
  quoteId = q.quote.id;
  const sent = await sendQuote(t, sales.auth, quoteId);
  token = tokenOf(sent.share.url);
  expect(sent.share.whatsappUrl).toMatch(/^https:\/\/wa\.me\/\d*\?text=/);
  expect(decodeURIComponent(sent.share.whatsappUrl)).toContain(sent.share.url);
});
afterEach(() => t.cleanup());

const events = async (type: string) =>
  (
    await t.deps.db.$client.execute({
      sql: 'SELECT payload FROM event_log WHERE type = ? AND aggregate_id = ?',
      args: [type, quoteId],
    })
  ).rows.map((r) => JSON.parse(String(r.payload)));

describe('share link and e-acceptance', () => {
  it('opening the link shows the quote without internal notes, marks it viewed and records quote.viewed', async () => {
    const res = await t.json('GET', `/api/public/quotes/${token}`, undefined, browser);
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view).toMatchObject({ canAccept: true, version: { version: 1, status: 'viewed' } });
    expect(view.version.draft).not.toHaveProperty('negotiationNote');
    expect(await events('quote.viewed')).toEqual([{ version: 1, ip: '203.0.113.7', userAgent: browser['user-agent'] }]);
    const staff = await (await t.json('GET', `/api/quotes/${quoteId}`, undefined, sales.auth)).json();
    expect(staff.quote.status).toBe('viewed');
  });

  it('accepts with a typed name, recording IP, user agent and time; a second acceptance is refused', async () => {
    const res = await t.json(
      'POST',
      `/api/public/quotes/${token}/accept`,
      { name: 'Riya Sharma', acceptTerms: true },
      browser,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ canAccept: false, version: { status: 'accepted' } });
    const row = (
      await t.deps.db.$client.execute({
        sql: 'SELECT acceptance FROM quote_versions WHERE quote_id = ?',
        args: [quoteId],
      })
    ).rows[0]!;
    expect(JSON.parse(String(row.acceptance))).toMatchObject({
      name: 'Riya Sharma',
      ip: '203.0.113.7',
      userAgent: browser['user-agent'],
      at: expect.any(String),
    });
    expect(await events('quote.accepted')).toHaveLength(1);
    const again = await t.json('POST', `/api/public/quotes/${token}/accept`, {
      name: 'Riya Sharma',
      acceptTerms: true,
    });
    expect(again.status).toBe(409);
    // The database keeps an accepted version accepted.
    await expect(
      t.deps.db.$client.execute({
        sql: "UPDATE quote_versions SET status = 'sent' WHERE quote_id = ?",
        args: [quoteId],
      }),
    ).rejects.toThrow(/accepted quote version never changes/);
  });

  it('a change after acceptance is a change order; the accepted version stays as it was', async () => {
    await t.json('POST', `/api/public/quotes/${token}/accept`, { name: 'Riya Sharma', acceptTerms: true });
    const v2 = await (await t.json('POST', `/api/quotes/${quoteId}/versions`, {}, sales.auth)).json();
    expect(v2.current).toMatchObject({ version: 2, isChangeOrder: true, status: 'draft' });
    await sendQuote(t, sales.auth, quoteId);
    const detail = await (await t.json('GET', `/api/quotes/${quoteId}`, undefined, sales.auth)).json();
    expect(detail.versions.map((v: { status: string }) => v.status)).toEqual(['accepted', 'sent']);
  });

  it('refuses acceptance without a name or the terms ticked, and changes nothing', async () => {
    const noTerms = await t.json('POST', `/api/public/quotes/${token}/accept`, {
      name: 'Riya Sharma',
      acceptTerms: false,
    });
    expect(noTerms.status).toBe(400);
    expect((await noTerms.json()).error.message).toMatch(/tick the box/);
    const noName = await t.json('POST', `/api/public/quotes/${token}/accept`, { name: ' ', acceptTerms: true });
    expect(noName.status).toBe(400);
    expect(await events('quote.accepted')).toHaveLength(0);
  });

  it('refuses a tampered link (403) and an expired one (410), recording nothing', async () => {
    const [versionId, exp, sig] = token.split('.') as [string, string, string];
    const tampered = [
      `${versionId}.${Number(exp) + 86_400}.${sig}`,
      `${versionId.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}.${exp}.${sig}`,
      `${versionId}.${exp}.${sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`,
      `${versionId}.${exp}`,
    ];
    for (const bad of tampered) {
      const res = await t.json('GET', `/api/public/quotes/${bad}`);
      expect(res.status, bad).toBe(403);
      expect((await res.json()).error.message).toMatch(/not valid/);
      expect(
        (await t.json('POST', `/api/public/quotes/${bad}/accept`, { name: 'X Y', acceptTerms: true })).status,
      ).toBe(403);
    }
    t.clock.advance(31 * 86_400_000);
    const expired = await t.json('GET', `/api/public/quotes/${token}`);
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.message).toMatch(/expired on \d{1,2}\/\d{1,2}\/\d{4}/);
    expect(await events('quote.viewed')).toHaveLength(0);
    expect(await events('quote.accepted')).toHaveLength(0);
  });

  it('a superseded version can no longer be accepted', async () => {
    await t.json('POST', `/api/quotes/${quoteId}/versions`, {}, sales.auth);
    await sendQuote(t, sales.auth, quoteId);
    const res = await t.json('POST', `/api/public/quotes/${token}/accept`, { name: 'Riya Sharma', acceptTerms: true });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/replaced by a newer version/);
  });

  it('request changes stores the message and tells the quote owner', async () => {
    const res = await t.json(
      'POST',
      `/api/public/quotes/${token}/request-changes`,
      { name: 'Riya Sharma', message: 'Can we do 300 plates instead?' },
      browser,
    );
    expect(res.status).toBe(200);
    expect(await events('quote.changes_requested')).toHaveLength(1);
    const outbox = await t.deps.db.$client.execute(
      "SELECT recipient FROM notification_outbox WHERE template = 'quote_changes_requested'",
    );
    expect(outbox.rows[0]!.recipient).toBe(sales.userId);
  });

  it('declining records quote.rejected with the reason, closes the link and lets the team send v2', async () => {
    // The demo house's declined quote already queued one such notice.
    const rejectedNotices = async () =>
      (await t.deps.db.$client.execute("SELECT 1 FROM notification_outbox WHERE template = 'quote_rejected'")).rows
        .length;
    const noticesBefore = await rejectedNotices();
    const res = await t.json(
      'POST',
      `/api/public/quotes/${token}/decline`,
      { name: 'Riya Sharma', reason: 'Over our budget' },
      browser,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ canAccept: false, version: { status: 'rejected' } });
    expect(await events('quote.rejected')).toEqual([
      { version: 1, versionId: expect.any(String), name: 'Riya Sharma', reason: 'Over our budget' },
    ]);
    const detail = await (await t.json('GET', `/api/quotes/${quoteId}`, undefined, sales.auth)).json();
    expect(detail.quote.status).toBe('rejected');
    const accept = await t.json('POST', `/api/public/quotes/${token}/accept`, {
      name: 'Riya Sharma',
      acceptTerms: true,
    });
    expect(accept.status).toBe(409);
    expect((await accept.json()).error.message).toMatch(/You declined/);
    expect((await t.json('POST', `/api/public/quotes/${token}/decline`, { name: 'Riya Sharma' })).status).toBe(409);
    expect(await events('quote.rejected')).toHaveLength(1);
    expect(await rejectedNotices()).toBe(noticesBefore + 1);
    const v2 = await t.json('POST', `/api/quotes/${quoteId}/versions`, {}, sales.auth);
    expect((await v2.json()).current).toMatchObject({ version: 2, isChangeOrder: false });
  });

  it('records quote.viewed once per version, IP and hour', async () => {
    for (let i = 0; i < 3; i++) await t.json('GET', `/api/public/quotes/${token}`, undefined, browser);
    await t.json('GET', `/api/public/quotes/${token}`, undefined, { ...browser, 'x-forwarded-for': '198.51.100.9' });
    expect(await events('quote.viewed')).toHaveLength(2);
    t.clock.advance(61 * 60_000);
    await t.json('GET', `/api/public/quotes/${token}`, undefined, browser);
    expect(await events('quote.viewed')).toHaveLength(3);
  });

  it('rate-limits answers per IP with a 429 and Retry-After, changing nothing', async () => {
    const ask = (ip: string) =>
      t.json(
        'POST',
        `/api/public/quotes/${token}/request-changes`,
        { name: 'Riya Sharma', message: 'Fewer plates please' },
        { ...browser, 'x-forwarded-for': ip },
      );
    for (let i = 0; i < 10; i++) expect((await ask('203.0.113.50')).status).toBe(200);
    const limited = await ask('203.0.113.50');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/Too many requests/);
    const accept = await t.json(
      'POST',
      `/api/public/quotes/${token}/accept`,
      { name: 'Riya Sharma', acceptTerms: true },
      { 'x-forwarded-for': '203.0.113.50' },
    );
    expect(accept.status).toBe(429);
    expect(await events('quote.accepted')).toHaveLength(0);
    expect(await events('quote.changes_requested')).toHaveLength(10);
    expect((await ask('203.0.113.51')).status).toBe(200);
  });
});
