import { readFileSync } from 'node:fs';
import { type ImportBatchView, writeXlsx } from '@mandap/shared/leads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
let auth: Record<string, string>;
beforeEach(async () => {
  t = await startTestApp();
  auth = (await t.login('sales@mandap.demo')).auth;
});
afterEach(() => t.cleanup());

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../shared/src/leads/fixtures/${name}`, import.meta.url)));

async function upload(fileName: string, bytes: Uint8Array | string, sheet?: string) {
  const body = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const q = new URLSearchParams({ fileName, ...(sheet ? { sheet } : {}) });
  return t.app.request(`/api/imports/files?${q}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/octet-stream' },
    body: new Blob([body as Uint8Array<ArrayBuffer>]),
  });
}
async function staged(fileName: string, bytes: Uint8Array | string, sheet?: string): Promise<ImportBatchView> {
  const res = await upload(fileName, bytes, sheet);
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}
const check = async (b: ImportBatchView, mapping = b.mapping) => {
  const res = await t.json('POST', `/api/imports/${b.id}/check`, { mapping }, auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ImportBatchView;
};
const commit = (b: ImportBatchView) =>
  t.json(
    'POST',
    `/api/imports/${b.id}/commit`,
    { mapping: b.mapping, expect: { create: b.counts!.toCreate, merge: b.counts!.toMerge } },
    auth,
  );
const rowsOf = async (id: string, status = '') =>
  (
    await (
      await t.json('GET', `/api/imports/${id}/rows?limit=500${status ? `&status=${status}` : ''}`, undefined, auth)
    ).json()
  ).rows as {
    line: number;
    status: string;
    issues: { level: string; field: string; message: string }[];
    duplicateOf: string | null;
  }[];
const lead = async (where: string) => (await t.deps.db.$client.execute(`SELECT * FROM leads WHERE ${where}`)).rows;

describe('the messy 20-row sheet, end to end', () => {
  it.each(['messy-enquiries.csv', 'messy-enquiries.xlsx'])(
    '%s: the guessed mapping brings in every importable row; the commit makes exactly what the dry run said',
    async (name) => {
      const before = await countRows(t.deps, 'leads');
      const b = await staged(name, fixture(name));
      expect(b).toMatchObject({ rowCount: 20, mappingSource: 'guessed', status: 'staged' });
      if (name.endsWith('.xlsx'))
        expect(b).toMatchObject({ sheets: ['Enquiries 2026', 'Notes'], sheet: 'Enquiries 2026' });
      const c = await check(b);
      expect(c.counts).toMatchObject({ rows: 20, error: 1, duplicate: 1, review: 0, toCreate: 18 });
      expect(await countRows(t.deps, 'leads')).toBe(before);

      const problems = await rowsOf(b.id, 'problems');
      const lineOf = (sr: number) =>
        name.endsWith('.csv') ? (sr <= 1 ? 2 : sr <= 8 ? sr + 2 : sr + 3) : sr <= 8 ? sr + 1 : sr + 2;
      expect(problems.find((r) => r.status === 'error')?.line).toBe(lineOf(19));
      expect(problems.find((r) => r.status === 'duplicate')).toMatchObject({ line: lineOf(13), duplicateOf: 'line 2' });

      const res = await commit(c);
      expect(res.status, await res.clone().text()).toBe(200);
      expect((await res.json()).counts).toMatchObject({ created: 18 });
      expect(await countRows(t.deps, 'leads')).toBe(before + 18);
      expect(await lead("name = 'Rahul & Sneha Kapoor'")).toEqual([
        expect.objectContaining({
          source: 'other',
          source_detail: 'NRI Referral',
          budget_min_minor: 75_00_000_00,
          budget_max_minor: 1_00_00_000_00,
          phone: '+919833054321',
        }),
      ]);
      expect(await lead("name = 'Mr. Arjun Mehta'")).toEqual([
        expect.objectContaining({
          event_date_from: '2026-12-01',
          event_date_to: '2026-12-31',
          budget_min_minor: 20_00_000_00,
          budget_max_minor: null,
        }),
      ]);
      expect(await lead("name = 'Zoya Khan'")).toEqual([
        expect.objectContaining({ event_type: 'nikah', temperature: 'warm', phone: '+971501234567' }),
      ]);
    },
  );

  it('remembers the mapping for the header layout; the same file again creates nothing new that it can recognise', async () => {
    const first = await check(await staged('a.csv', fixture('messy-enquiries.csv')), {
      ...(await staged('x.csv', fixture('messy-enquiries.csv'))).mapping,
    });
    expect((await commit(first)).status).toBe(200);
    const again = await staged('a-again.csv', fixture('messy-enquiries.csv'));
    expect(again.mappingSource).toBe('remembered');
    const c = await check(again);
    // Every row with a phone or email is now a duplicate; a row with neither cannot be recognised.
    expect(c.counts).toMatchObject({ duplicate: 18, toCreate: 1 });
  });

  it('downloads the rows that did not come in, with the original cells and a reason, ready to fix and re-import', async () => {
    const b = await check(await staged('messy.csv', fixture('messy-enquiries.csv')));
    const res = await t.json('GET', `/api/imports/${b.id}/not-imported.csv`, undefined, auth);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/messy%20-%20not%20imported\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Sr No,Date of Enquiry,Client Name,Contact No.,Email ID,Lead Source,Event,Event Date,City,Venue,Guests (approx),Budget (₹),Status,Remarks,Reason',
    );
    expect(lines.slice(1)).toEqual([
      '13,15/01/2026,Priya Sharma,+91 98200 12345,PRIYA.SHARMA@GMAIL.COM,Instagram Ad,Wedding,14/12/2026,Mumbai,,350,10-12 lakh,Hot,Sent the enquiry twice,line 16: duplicate of line 2',
      '19,21/01/2026,,,,,,,,,,,Cold,,"line 22: no name, phone or email: nothing says who this enquiry is from"',
    ]);
    // The fixed report re-imports with the mapping remembered for the original's headers.
    expect((await commit(b)).status).toBe(200);
    const fixed = text.replace('19,21/01/2026,,,,,', '19,21/01/2026,Kiran Rao,9820077777,,,');
    const again = await staged('fixed.csv', fixed);
    expect(again.mappingSource).toBe('remembered');
    expect((await check(again)).counts).toMatchObject({ rows: 2, duplicate: 1, toCreate: 1 });
  });
});

describe('a dry run that tells the truth', () => {
  const head = 'Name,Phone,Email,Budget,Notes';

  it('flags a row whose cell count differs from the header, by its line, and still finds its duplicate', async () => {
    const csv = [
      head,
      'Asha Mehta,9820012345,asha@x.in,5 lakh,ok',
      '"Ravi, Iyer",9820044444,,"10,00,000","two',
      'lines"',
      '',
      'Stray Comma,98200 12345,,5,00,000,shifted',
      'Short Row,9820055555',
      ...Array.from({ length: 300 }, (_, i) => `Filler ${i},98201${String(i).padStart(5, '0')},,,`),
      'Far Away,+91 98200 44444,,,',
    ].join('\r\n');
    const b = await check(await staged('lines.csv', csv));
    const rows = await rowsOf(b.id, 'problems');
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [6, 'error'],
      [7, 'error'],
      [308, 'duplicate'],
    ]);
    expect(rows[0]!.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^line 6 has 7 cells but the header has 5/),
      'also a duplicate of line 2',
    ]);
    expect(rows[1]!.issues[0]!.message).toMatch(/^line 7 has 2 cells but the header has 5/);
    expect(rows[2]!.duplicateOf).toBe('line 3');
    expect(b.counts).toMatchObject({ rows: 305, toCreate: 302, error: 2, duplicate: 1 });
    expect(b.blankLines).toBe(1);
  });

  it('reads UTF-16 (Excel "Unicode text", tab-separated) and Windows-1252 CSVs', async () => {
    const text = 'Name\tPhone\tCity\r\nअनीता देशमुख\t9867012345\tपुणे\r\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const a = await staged('unicode.csv', utf16);
    expect(a).toMatchObject({ encoding: 'utf-16le', headers: ['Name', 'Phone', 'City'] });
    expect(a.preview[0]!.cells).toEqual(['अनीता देशमुख', '9867012345', 'पुणे']);

    const cp1252 = Uint8Array.from(
      [...'Name,Phone,Venue\r\nJos', 0xe9, ...' Fern', 0xe1, ...'ndez,9820012345,Caf', 0xe9, ...' Mondegar\r\n'].map(
        (c) => (typeof c === 'string' ? c.charCodeAt(0) : c),
      ),
    );
    const w = await staged('excel.csv', cp1252);
    expect(w).toMatchObject({ encoding: 'windows-1252' });
    expect(w.preview[0]!.cells).toEqual(['José Fernández', '9820012345', 'Café Mondegar']);
  });

  it('an XLSX with several sheets: the sheet with lead columns is taken, another can be named, a month-only date stays a month', async () => {
    const bytes = writeXlsx([
      { name: 'Cover', rows: [['Enquiries kept by the front desk'], ['2026']] },
      {
        name: 'Leads',
        rows: [
          ['Name', 'Mobile', 'Event Date', 'Budget'],
          ['Asha Mehta', 9820012345, { date: '2026-12-01', as: 'month' }, '10-12 lakh'],
          ['Ravi Iyer', 9820044444, { date: '2027-01-15', as: 'day' }, 1500000],
        ],
      },
    ]);
    const b = await staged('book.xlsx', bytes);
    expect(b).toMatchObject({
      sheets: ['Cover', 'Leads'],
      sheet: 'Leads',
      headers: ['Name', 'Mobile', 'Event Date', 'Budget'],
    });
    expect(b.preview.map((r) => r.cells)).toEqual([
      ['Asha Mehta', '9820012345', '2026-12', '10-12 lakh'],
      ['Ravi Iyer', '9820044444', '2027-01-15', '1500000'],
    ]);
    const c = await check(b);
    expect((await commit(c)).status).toBe(200);
    expect(await lead("name = 'Asha Mehta'")).toEqual([
      expect.objectContaining({ event_date_from: '2026-12-01', event_date_to: '2026-12-31' }),
    ]);
    expect((await staged('book.xlsx', bytes, 'Cover')).sheet).toBe('Cover');
    const missing = await upload('book.xlsx', bytes, 'Sheet9');
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.message).toMatch(/no sheet "Sheet9"; this file has Cover, Leads/);
  });

  it('refuses what it cannot read with a clear message and stores nothing', async () => {
    for (const [name, bytes, msg] of [
      ['old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), /old \.xls files cannot be read/],
      ['broken.xlsx', new TextEncoder().encode('not a zip'), /not an \.xlsx file/],
      ['empty.csv', new TextEncoder().encode('\r\n\r\n'), /the file is empty/],
      [
        'quote.csv',
        new TextEncoder().encode('Name,Phone\r\n"Asha,9820012345\r\n'),
        /line 2: a quoted cell is never closed/,
      ],
    ] as const) {
      const res = await upload(name, bytes);
      expect(res.status, name).toBe(422);
      expect((await res.json()).error.message).toMatch(msg);
    }
    expect(await countRows(t.deps, 'import_batches')).toBe(0);
  });

  it('a commit whose promise no longer holds writes nothing and says to run the dry run again', async () => {
    const b = await check(
      await staged('late.csv', `${head}\r\nAsha Mehta,9820012345,,,\r\nRavi Iyer,9820044444,,,\r\n`),
    );
    expect(b.counts!.toCreate).toBe(2);
    const made = await t.json('POST', '/api/leads', { name: 'Asha Mehta', phone: '9820012345' }, auth);
    expect(made.status).toBe(201);
    const before = await countRows(t.deps, 'leads');
    const res = await commit(b);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(
      /promised 2 new and 0 merged, now it would be 1 and 0.*run the dry run again/,
    );
    expect(await countRows(t.deps, 'leads')).toBe(before);
  });

  // 50,000 rows are timed in bench/leads-import.bench.ts; here 5,000 keep the suite quick.
  it('checks 5,000 rows as one file: a duplicate 4,900 rows apart is found; the commit creates exactly the promised leads', async () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, i) => `Lead ${i},+9170${String(i).padStart(8, '0')},lead${i}@example.in,${(i % 50) + 1} lakh,`,
    );
    rows[4_950] = 'Lead Again,+917000000050,,,';
    const b = await check(await staged('big.csv', [head, ...rows].join('\n')));
    expect(b.counts).toMatchObject({ rows: 5_000, duplicate: 1, toCreate: 4_999 });
    const dup = await rowsOf(b.id, 'duplicate');
    expect(dup).toEqual([expect.objectContaining({ line: 4_952, duplicateOf: 'line 52' })]);
    const before = await countRows(t.deps, 'leads');
    expect((await commit(b)).status).toBe(200);
    expect(await countRows(t.deps, 'leads')).toBe(before + 4_999);
  }, 120_000);
});

describe('progress of a long dry run and import', () => {
  const lines = async (res: Response) =>
    (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));

  it('streams n of N rows per phase, then the batch; a refused commit ends with its error and writes nothing', async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => `Lead ${i},+9171${String(i).padStart(8, '0')},,,`);
    const b = await staged('progress.csv', ['Name,Phone,Email,Budget,Notes', ...rows].join('\n'));
    const res = await t.json('POST', `/api/imports/${b.id}/check/stream`, { mapping: b.mapping }, auth);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const out = await lines(res);
    const reading = out.filter((l) => l.progress?.phase === 'reading').map((l) => l.progress.done);
    expect(reading).toEqual([2_000, 4_000, 4_500]);
    expect(out.filter((l) => l.progress).every((l) => l.progress.total === 4_500)).toBe(true);
    const saving = out.filter((l) => l.progress?.phase === 'saving').map((l) => l.progress.done);
    expect(saving.at(-1)).toBe(4_500);
    expect(saving).toEqual([...saving].sort((x, y) => x - y));
    const checked = out.at(-1).batch as ImportBatchView;
    expect(checked.counts).toMatchObject({ rows: 4_500, toCreate: 4_500 });

    const before = await countRows(t.deps, 'leads');
    const wrong = await t.json(
      'POST',
      `/api/imports/${b.id}/commit/stream`,
      { mapping: checked.mapping, expect: { create: 4_499, merge: 0 } },
      auth,
    );
    expect((await lines(wrong)).at(-1).error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Nothing was imported/),
    });
    expect(await countRows(t.deps, 'leads')).toBe(before);

    const done = await lines(
      await t.json(
        'POST',
        `/api/imports/${b.id}/commit/stream`,
        { mapping: checked.mapping, expect: { create: 4_500, merge: 0 } },
        auth,
      ),
    );
    expect(done.filter((l) => l.progress?.phase === 'creating').at(-1).progress).toEqual({
      phase: 'creating',
      done: 4_500,
      total: 4_500,
    });
    expect(done.at(-1).batch.counts.created).toBe(4_500);
    expect(await countRows(t.deps, 'leads')).toBe(before + 4_500);
  }, 120_000);

  it('the OpenAPI document declares both streams as application/x-ndjson', async () => {
    const doc = (await (await t.json('GET', '/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    for (const path of ['/api/imports/{id}/check/stream', '/api/imports/{id}/commit/stream'])
      expect(Object.keys(doc.paths[path]?.post?.responses['200']?.content ?? {})).toEqual(['application/x-ndjson']);
  });
});

describe('duplicates a person decides', () => {
  it('sends a same-phone-other-name row to review; the commit waits for a decision; a merge keeps the richer values, is in history, and undoes', async () => {
    const made = await t.json('POST', '/api/leads', { name: 'Rohan Desai', phone: '9820012345', city: 'Mumbai' }, auth);
    const existing = (await made.json()).lead;
    const b = await check(
      await staged(
        'family.csv',
        'Name,Phone,Email,Guests,Notes\r\nPriya Desai,+91 98200 12345,priya@desai.in,300,Sister of Rohan\r\n',
      ),
    );
    expect(b.counts).toMatchObject({ review: 1, undecided: 1, toCreate: 0 });
    const review = await (await t.json('GET', `/api/imports/${b.id}/review`, undefined, auth)).json();
    expect(review.items[0]).toMatchObject({
      line: 2,
      reason: expect.stringMatching(/same phone as LD-.*\(Rohan Desai\), but the name differs/),
      incoming: { name: 'Priya Desai', email: 'priya@desai.in', guestCount: 300 },
      existing: { name: 'Rohan Desai', email: null, city: 'Mumbai' },
    });
    const blocked = await t.json(
      'POST',
      `/api/imports/${b.id}/commit`,
      { mapping: b.mapping, expect: { create: 0, merge: 0 } },
      auth,
    );
    expect(blocked.status).toBe(422);
    expect((await blocked.json()).error.message).toMatch(/1 possible duplicate needs a decision/);

    const decided = await (
      await t.json('POST', `/api/imports/${b.id}/decisions`, { decisions: [{ line: 2, decision: 'merge' }] }, auth)
    ).json();
    expect(decided.counts).toMatchObject({ toMerge: 1, undecided: 0 });
    expect((await commit(decided)).status).toBe(200);
    expect(await lead(`id = '${existing.id}'`)).toEqual([
      expect.objectContaining({
        name: 'Rohan Desai',
        email: 'priya@desai.in',
        guest_count: 300,
        city: 'Mumbai',
        requirements: 'Sister of Rohan',
      }),
    ]);
    const history = await t.deps.db.$client.execute({
      sql: "SELECT before, after FROM audit_log WHERE entity_id = ? AND action = 'lead.merged'",
      args: [existing.id],
    });
    expect(JSON.parse(String(history.rows[0]!.after))).toEqual({
      email: 'priya@desai.in',
      guestCount: 300,
      requirements: 'Sister of Rohan',
    });

    const undone = await t.json('POST', `/api/imports/${b.id}/undo`, undefined, auth);
    expect(undone.status).toBe(200);
    expect(await lead(`id = '${existing.id}'`)).toEqual([
      expect.objectContaining({ email: null, guest_count: null, requirements: null }),
    ]);
  });

  it('keep both creates a second lead; skip creates none', async () => {
    await t.json('POST', '/api/leads', { name: 'Rohan Desai', phone: '9820012345' }, auth);
    const b = await check(
      await staged(
        'two.csv',
        'Name,Phone,Email\r\nPriya Desai,9820012345,\r\nMeena Desai,,rohan.desai@desaigroup.in\r\n',
      ),
    );
    expect(b.counts).toMatchObject({ review: 1 });
    const d = await (
      await t.json('POST', `/api/imports/${b.id}/decisions`, { decisions: [{ line: 2, decision: 'keep_both' }] }, auth)
    ).json();
    expect(d.counts).toMatchObject({ toCreate: 2 });
    expect((await commit(d)).status).toBe(200);
    expect(await lead("phone = '+919820012345'")).toHaveLength(2);
  });
});

describe('recoverable imports', () => {
  it('lists batches and undoes one whose leads nobody has touched; refuses while any has been worked on', async () => {
    const csv = 'Name,Phone\r\nAsha Mehta,9820012345\r\nRavi Iyer,9820044444\r\n';
    const b = await check(await staged('undo.csv', csv));
    const done = await (await commit(b)).json();
    const list = await (await t.json('GET', '/api/imports', undefined, auth)).json();
    expect(list.batches[0]).toMatchObject({
      id: b.id,
      fileName: 'undo.csv',
      status: 'committed',
      counts: { created: 2 },
      createdByName: expect.any(String),
    });

    const [asha] = await lead("name = 'Asha Mehta'");
    const moved = await t.json('POST', `/api/leads/${asha!.id}/stage`, { stage: 'contacted' }, auth);
    expect(moved.status).toBe(200);
    const refused = await t.json('POST', `/api/imports/${done.id}/undo`, undefined, auth);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(
      /1 lead has been worked on since the import \(LD-.*\); nothing was undone/,
    );
    expect(await lead("name IN ('Asha Mehta', 'Ravi Iyer')")).toHaveLength(2);

    const b2 = await check(await staged('undo2.csv', 'Name,Phone\r\nKiran Rao,9820077777\r\n'));
    expect((await commit(b2)).status).toBe(200);
    const undone = await t.json('POST', `/api/imports/${b2.id}/undo`, undefined, auth);
    expect(undone.status).toBe(200);
    expect((await undone.json()).status).toBe('undone');
    expect(await lead("name = 'Kiran Rao'")).toHaveLength(0);
    expect((await t.json('POST', `/api/imports/${b2.id}/undo`, undefined, auth)).status).toBe(409);
    expect((await t.json('POST', `/api/imports/${b2.id}/check`, { mapping: b2.mapping }, auth)).status).toBe(409);
  });

  it('needs leads:write to import', async () => {
    const ops = (await t.login('ops@mandap.demo')).auth;
    const res = await t.app.request('/api/imports/files?fileName=a.csv', {
      method: 'POST',
      headers: { ...ops },
      body: 'Name\r\nA\r\n',
    });
    expect(res.status).toBe(403);
  });
});
