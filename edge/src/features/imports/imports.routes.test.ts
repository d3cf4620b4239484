import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
let auth: Record<string, string>;
beforeEach(async () => {
  t = await startTestApp();
  auth = (await t.login('sales@mandap.demo')).auth;
});
afterEach(() => t.cleanup());

const mapping = { name: 0, phone: 1, email: 2, eventDate: 3, stage: 4, budgetMax: 5 };
const rows = [
  ['Asha Mehta', '098200 12345', 'asha@x.in', '14/12/2026', 'New', '25 lakh'],
  ['Bad Date', '98200 22222', '', '31/02/2026', 'Contacted', ''],
  ['Bad Phone', '12345', '', '', '', ''],
  ['Asha again', '+91-98200-12345', '', '', '', ''],
  ['Unknown Stage', '98200 33333', '', '', 'Booked', ''],
  ['Ravi Iyer', '9820044444', 'ravi@x.in', '2026-11-02', 'Negotiation', '5,00,000'],
];
const body = (commit: boolean) => ({ fileName: 'leads.csv', firstLine: 2, mapping, rows, commit });

describe('lead import', () => {
  it('a dry run reports every row with its line number and writes nothing', async () => {
    const before = await countRows(t.deps, 'leads');
    const res = await t.json('POST', '/api/imports/leads', body(false), auth);
    expect(res.status).toBe(200);
    const { results, counts } = await res.json();
    expect(counts).toEqual({ ok: 2, created: 0, error: 3, duplicate: 1 });
    expect(results.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [2, 'ok'],
      [3, 'error'],
      [4, 'error'],
      [5, 'duplicate'],
      [6, 'error'],
      [7, 'ok'],
    ]);
    expect(results[1].errors[0]).toEqual({
      field: 'eventDate',
      message: '"31/02/2026" is not a real date; use dd/mm/yyyy',
    });
    expect(results[2].errors[0].field).toBe('phone');
    expect(results[3].duplicateOf).toBe('line 2');
    expect(results[4].errors[0].message).toMatch(/unknown stage "Booked"/);
    expect(await countRows(t.deps, 'leads')).toBe(before);
  });

  it('a commit creates only the good rows with events and audit; the same file again creates nothing', async () => {
    const before = await countRows(t.deps, 'leads');
    const events = await countRows(t.deps, 'event_log');
    const first = await (await t.json('POST', '/api/imports/leads', body(true), auth)).json();
    expect(first.counts).toMatchObject({ created: 2, error: 3, duplicate: 1 });
    expect(first.results[0].leadCode).toMatch(/^LD-\d{4}-\d{4}$/);
    expect(await countRows(t.deps, 'leads')).toBe(before + 2);
    expect(await countRows(t.deps, 'event_log')).toBe(events + 2);
    const rs = await t.deps.db.$client.execute(
      "SELECT stage, budget_max_minor, event_date_from, owner_id FROM leads WHERE name = 'Ravi Iyer'",
    );
    expect(rs.rows[0]).toMatchObject({
      stage: 'negotiation',
      budget_max_minor: 5_00_000_00,
      event_date_from: '2026-11-02',
    });
    expect(rs.rows[0]!.owner_id).toBeTruthy();

    const again = await (await t.json('POST', '/api/imports/leads', body(true), auth)).json();
    expect(again.counts).toMatchObject({ created: 0, duplicate: 3, error: 3 });
    expect(again.results[0].duplicateOf).toBe(first.results[0].leadCode);
    expect(await countRows(t.deps, 'leads')).toBe(before + 2);
  });

  it('imports a row from a configured extra platform as listing with the platform as detail', async () => {
    await t.cleanup();
    t = await startTestApp({ LISTING_PLATFORMS: 'wedmegood,weddingbazaar:WeddingBazaar' });
    auth = (await t.login('sales@mandap.demo')).auth;
    const sheet = [
      ['Kiran Rao', '98200 51111', 'Wedding Bazaar'],
      ['Mohit Jain', '98200 52222', 'WedMeGood'],
      ['Sara Ali', '98200 53333', 'listing'],
    ];
    const res = await t.json(
      'POST',
      '/api/imports/leads',
      { fileName: 'platforms.csv', firstLine: 2, mapping: { name: 0, phone: 1, source: 2 }, rows: sheet, commit: true },
      auth,
    );
    const { results, counts } = await res.json();
    expect(counts).toMatchObject({ created: 2, error: 1 });
    expect(results[2].errors[0]).toMatchObject({ field: 'source', message: expect.stringMatching(/WeddingBazaar/) });
    const made = await t.deps.db.$client.execute(
      "SELECT name, source, source_detail FROM leads WHERE name IN ('Kiran Rao', 'Mohit Jain') ORDER BY name",
    );
    expect(made.rows.map((r) => [r.name, r.source, r.source_detail])).toEqual([
      ['Kiran Rao', 'listing', 'WeddingBazaar'],
      ['Mohit Jain', 'wedmegood', null],
    ]);
  });

  it('refuses a mapping without a name column, naming the problem', async () => {
    const res = await t.json('POST', '/api/imports/leads', { ...body(false), mapping: { phone: 1 } }, auth);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/map a column to Name/);
  });

  it('imports 2,000 rows in one request quickly', async () => {
    const big = Array.from({ length: 2000 }, (_, i) => [
      `Guest ${i}`,
      `9${String(700000000 + i).padStart(9, '0')}`,
      '',
      '',
      '',
      '',
    ]);
    const started = performance.now();
    const res = await t.json(
      'POST',
      '/api/imports/leads',
      { fileName: 'big.csv', firstLine: 2, mapping, rows: big, commit: true },
      auth,
    );
    const ms = performance.now() - started;
    expect((await res.json()).counts.created).toBe(2000);
    expect(ms).toBeLessThan(5000);
  });
});
