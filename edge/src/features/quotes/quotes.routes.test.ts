import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import {
  clientEvents,
  createQuote,
  firstId,
  quoteCodePrefix,
  sendQuote,
  tokenOf,
  weddingDraft,
} from './quote-test-kit.ts';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['login']>>;
let leadId: string;
beforeEach(async () => {
  t = await startTestApp();
  sales = await t.login('sales@mandap.demo');
  leadId = await firstId(t, 'leads');
});
afterEach(() => t.cleanup());

describe('quotes: create, price, edit', () => {
  it('creates a numbered draft for a lead, priced with CGST + SGST within Maharashtra', async () => {
    // The demo house already holds a few quotations: numbering continues after them.
    const next = (await countRows(t.deps, 'quotes')) + 1;
    const q = await createQuote(t, sales.auth, { leadId, ...weddingDraft() });
    expect(q.quote.code).toBe(`${quoteCodePrefix(t.clock.now())}${String(next).padStart(4, '0')}`);
    expect(q.quote.status).toBe('draft');
    const totals = q.current.totals;
    expect(totals.regime).toBe('intra_state');
    expect(totals.subtotalMinor).toBe(4_50_000_00 + 6_47_500_00 + 3_00_000_00);
    expect(totals.cgstMinor).toBe(totals.sgstMinor);
    expect(totals.passThroughMinor).toBe(3_00_000_00);
    expect(totals.totalMinor).toBe(totals.subtotalMinor - 25_000_00 + totals.taxMinor);
    expect(q.current.lines.map((l) => l.key)).toEqual(['decor', 'food', 'venue']);
    expect(q.company.gstin).toBe('27AAHCG4821K1ZF');

    const audit = await t.deps.db.$client.execute({
      sql: "SELECT action FROM audit_log WHERE entity_id = ? AND action = 'quote.created'",
      args: [q.quote.id],
    });
    expect(audit.rows).toHaveLength(1);
  });

  it('a supply to Karnataka is IGST', async () => {
    const q = await createQuote(t, sales.auth, { leadId, ...weddingDraft({ placeOfSupply: '29' }) });
    expect(q.current.totals.regime).toBe('inter_state');
    expect(q.current.totals.cgstMinor).toBe(0);
    expect(q.current.totals.igstMinor).toBeGreaterThan(0);
  });

  it('edits the draft, then refuses edits once sent and leaves the version unchanged', async () => {
    const q = await createQuote(t, sales.auth, { leadId, ...weddingDraft() });
    const edited = await t.json(
      'PUT',
      `/api/quotes/${q.quote.id}/draft`,
      weddingDraft({ discount: { kind: 'percent', percent: 5 } }),
      sales.auth,
    );
    expect(edited.status).toBe(200);
    const afterEdit = await edited.json();
    expect(afterEdit.current.totals.quoteDiscountMinor).toBe(Math.round((4_50_000_00 + 6_47_500_00) * 0.05));

    await sendQuote(t, sales.auth, q.quote.id);
    const refused = await t.json('PUT', `/api/quotes/${q.quote.id}/draft`, weddingDraft({ lines: [] }), sales.auth);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/v1 was sent and cannot change. Create v2/);
    const now = await (await t.json('GET', `/api/quotes/${q.quote.id}`, undefined, sales.auth)).json();
    expect(now.current.lines).toHaveLength(3);
    expect(now.current.totals.totalMinor).toBe(afterEdit.current.totals.totalMinor);
  });

  it('refuses to send a B2B quote whose place of supply is not the buyer’s GSTIN state, and sends it once fixed', async () => {
    const b2b = weddingDraft({ customerType: 'b2b', buyerGstin: '29AAGCB7383J1Z4', placeOfSupply: '27' });
    const q = await createQuote(t, sales.auth, { leadId, ...b2b });
    const before = await countRows(t.deps, 'quote_versions');
    const refused = await t.json('POST', `/api/quotes/${q.quote.id}/send`, {}, sales.auth);
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.error.message).toMatch(/v1 was not sent\. The buyer's GSTIN is registered in Karnataka \(29\)/);
    expect(body.error.fields.placeOfSupply).toBeTruthy();
    const still = await (await t.json('GET', `/api/quotes/${q.quote.id}`, undefined, sales.auth)).json();
    expect(still.current.status).toBe('draft');
    expect(await countRows(t.deps, 'quote_versions')).toBe(before);

    const fixed = await t.json('PUT', `/api/quotes/${q.quote.id}/draft`, { ...b2b, placeOfSupply: '29' }, sales.auth);
    expect(fixed.status).toBe(200);
    const sent = await sendQuote(t, sales.auth, q.quote.id);
    expect(sent.current.status).toBe('sent');
    expect(sent.current.totals.regime).toBe('inter_state');
  });

  it('the database itself refuses to change a sent version', async () => {
    const q = await createQuote(t, sales.auth, { leadId, ...weddingDraft() });
    await sendQuote(t, sales.auth, q.quote.id);
    await expect(
      t.deps.db.$client.execute({
        sql: 'UPDATE quote_versions SET total_minor = 1 WHERE quote_id = ?',
        args: [q.quote.id],
      }),
    ).rejects.toThrow(/frozen/);
    await expect(
      t.deps.db.$client.execute({
        sql: "UPDATE quote_version_details SET title = 'x' WHERE version_id = ?",
        args: [q.current.id],
      }),
    ).rejects.toThrow(/frozen/);
  });
});

describe('quotes: versions', () => {
  it('new version copies the lines, sending it supersedes v1, and the diff shows what changed', async () => {
    const q = await createQuote(t, sales.auth, { leadId, ...weddingDraft() });
    await sendQuote(t, sales.auth, q.quote.id);
    const v2res = await t.json(
      'POST',
      `/api/quotes/${q.quote.id}/versions`,
      { negotiationNote: 'Client wants fewer plates' },
      sales.auth,
    );
    expect(v2res.status).toBe(201);
    const v2 = await v2res.json();
    expect(v2.current).toMatchObject({ version: 2, status: 'draft', isChangeOrder: false });
    expect(v2.current.draft.negotiationNote).toBe('Client wants fewer plates');

    const lines = weddingDraft().lines!.filter((l) => l.key !== 'venue');
    lines[1] = { ...lines[1]!, quantity: 300 };
    lines.push({
      key: 'dhol',
      category: 'entertainment',
      description: 'Dhol players',
      quantity: 4,
      rateMinor: 15_000_00,
    });
    expect((await t.json('PUT', `/api/quotes/${q.quote.id}/draft`, weddingDraft({ lines }), sales.auth)).status).toBe(
      200,
    );
    const sent2 = await sendQuote(t, sales.auth, q.quote.id);
    expect(sent2.versions.map((v) => v.status)).toEqual(['superseded', 'sent']);

    const diffRes = await t.json('GET', `/api/quotes/${q.quote.id}/diff?from=1&to=2`, undefined, sales.auth);
    expect(diffRes.status).toBe(200);
    const { diff } = await diffRes.json();
    expect(diff.added.map((l: { key: string }) => l.key)).toEqual(['dhol']);
    expect(diff.removed.map((l: { key: string }) => l.key)).toEqual(['venue']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0].changes).toEqual([{ field: 'quantity', before: 350, after: 300 }]);
  });

  it('refuses a second draft while one is open, and a diff with a missing version', async () => {
    const q = await createQuote(t, sales.auth, { leadId, ...weddingDraft() });
    const res = await t.json('POST', `/api/quotes/${q.quote.id}/versions`, {}, sales.auth);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/still a draft/);
    expect((await t.json('GET', `/api/quotes/${q.quote.id}/diff?from=1&to=9`, undefined, sales.auth)).status).toBe(404);
  });

  it('numbers concurrent creations uniquely and without gaps', async () => {
    const n = 12;
    const created = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        createQuote(t, sales.auth, { leadId, ...weddingDraft({ title: `Quote ${i}` }) }),
      ),
    );
    const codes = created.map((q) => q.quote.code).sort();
    const prefix = quoteCodePrefix(t.clock.now());
    const first = (await countRows(t.deps, 'quotes')) - n + 1;
    expect(codes).toEqual(Array.from({ length: n }, (_, i) => `${prefix}${String(first + i).padStart(4, '0')}`));
  });
});

describe('quotes: bad input changes nothing', () => {
  const cases: [string, Record<string, unknown>, number, RegExp][] = [
    [
      'a negative quantity',
      { lines: [{ category: 'decor', description: 'x', quantity: -1, rateMinor: 100 }] },
      400,
      /quantity cannot be negative/,
    ],
    [
      'a negative rate',
      { lines: [{ category: 'decor', description: 'x', quantity: 1, rateMinor: -5 }] },
      400,
      /rateMinor: cannot be negative/,
    ],
    [
      'a fractional rate',
      { lines: [{ category: 'decor', description: 'x', quantity: 1, rateMinor: 10.5 }] },
      400,
      /whole number/,
    ],
    ['an unknown currency', { currency: 'XYZ' }, 400, /unknown currency/],
    [
      'a rate that overflows',
      { lines: [{ category: 'decor', description: 'x', quantity: 1, rateMinor: 1e20 }] },
      400,
      /largest amount/,
    ],
    [
      'a line total that overflows',
      { lines: [{ category: 'decor', description: 'x', quantity: 1_000_000, rateMinor: 1e14 }] },
      400,
      /largest amount/,
    ],
    [
      'a discount larger than the quote',
      { discount: { kind: 'amount', amountMinor: 99_00_00_000_00 } },
      400,
      /larger than the amount/,
    ],
    ['a missing FX rate', { currency: 'AED' }, 422, /no AED→INR exchange rate/],
    ['a B2B quote without GSTIN', { customerType: 'b2b' }, 400, /needs the buyer’s GSTIN/],
    ['a GSTIN with a typo', { customerType: 'b2b', buyerGstin: '27AAPFU0939F1ZW' }, 400, /checksum/],
    ['an unknown place of supply', { placeOfSupply: '55' }, 400, /state code/],
  ];
  it.each(cases)('refuses %s', async (_name, over, status, message) => {
    const before = await countRows(t.deps, 'quotes');
    const versionsBefore = await countRows(t.deps, 'quote_versions');
    const res = await t.json('POST', '/api/quotes', { leadId, ...weddingDraft(), ...over }, sales.auth);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(message);
    expect(await countRows(t.deps, 'quotes')).toBe(before);
    expect(await countRows(t.deps, 'quote_versions')).toBe(versionsBefore);
  });

  it('refuses a quote for a lead that does not exist', async () => {
    const res = await t.json(
      'POST',
      '/api/quotes',
      { leadId: '01900000-0000-7000-8000-000000000000', ...weddingDraft() },
      sales.auth,
    );
    expect(res.status).toBe(404);
  });
});

describe('quotes: who sees what', () => {
  it('a client sees quotes of their own event only, and cannot write', async () => {
    const { linked, foreign } = await clientEvents(t);
    const mine = await createQuote(t, sales.auth, { eventId: linked, ...weddingDraft() });
    const other = await createQuote(t, sales.auth, { eventId: foreign, ...weddingDraft() });
    const unsent = await createQuote(t, sales.auth, { eventId: linked, ...weddingDraft({ title: 'Still a draft' }) });
    await sendQuote(t, sales.auth, mine.quote.id);
    await sendQuote(t, sales.auth, other.quote.id);
    // v2 is a draft with an internal note: the client keeps seeing v1.
    await t.json('POST', `/api/quotes/${mine.quote.id}/versions`, { negotiationNote: 'can go 5% lower' }, sales.auth);
    const client = await t.login('client@mandap.demo');
    const seen = await t.json('GET', `/api/quotes/${mine.quote.id}`, undefined, client.auth);
    expect(seen.status).toBe(200);
    const detail = await seen.json();
    expect(detail.current).toMatchObject({ version: 1, status: 'sent' });
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(JSON.stringify(detail)).not.toContain('5% lower');
    expect((await t.json('GET', `/api/quotes/${mine.quote.id}/versions/2`, undefined, client.auth)).status).toBe(404);
    expect((await t.json('GET', `/api/quotes/${other.quote.id}`, undefined, client.auth)).status).toBe(404);
    expect((await t.json('GET', `/api/quotes/${unsent.quote.id}`, undefined, client.auth)).status).toBe(404);
    const list = await (await t.json('GET', '/api/quotes', undefined, client.auth)).json();
    // Only quotes of their own event that were sent (the demo house's own sent quote on that event included).
    const ids = list.quotes.map((q: { id: string }) => q.id);
    expect(ids).toContain(mine.quote.id);
    expect(ids).not.toContain(other.quote.id);
    expect(ids).not.toContain(unsent.quote.id);
    expect(list.quotes.every((q: { status: string }) => q.status === 'sent')).toBe(true);
    expect(list.quotes.find((q: { id: string }) => q.id === mine.quote.id)).toMatchObject({
      status: 'sent',
      totalMinor: mine.current.totals.totalMinor,
    });
    const link = await t.json('GET', `/api/quotes/${mine.quote.id}/client-link`, undefined, client.auth);
    const page = await t.json('GET', `/api/public/quotes/${tokenOf((await link.json()).url)}`);
    expect(await page.json()).toMatchObject({ canAccept: true, version: { version: 1 } });
    expect((await t.json('POST', '/api/quotes', { eventId: linked, ...weddingDraft() }, client.auth)).status).toBe(403);
    const vendor = await t.login('vendor@mandap.demo');
    expect((await t.json('GET', `/api/quotes/${mine.quote.id}`, undefined, vendor.auth)).status).toBe(403);
  });
});

describe('quote catalogue', () => {
  it('lists the built-in lines, takes the house’s own, and refuses writes from a client', async () => {
    const added = await t.json(
      'POST',
      '/api/quote-catalogue',
      { name: 'Phoolon ki chadar', category: 'decor', unit: 'set', rateMinor: 45_000_00 },
      sales.auth,
    );
    expect(added.status).toBe(201);
    const { items } = await (await t.json('GET', '/api/quote-catalogue', undefined, sales.auth)).json();
    expect(items[0]).toMatchObject({ name: 'Phoolon ki chadar', taxClass: 'gst_18', sac: '998596' });
    expect(items.length).toBeGreaterThan(10);
    expect(
      (await t.json('POST', '/api/quote-catalogue', { name: 'x', category: 'decor', rateMinor: -1 }, sales.auth))
        .status,
    ).toBe(400);
    const client = await t.login('client@mandap.demo');
    expect(
      (await t.json('POST', '/api/quote-catalogue', { name: 'Free', category: 'decor', rateMinor: 0 }, client.auth))
        .status,
    ).toBe(403);
  });

  it('a partial edit changes only the fields given; retiring hides the item from the picker, restoring brings it back', async () => {
    const added = await t.json(
      'POST',
      '/api/quote-catalogue',
      { name: 'Mehendi artist (4 hours)', category: 'entertainment', unit: 'artist', rateMinor: 18_000_00 },
      sales.auth,
    );
    const { item } = await added.json();
    const edited = await t.json('PATCH', `/api/quote-catalogue/${item.id}`, { rateMinor: 21_000_00 }, sales.auth);
    expect(edited.status).toBe(200);
    expect((await edited.json()).item).toEqual({ ...item, rateMinor: 21_000_00 });

    const picker = async (all = false) =>
      (await (await t.json('GET', `/api/quote-catalogue${all ? '?all=true' : ''}`, undefined, sales.auth)).json())
        .items as { id: string; active?: boolean; rateMinor: number; unit: string }[];
    expect((await t.json('PATCH', `/api/quote-catalogue/${item.id}`, { active: false }, sales.auth)).status).toBe(200);
    expect((await picker()).some((i) => i.id === item.id)).toBe(false);
    const retired = (await picker(true)).find((i) => i.id === item.id);
    expect(retired).toMatchObject({ active: false, rateMinor: 21_000_00, unit: 'artist' });

    expect((await t.json('PATCH', `/api/quote-catalogue/${item.id}`, { active: true }, sales.auth)).status).toBe(200);
    expect((await picker()).find((i) => i.id === item.id)).toMatchObject({ active: true, rateMinor: 21_000_00 });
    const audit = await t.deps.db.$client.execute({
      sql: 'SELECT action FROM audit_log WHERE entity_id = ? ORDER BY rowid',
      args: [item.id],
    });
    expect(audit.rows.map((r) => r.action)).toEqual([
      'quote_catalogue.item_added',
      'quote_catalogue.item_updated',
      'quote_catalogue.item_retired',
      'quote_catalogue.item_restored',
    ]);
  });

  it('refuses an empty or bad edit, a built-in item, and a client, changing nothing', async () => {
    const { item } = await (
      await t.json(
        'POST',
        '/api/quote-catalogue',
        { name: 'Dhol players', category: 'entertainment', rateMinor: 12_000_00 },
        sales.auth,
      )
    ).json();
    const patch = (id: string, body: unknown, auth = sales.auth) =>
      t.json('PATCH', `/api/quote-catalogue/${id}`, body, auth);
    expect((await patch(item.id, {})).status).toBe(400);
    expect((await patch(item.id, { rateMinor: -5 })).status).toBe(400);
    expect((await patch(item.id, { name: 'Dhol', colour: 'red' })).status).toBe(400);
    expect((await patch('mandap-decor', { rateMinor: 1 })).status).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', { rateMinor: 1 })).status).toBe(404);
    const client = await t.login('client@mandap.demo');
    expect((await patch(item.id, { rateMinor: 1 }, client.auth)).status).toBe(403);
    const { items } = await (await t.json('GET', '/api/quote-catalogue', undefined, sales.auth)).json();
    expect(items.find((i: { id: string }) => i.id === item.id)).toEqual(item);
  });
});
