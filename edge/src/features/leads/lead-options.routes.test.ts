import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ LISTING_PLATFORMS: 'wedmegood,justdial,weddingbazaar:WeddingBazaar' });
});
afterEach(() => t.cleanup());

const body = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe('lead pickers', () => {
  it('lists active owners with names, sales first, and reassignment uses them', async () => {
    const sales = await t.login('sales@mandap.demo');
    const { owners } = await body(await t.json('GET', '/api/leads/owners', undefined, sales.auth));
    const list = owners as { id: string; name: string; role: string }[];
    expect(list.map((o) => o.role)).toContain('manager');
    expect(list.filter((o) => o.role === 'sales')).toHaveLength(2);
    expect(list[0]!.role).toBe('sales');
    expect(list.some((o) => ['operations', 'finance', 'vendor', 'client'].includes(o.role))).toBe(false);
    const kavya = list.find((o) => o.name.toLowerCase().includes('kavya'))!;
    const lead = await body(await t.json('POST', '/api/leads', { name: 'Ira Shah', phone: '98200 44444' }, sales.auth));
    const id = (lead.lead as { id: string }).id;
    const moved = await body(await t.json('POST', `/api/leads/${id}/owner`, { ownerId: kavya.id }, sales.auth));
    expect(moved.lead).toMatchObject({ ownerId: kavya.id, ownerName: kavya.name });
    const filtered = await body(await t.json('GET', `/api/leads?owner=${kavya.id}&limit=1000`, undefined, sales.auth));
    expect((filtered.leads as { id: string }[]).some((l) => l.id === id)).toBe(true);
  });

  it('finds referring clients by name and by phone digits, for clients:read only', async () => {
    const sales = await t.login('sales@mandap.demo');
    const all = await body(await t.json('GET', '/api/leads/referrers', undefined, sales.auth));
    const first = (all.clients as { name: string; phone: string | null }[])[0]!;
    const byName = await body(
      await t.json(
        'GET',
        `/api/leads/referrers?q=${encodeURIComponent(first.name.slice(0, 4))}`,
        undefined,
        sales.auth,
      ),
    );
    expect((byName.clients as { name: string }[]).map((c) => c.name)).toContain(first.name);
    if (first.phone) {
      const local = `0${first.phone.slice(3, 8)} ${first.phone.slice(8)}`;
      const byPhone = await body(
        await t.json('GET', `/api/leads/referrers?q=${encodeURIComponent(local)}`, undefined, sales.auth),
      );
      expect((byPhone.clients as { name: string }[]).map((c) => c.name)).toContain(first.name);
    }
    const vendor = await t.login('vendor@mandap.demo');
    expect((await t.json('GET', '/api/leads/referrers', undefined, vendor.auth)).status).toBe(403);
  });

  it('lists the configured listing platforms; others become listing with the platform as detail', async () => {
    const sales = await t.login('sales@mandap.demo');
    const res = await body(await t.json('GET', '/api/leads/sources', undefined, sales.auth));
    expect(res.listingPlatforms).toEqual([
      { key: 'wedmegood', label: 'WedMeGood', source: 'wedmegood', sourceDetail: null },
      { key: 'justdial', label: 'JustDial', source: 'justdial', sourceDetail: null },
      { key: 'weddingbazaar', label: 'WeddingBazaar', source: 'listing', sourceDetail: 'WeddingBazaar' },
    ]);
    const created = await t.json(
      'POST',
      '/api/leads',
      { name: 'Ravi Iyer', phone: '98200 55555', source: 'listing', sourceDetail: 'WeddingBazaar' },
      sales.auth,
    );
    expect(created.status).toBe(201);
  });
});

describe('assignment rules', () => {
  it('a manager adds, reorders, edits and removes rules; a new lead follows the first matching rule', async () => {
    const manager = await t.login('manager@mandap.demo');
    const kavya = await t.login('kavya@mandap.demo');
    const sales = await t.login('sales@mandap.demo');
    const add = (r: object) => t.json('POST', '/api/leads/assignment-rules', r, manager.auth);
    expect((await add({ ownerId: kavya.userId, source: 'website' })).status).toBe(200);
    const two = await body(await add({ ownerId: sales.userId, city: 'Udaipur', eventType: 'destination_wedding' }));
    const rules = two.rules as { id: string; position: number; ownerName: string }[];
    expect(rules.map((r) => r.position)).toEqual([1, 2]);

    const udaipur = await body(
      await t.json(
        'POST',
        '/api/leads',
        { name: 'Meera Rao', phone: '98200 66666', city: 'udaipur', eventType: 'destination_wedding' },
        manager.auth,
      ),
    );
    expect((udaipur.lead as { ownerId: string }).ownerId).toBe(sales.userId);

    const re = await body(
      await t.json('POST', '/api/leads/assignment-rules/reorder', { ids: [rules[1]!.id, rules[0]!.id] }, manager.auth),
    );
    expect((re.rules as { id: string }[]).map((r) => r.id)).toEqual([rules[1]!.id, rules[0]!.id]);
    const put = await t.json(
      'PUT',
      `/api/leads/assignment-rules/${rules[0]!.id}`,
      { ownerId: sales.userId, source: 'website' },
      manager.auth,
    );
    expect(((await body(put)).rules as { ownerId: string }[])[1]!.ownerId).toBe(sales.userId);
    const del = await body(
      await t.json('DELETE', `/api/leads/assignment-rules/${rules[1]!.id}`, undefined, manager.auth),
    );
    expect(del.rules).toHaveLength(1);
  });

  it('refuses sales users, a rule with no condition and an owner who is not sales', async () => {
    const manager = await t.login('manager@mandap.demo');
    const sales = await t.login('sales@mandap.demo');
    const ops = await t.login('ops@mandap.demo');
    const url = '/api/leads/assignment-rules';
    expect((await t.json('POST', url, { ownerId: sales.userId, source: 'website' }, sales.auth)).status).toBe(403);
    const empty = await t.json('POST', url, { ownerId: sales.userId }, manager.auth);
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toMatch(/at least one condition/);
    const notSales = await t.json('POST', url, { ownerId: ops.userId, city: 'Pune' }, manager.auth);
    expect(notSales.status).toBe(422);
    const list = await body(await t.json('GET', url, undefined, sales.auth));
    expect(list.rules).toEqual([]);
  });
});
