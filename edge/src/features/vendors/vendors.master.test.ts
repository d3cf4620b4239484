import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../test-support.ts';
import { rotateBankKey } from './bank-crypto.ts';
import { BANK_KEY, dumpDatabase, goodVendor, NEW_BANK_KEY, startVendorApp, type VendorApp } from './vendor-test-kit.ts';

let t: VendorApp;
beforeAll(async () => {
  t = await startVendorApp();
});
afterAll(() => t.cleanup());

const ACCOUNT = goodVendor.bank.accountNumber;

async function create(body: unknown, who: keyof VendorApp['users'] = 'ops') {
  return t.json('POST', '/api/vendors', body, t.users[who].auth);
}

describe('vendor master', () => {
  it('refuses a malformed GSTIN, PAN or IFSC with the field named, and writes nothing', async () => {
    const before = await countRows(t.deps, 'vendors');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...goodVendor, gstin: '27AAPFU0939F1ZX' }, 'gstin'],
      [{ ...goodVendor, gstin: undefined, pan: 'AAPXU0939F' }, 'pan'],
      [{ ...goodVendor, bank: { ...goodVendor.bank, ifsc: 'HDFC1234' } }, 'bank.ifsc'],
      [{ ...goodVendor, category: 'unicorns' }, 'category'],
      [{ ...goodVendor, country: 'AE', currency: 'AED' }, 'gstin'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status, field).toBe(400);
      const err = (await res.json()).error;
      expect(Object.keys(err.fields ?? {}), field).toContain(field);
    }
    expect(await countRows(t.deps, 'vendors')).toBe(before);
  });

  it('creates a vendor with encrypted bank details shown masked', async () => {
    const res = await create(goodVendor);
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain(ACCOUNT);
    const { vendor } = JSON.parse(text);
    expect(vendor).toMatchObject({
      code: expect.stringMatching(/^VN-\d{4}$/),
      bankMasked: 'XXXXXX4321',
      ifsc: 'HDFC0001234',
    });
    const row = await t.deps.db.$client.execute({
      sql: 'SELECT bank_cipher, bank FROM vendors WHERE id = ?',
      args: [vendor.id],
    });
    expect(String(row.rows[0]!.bank_cipher)).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(row.rows[0]!.bank).toBeNull();
  });

  it('accepts a foreign vendor with a foreign tax id', async () => {
    const res = await create({
      name: 'Dubai Stage Co',
      category: 'lighting',
      city: 'Dubai',
      country: 'AE',
      currency: 'AED',
      foreignTaxId: '100234567800003',
      bank: { accountName: 'Dubai Stage Co', accountNumber: 'AE070331234567890123456', swift: 'EBILAEAD' },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).vendor).toMatchObject({ country: 'AE', currency: 'AED', bankMasked: 'XXXXXX3456' });
  });

  it('reveals to finance only, and audits each reveal without the number', async () => {
    const { vendors } = await (await t.json('GET', '/api/vendors?q=Shree', undefined, t.users.ops.auth)).json();
    const id = vendors[0].id;
    for (const who of ['ops', 'sales', 'manager', 'vendor', 'client'] as const) {
      const res = await t.json('POST', `/api/vendors/${id}/bank/reveal`, undefined, t.users[who].auth);
      expect(res.status, who).toBe(403);
    }
    const res = await t.json('POST', `/api/vendors/${id}/bank/reveal`, undefined, t.users.finance.auth);
    expect(res.status).toBe(200);
    expect((await res.json()).bank).toMatchObject({ accountNumber: ACCOUNT, ifsc: 'HDFC0001234' });
    const audit = await t.deps.db.$client.execute({
      sql: "SELECT after FROM audit_log WHERE action = 'vendor.bank_revealed' AND entity_id = ?",
      args: [id],
    });
    expect(audit.rows).toHaveLength(1);
    expect(String(audit.rows[0]!.after)).toContain('4321');
  });

  it('never lets the plaintext account number into the logs, the database or a non-finance response', async () => {
    const { vendors } = await (await t.json('GET', '/api/vendors', undefined, t.users.sales.auth)).json();
    expect(JSON.stringify(vendors)).not.toContain(ACCOUNT);
    for (const v of vendors) {
      const one = await t.json('GET', `/api/vendors/${v.id}`, undefined, t.users.ops.auth);
      expect(await one.text()).not.toContain(ACCOUNT);
    }
    expect(t.logLines.length).toBeGreaterThan(5);
    expect(t.logLines.join('\n')).not.toContain(ACCOUNT);
    expect(await dumpDatabase(t)).not.toContain(ACCOUNT);
  });

  it('refuses a tampered ciphertext and one moved to another vendor', async () => {
    const a = (await (await create({ ...goodVendor, name: 'Tamper Test A', gstin: undefined, pan: undefined })).json())
      .vendor;
    const b = (await (await create({ ...goodVendor, name: 'Tamper Test B', gstin: undefined, pan: undefined })).json())
      .vendor;
    const sealedA = String(
      (await t.deps.db.$client.execute({ sql: 'SELECT bank_cipher FROM vendors WHERE id = ?', args: [a.id] })).rows[0]!
        .bank_cipher,
    );
    // moved: A's ciphertext on B's row
    await t.deps.db.$client.execute({ sql: 'UPDATE vendors SET bank_cipher = ? WHERE id = ?', args: [sealedA, b.id] });
    const moved = await t.json('POST', `/api/vendors/${b.id}/bank/reveal`, undefined, t.users.finance.auth);
    expect(moved.status).toBe(422);
    expect((await moved.json()).error.message).toContain('cannot be opened');
    // tampered: one character of A's ciphertext changed
    const last = sealedA.at(-5) === 'A' ? 'B' : 'A';
    const tampered = `${sealedA.slice(0, -5)}${last}${sealedA.slice(-4)}`;
    await t.deps.db.$client.execute({ sql: 'UPDATE vendors SET bank_cipher = ? WHERE id = ?', args: [tampered, a.id] });
    expect((await t.json('POST', `/api/vendors/${a.id}/bank/reveal`, undefined, t.users.finance.auth)).status).toBe(
      422,
    );
    // a failed reveal is not audited as a reveal
    const audits = await t.deps.db.$client.execute({
      sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'vendor.bank_revealed' AND entity_id IN (?, ?)",
      args: [a.id, b.id],
    });
    expect(Number(audits.rows[0]!.n)).toBe(0);
    // put them right for the rotation test
    for (const v of [a, b]) await t.json('PATCH', `/api/vendors/${v.id}`, { bank: goodVendor.bank }, t.users.ops.auth);
  });

  it('rotation re-encrypts every row; every row stays readable under the new key, none under the old alone', async () => {
    const r = await rotateBankKey(t.deps.db, BANK_KEY, NEW_BANK_KEY);
    const sealed = await t.deps.db.$client.execute('SELECT id FROM vendors WHERE bank_cipher IS NOT NULL');
    expect(r.rotated).toBe(sealed.rows.length);
    expect(r.rotated).toBeGreaterThanOrEqual(4);
    expect((await rotateBankKey(t.deps.db, BANK_KEY, NEW_BANK_KEY)).rotated).toBe(0); // rerun: nothing to do
    t.deps.env.VENDOR_BANK_KEY = NEW_BANK_KEY;
    for (const row of sealed.rows) {
      const res = await t.json('POST', `/api/vendors/${String(row.id)}/bank/reveal`, undefined, t.users.finance.auth);
      expect(res.status).toBe(200);
    }
    t.deps.env.VENDOR_BANK_KEY = BANK_KEY;
    const old = await t.json(
      'POST',
      `/api/vendors/${String(sealed.rows[0]!.id)}/bank/reveal`,
      undefined,
      t.users.finance.auth,
    );
    expect(old.status).toBe(422);
    t.deps.env.VENDOR_BANK_KEY = NEW_BANK_KEY;
  });

  it('searches and filters by category, city and rating; settings extend the categories', async () => {
    const cat = await t.json('POST', '/api/vendors/categories', { label: 'Tent & Fabric' }, t.users.admin.auth);
    expect(cat.status).toBe(201);
    expect(
      (await t.json('POST', '/api/vendors/categories', { label: 'Tent & Fabric' }, t.users.admin.auth)).status,
    ).toBe(409);
    expect((await t.json('POST', '/api/vendors/categories', { label: 'Other' }, t.users.ops.auth)).status).toBe(403);
    const tent = await create({ name: 'Pune Tent House', category: 'tent_fabric', city: 'Pune' });
    expect(tent.status).toBe(201);
    const q = async (qs: string) =>
      (
        (await (await t.json('GET', `/api/vendors?${qs}`, undefined, t.users.ops.auth)).json()).vendors as {
          name: string;
        }[]
      ).map((v) => v.name);
    expect(await q('category=tent_fabric')).toEqual(['Pune Tent House']);
    const pune = await q('city=pune');
    expect(pune).toContain('Pune Tent House');
    expect(pune).not.toContain('Shree Caterers');
    expect(await q('q=tent')).toContain('Pune Tent House');
    expect(await q('q=ramesh')).toContain('Shree Caterers');
    expect((await t.json('GET', '/api/vendors?minRating=9', undefined, t.users.ops.auth)).status).toBe(400);
    expect(await q('minRating=4')).not.toContain('Pune Tent House');
  });
});

describe('after edits and a rotation', () => {
  it('still holds no plaintext account number anywhere', async () => {
    expect(await dumpDatabase(t)).not.toContain(ACCOUNT);
    expect(t.logLines.join('\n')).not.toContain(ACCOUNT);
  });
});
