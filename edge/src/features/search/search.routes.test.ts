import { newId } from '@mandap/shared/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
const at = '2026-11-01T10:00:00.000Z';
const ids = { clientA: newId(), clientB: newId(), eventA: newId(), eventB: newId(), lead: newId(), vendor: newId() };
const quotes = { sentA: newId(), draftA: newId(), sentB: newId() };
const payA = newId();
const payB = newId();

async function exec(sql: string, args: (string | number | null)[] = []) {
  await t.deps.db.$client.execute({ sql, args });
}

/** Records written with plain SQL, as a bulk import or a hand fix would: the triggers must index them. */
async function seedRecords(clientUserId: string, vendorUserId: string) {
  await exec(
    `INSERT INTO clients (id, code, name, phone, gstin, currency_preference, created_at, updated_at) VALUES (?, 'CL-2026-0901', 'Zephyra Bhansali', '+919812345678', '27AAPFU0939F1ZV', 'INR', ?, ?)`,
    [ids.clientA, at, at],
  );
  await exec(
    `INSERT INTO clients (id, code, name, phone, currency_preference, created_at, updated_at) VALUES (?, 'CL-2026-0902', 'Zephyra Kothari', '+919800000002', 'INR', ?, ?)`,
    [ids.clientB, at, at],
  );
  for (const [id, code, clientId] of [
    [ids.eventA, 'EV-2026-0901', ids.clientA],
    [ids.eventB, 'EV-2026-0902', ids.clientB],
  ] as const) {
    await exec(
      `INSERT INTO events (id, code, name, client_id, event_type, status, start_date, end_date, city, created_at, updated_at) VALUES (?, ?, ?, ?, 'wedding', 'confirmed', '2026-12-10', '2026-12-12', 'Mumbai', ?, ?)`,
      [id, code, `Zephyra wedding ${code}`, clientId, at, at],
    );
  }
  await exec(
    `INSERT INTO leads (id, code, name, phone, email, source, stage, temperature, created_at, updated_at) VALUES (?, 'LD-2026-0901', 'Zephyra Lalwani', '+919876501234', 'zl@example.com', 'manual', 'new', 'warm', ?, ?)`,
    [ids.lead, at, at],
  );
  await exec(
    `INSERT INTO vendors (id, code, name, category, phone, gstin, created_at, updated_at) VALUES (?, 'VN-2026-0901', 'Zephyra Florals', 'decor', '022 2345 6789', '27AAACZ1234A1Z5', ?, ?)`,
    [ids.vendor, at, at],
  );
  const quote = async (id: string, code: string, eventId: string, status: string) => {
    await exec(
      `INSERT INTO quotes (id, code, event_id, client_id, status, currency, current_version, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, 'INR', 1, ?, ?)`,
      [id, code, eventId, status, at, at],
    );
    await exec(
      `INSERT INTO quote_versions (id, quote_id, version, status, currency, lines, subtotal_minor, tax_minor, total_minor, total_inr_minor, created_at) VALUES (?, ?, 1, ?, 'INR', '[]', 0, 0, 0, 0, ?)`,
      [newId(), id, status, at],
    );
  };
  await quote(quotes.sentA, 'QT/2026-27/0901', ids.eventA, 'sent');
  await quote(quotes.draftA, 'QT/2026-27/0902', ids.eventA, 'draft');
  await quote(quotes.sentB, 'QT/2026-27/0903', ids.eventB, 'sent');
  for (const [id, code, eventId, clientId] of [
    [payA, 'PAY-2026-0901', ids.eventA, ids.clientA],
    [payB, 'PAY-2026-0902', ids.eventB, ids.clientB],
  ] as const) {
    await exec(
      `INSERT INTO payments (id, code, event_id, client_id, mode, reference, received_on, amount_minor, currency, amount_inr_minor, created_at) VALUES (?, ?, ?, ?, 'upi', 'UTR778899', '2026-11-01', 100, 'INR', 100, ?)`,
      [id, code, eventId, clientId, at],
    );
  }
  await exec(`INSERT INTO event_access (event_id, user_id, access, created_at) VALUES (?, ?, 'read', ?)`, [
    ids.eventA,
    clientUserId,
    at,
  ]);
  await exec(`INSERT INTO event_access (event_id, user_id, access, created_at) VALUES (?, ?, 'write', ?)`, [
    ids.eventB,
    vendorUserId,
    at,
  ]);
}

type Result = { kind: string; id: string; title: string; subtitle: string | null; href: string };
async function search(who: { auth: Record<string, string> }, q: string): Promise<Result[]> {
  const res = await t.json('GET', `/api/search?q=${encodeURIComponent(q)}`, undefined, who.auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { results: Result[] }).results;
}

let manager: Awaited<ReturnType<TestApp['login']>>;
let sales: Awaited<ReturnType<TestApp['login']>>;
let client: Awaited<ReturnType<TestApp['login']>>;
let vendor: Awaited<ReturnType<TestApp['login']>>;

beforeAll(async () => {
  t = await startTestApp();
  [manager, sales, client, vendor] = await Promise.all([
    t.login('manager@mandap.demo'),
    t.login('sales@mandap.demo'),
    t.login('client@mandap.demo'),
    t.login('vendor@mandap.demo'),
  ]);
  await seedRecords(client.userId, vendor.userId);
});
afterAll(() => t.cleanup());

describe('global search', () => {
  it('finds every kind by name for a manager', async () => {
    const kinds = new Set((await search(manager, 'zephyra')).map((r) => r.kind));
    // Payments carry their client's name, so they match too.
    expect([...kinds].sort()).toEqual(['client', 'event', 'lead', 'payment', 'vendor']);
  });

  it('finds a phone typed in any format', async () => {
    for (const typed of ['+91 98765 01234', '098765-01234', '9876501234', '98765', '919876501234']) {
      const found = await search(manager, typed);
      expect(
        found.map((r) => r.id),
        typed,
      ).toContain(ids.lead);
    }
    // A landline stored with spaces is found by its digits.
    expect((await search(manager, '02223456789')).map((r) => r.id)).toContain(ids.vendor);
  });

  it('finds codes with or without separators, and a GSTIN', async () => {
    expect((await search(manager, 'LD-2026-0901'))[0]?.id).toBe(ids.lead);
    expect((await search(manager, 'ld20260901'))[0]?.id).toBe(ids.lead);
    expect((await search(manager, 'QT/2026-27/0901'))[0]?.id).toBe(quotes.sentA);
    // (The demo house may use the same sample GSTIN: ours must be among the hits.)
    expect((await search(manager, '27AAPFU0939F1ZV')).map((r) => r.id)).toContain(ids.clientA);
    expect((await search(manager, 'PAY-2026-0902'))[0]).toMatchObject({ id: payB, kind: 'payment' });
  });

  it('follows renames and deletions through the triggers', async () => {
    await exec(`UPDATE leads SET name = 'Quillon Rao' WHERE id = ?`, [ids.lead]);
    expect((await search(manager, 'quillon')).map((r) => r.id)).toEqual([ids.lead]);
    expect((await search(manager, 'Zephyra Lalwani')).map((r) => r.id)).not.toContain(ids.lead);
    await exec(`UPDATE leads SET name = 'Zephyra Lalwani' WHERE id = ?`, [ids.lead]);
    expect((await search(manager, 'quillon')).length).toBe(0);
  });

  it('a renamed client renames the lines of their payments: the new name finds them, the old one no longer does', async () => {
    await exec(`UPDATE clients SET name = 'Ishita Kothari' WHERE id = ?`, [ids.clientB]);
    const found = await search(manager, 'Ishita');
    expect(found.map((r) => r.id)).toEqual(expect.arrayContaining([ids.clientB, payB]));
    expect(found.find((r) => r.id === payB)?.subtitle).toBe('Ishita Kothari · UTR778899');
    expect((await search(manager, 'Zephyra Kothari')).map((r) => r.id)).not.toContain(payB);
    await exec(`UPDATE clients SET name = 'Zephyra Kothari' WHERE id = ?`, [ids.clientB]);
    expect((await search(manager, 'Ishita')).length).toBe(0);
  });

  it('gives sales no payments (their role cannot open them)', async () => {
    const found = await search(sales, 'PAY-2026');
    expect(found.filter((r) => r.kind === 'payment')).toEqual([]);
  });

  it('a client finds only their own event, its sent quotes and its payments', async () => {
    const found = await search(client, 'zephyra');
    expect(found.map((r) => `${r.kind}:${r.id}`).sort()).toEqual([`event:${ids.eventA}`, `payment:${payA}`].sort());
    expect(found.find((r) => r.kind === 'event')!.href).toBe(`/portal/events/${ids.eventA}`);
    const quotesFound = await search(client, 'QT/2026-27/09');
    expect(quotesFound.map((r) => r.id)).toEqual([quotes.sentA]);
    expect(quotesFound.map((r) => r.id)).not.toContain(quotes.draftA);
    expect((await search(client, 'PAY-2026-09')).map((r) => r.id)).toEqual([payA]);
    // Nobody else's phone, GSTIN or lead.
    expect(await search(client, '27AAPFU0939F1ZV')).toEqual([]);
    expect(await search(client, '9876501234')).toEqual([]);
    expect(await search(client, 'Florals')).toEqual([]);
  });

  it('a vendor finds only the events linked to them: no quotes, payments, leads or clients', async () => {
    const found = await search(vendor, 'zephyra');
    expect(found.map((r) => [r.kind, r.id])).toEqual([['event', ids.eventB]]);
    expect(await search(vendor, 'QT/2026-27/0903')).toEqual([]);
    expect(await search(vendor, 'PAY-2026-0902')).toEqual([]);
    expect(await search(vendor, 'Zephyra Kothari')).toEqual([]);
    // Losing the link loses the result at once.
    await exec(`DELETE FROM event_access WHERE event_id = ? AND user_id = ?`, [ids.eventB, vendor.userId]);
    expect(await search(vendor, 'zephyra')).toEqual([]);
  });

  it('reads FTS syntax as plain text and refuses bad input with the field named', async () => {
    for (const q of ['"zephyra', 'zephyra OR *', 'NEAR(a b)', 'zephyra)', "'; DROP TABLE leads; --"]) {
      const res = await t.json('GET', `/api/search?q=${encodeURIComponent(q)}`, undefined, manager.auth);
      expect(res.status, q).toBe(200);
    }
    const short = await t.json('GET', '/api/search?q=a', undefined, manager.auth);
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toContain('q');
    expect((await t.json('GET', '/api/search?q=zephyra')).status).toBe(401);
  });
});
