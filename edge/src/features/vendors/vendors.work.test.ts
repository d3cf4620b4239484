import { financialYear } from '@mandap/shared/time';
import { blockedReasons } from '@mandap/shared/vendors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../test-support.ts';
import { checkLedger } from '../payments/ledger-check.ts';
import { blockedReasonsFor } from './blocked.query.ts';
import { insertGraph } from './graph-fixture.ts';
import { goodVendor, startVendorApp, type VendorApp } from './vendor-test-kit.ts';

let t: VendorApp;
let ownEvent = '';
let foreignEvent = '';
let noorId = '';
let shreeId = '';
let lightsId = '';

const post = (
  path: string,
  body: unknown,
  who: keyof VendorApp['users'] = 'ops',
  headers: Record<string, string> = {},
) => t.json('POST', `/api/vendor-work${path}`, body, { ...t.users[who].auth, ...headers });
const get = (path: string, who: keyof VendorApp['users'] = 'ops') =>
  t.json('GET', `/api/vendor-work${path}`, undefined, t.users[who].auth);

async function assign(vendorId: string, scope: string, extra: Record<string, unknown> = {}) {
  const res = await post('/assignments', {
    vendorId,
    eventId: ownEvent,
    scope,
    budgetCategory: 'decor',
    lines: [{ description: scope, quantity: 2, unitMinor: 50_000_00 }],
    terms: '50% advance, balance on delivery',
    milestones: [{ label: 'Site visit', date: '2027-01-10' }],
    ...extra,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).assignment;
}

beforeAll(async () => {
  t = await startVendorApp();
  const c = t.deps.db.$client;
  const linked = await c.execute(
    "SELECT ea.event_id FROM event_access ea JOIN users u ON u.id = ea.user_id WHERE u.email = 'vendor@mandap.demo' ORDER BY ea.event_id",
  );
  ownEvent = String(linked.rows[0]!.event_id);
  foreignEvent = String(
    (await c.execute('SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_access) LIMIT 1')).rows[0]!.id,
  );
  noorId = String(
    (
      await c.execute(
        "SELECT v.id FROM vendors v JOIN users u ON u.id = v.user_id WHERE u.email = 'vendor@mandap.demo'",
      )
    ).rows[0]!.id,
  );
  shreeId = (await (await t.json('POST', '/api/vendors', goodVendor, t.users.ops.auth)).json()).vendor.id;
  lightsId = (
    await (
      await t.json(
        'POST',
        '/api/vendors',
        { name: 'Roshni Lights', category: 'lighting', city: 'Mumbai' },
        t.users.ops.auth,
      )
    ).json()
  ).vendor.id;
});
afterAll(() => t.cleanup());

describe('assignments and POs', () => {
  it('numbers POs gaplessly per financial year, also when created at once', async () => {
    const fy = financialYear(new Date());
    const seeded = await t.deps.db.$client.execute(
      'SELECT count(*) AS n FROM vendor_assignments WHERE po_number IS NOT NULL',
    );
    const start = Number(seeded.rows[0]!.n); // the demo house's POs took the first numbers
    const made = await Promise.all([1, 2, 3, 4, 5].map((i) => assign(lightsId, `Lighting rig ${i}`)));
    const numbers = made.map((a) => a.poNumber as string).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5].map((n) => `PO/${fy}/${String(start + n).padStart(4, '0')}`));
    expect(made[0]).toMatchObject({ status: 'requested', amountMinor: 100_000_00, currency: 'INR' });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await countRows(t.deps, 'vendor_assignments');
    const bad = await post('/assignments', {
      vendorId: lightsId,
      eventId: ownEvent,
      scope: 'x',
      budgetCategory: 'decor',
      lines: [],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(['scope', 'lines']));
    const cat = await post('/assignments', {
      vendorId: lightsId,
      eventId: ownEvent,
      scope: 'Lights',
      budgetCategory: 'nope',
      lines: [{ description: 'a', quantity: 1, unitMinor: 100 }],
    });
    expect(cat.status).toBe(400);
    expect((await cat.json()).error.fields).toHaveProperty('budgetCategory');
    expect(await countRows(t.deps, 'vendor_assignments')).toBe(before);
  });

  it('follows the transition table; confirming an INR PO books it payable in the ledger; draws the PO PDF', async () => {
    const a = await assign(shreeId, 'Dinner for 400, menu by 15 Jan');
    const skip = await post(`/assignments/${a.id}/status`, { status: 'delivered' });
    expect(skip.status).toBe(422);
    expect((await skip.json()).error.message).toContain('confirmed or cancelled');
    const ok = await post(`/assignments/${a.id}/status`, { status: 'confirmed' });
    expect(ok.status).toBe(200);
    const entries = await t.deps.db.$client.execute({
      sql: "SELECT p.account, p.amount_minor FROM journal_entries j JOIN postings p ON p.entry_id = j.id WHERE j.source_type = 'vendor_bill' AND j.source_id = ? ORDER BY p.amount_minor",
      args: [a.id],
    });
    expect(entries.rows.map((r) => [r.account, Number(r.amount_minor)])).toEqual([
      [`vendor:${shreeId}:payable`, -100_000_00],
      ['cost:vendor:decor', 100_000_00],
    ]);
    const pdf = await get(`/assignments/${a.id}/po.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });
});

describe('dependencies', () => {
  it('refuses a cycle with the cycle named, blocks the waiting one with a reason, and refuses starting it', async () => {
    const menu = await assign(shreeId, 'Confirmed menu');
    const decor = await assign(noorId, 'Table décor to match the menu');
    const lights = await assign(lightsId, 'Uplighting on the décor');
    expect((await post(`/assignments/${decor.id}/dependencies`, { dependsOnId: menu.id })).status).toBe(201);
    expect((await post(`/assignments/${lights.id}/dependencies`, { dependsOnId: decor.id })).status).toBe(201);
    expect((await post(`/assignments/${lights.id}/dependencies`, { dependsOnId: decor.id })).status).toBe(409);
    const before = await countRows(t.deps, 'vendor_dependencies');
    const cycle = await post(`/assignments/${menu.id}/dependencies`, { dependsOnId: lights.id });
    expect(cycle.status).toBe(422);
    const msg = (await cycle.json()).error.message as string;
    expect(msg).toContain('cycle');
    expect(msg).toMatch(/Shree Caterers \(Confirmed menu\) → Roshni Lights .* → Noor Decor .* → Shree Caterers/);
    expect(await countRows(t.deps, 'vendor_dependencies')).toBe(before);

    const g = await (await get(`/events/${ownEvent}/graph`)).json();
    const onLights = g.blocked.filter((b: { assignmentId: string }) => b.assignmentId === lights.id);
    expect(onLights.map((b: { blockerId: string; depth: number }) => [b.blockerId, b.depth])).toEqual([
      [decor.id, 1],
      [menu.id, 2],
    ]);
    expect(onLights[0].reason).toContain('Noor Decor');

    await post(`/assignments/${decor.id}/status`, { status: 'confirmed' });
    const start = await post(`/assignments/${decor.id}/status`, { status: 'in_progress' });
    expect(start.status).toBe(422);
    expect((await start.json()).error.message).toContain('Shree Caterers');
    // the menu is delivered: décor is free, lights wait only on décor
    for (const s of ['confirmed', 'in_progress', 'delivered'])
      await post(`/assignments/${menu.id}/status`, { status: s });
    expect((await post(`/assignments/${decor.id}/status`, { status: 'in_progress' })).status).toBe(200);
    const g2 = await (await get(`/events/${ownEvent}/graph`)).json();
    expect(
      g2.blocked
        .filter((b: { assignmentId: string }) => b.assignmentId === lights.id)
        .map((b: { blockerId: string }) => b.blockerId),
    ).toEqual([decor.id]);
  });

  it('the recursive query agrees with the reference rule on generated graphs of hundreds of assignments', async () => {
    for (const seed of [7, 8, 9]) {
      const ev = String(
        (
          await t.deps.db.$client.execute({
            sql: 'SELECT id FROM events ORDER BY id LIMIT 1 OFFSET ?',
            args: [2 + seed - 7],
          })
        ).rows[0]!.id,
      );
      const g = await insertGraph(t.deps.db, { eventId: ev, vendorId: lightsId, n: 400, seed });
      const got = (await blockedReasonsFor(t.deps.db, { eventId: ev })).map((r) => ({
        assignmentId: r.assignmentId,
        blockerId: r.blockerId,
        depth: r.depth,
        blockerStatus: r.blockerStatus,
      }));
      const want = blockedReasons(g.statuses, g.edges).map((r) => ({
        assignmentId: r.assignmentId,
        blockerId: r.blockerId,
        depth: r.depth,
        blockerStatus: r.blockerStatus,
      }));
      expect(want.length).toBeGreaterThan(100);
      expect(got).toEqual(want);
    }
  });
});

describe('payables', () => {
  let a: { id: string; poNumber: string };
  it('a schedule must add up to the PO', async () => {
    a = await assign(shreeId, 'Welcome drinks');
    await post(`/assignments/${a.id}/status`, { status: 'confirmed' });
    const wrong = await t.json(
      'PUT',
      `/api/vendor-work/assignments/${a.id}/schedule`,
      { items: [{ label: 'Advance', dueDate: '2026-01-01', amountMinor: 10 }] },
      t.users.finance.auth,
    );
    expect(wrong.status).toBe(422);
    const ok = await t.json(
      'PUT',
      `/api/vendor-work/assignments/${a.id}/schedule`,
      {
        items: [
          { label: 'Advance', dueDate: '2026-01-01', amountMinor: 50_000_00 },
          { label: 'Balance', dueDate: '2099-01-01', amountMinor: 50_000_00 },
        ],
      },
      t.users.finance.auth,
    );
    expect(ok.status).toBe(200);
  });

  it('pays through the ledger with TDS, once per Idempotency-Key, and refuses beyond the PO', async () => {
    const body = { amountMinor: 40_000_00, mode: 'neft', reference: 'UTR123', paidOn: '2026-01-05' };
    const key = { 'idempotency-key': 'vendor-pay-0001' };
    expect((await post(`/assignments/${a.id}/payments`, body, 'finance')).status).toBe(400); // no key
    const first = await post(`/assignments/${a.id}/payments`, body, 'finance', key);
    expect(first.status).toBe(201);
    const p = (await first.json()).payment;
    expect(p).toMatchObject({ amountMinor: 40_000_00, tdsMinor: 800_00, netMinor: 39_200_00 }); // 2% for a firm (PAN ...F...)
    const again = await post(`/assignments/${a.id}/payments`, body, 'finance', key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await post(`/assignments/${a.id}/payments`, { ...body, amountMinor: 1 }, 'finance', key)).status).toBe(422);
    const lines = await t.deps.db.$client.execute({
      sql: 'SELECT account, amount_minor FROM postings WHERE entry_id = ? ORDER BY amount_minor',
      args: [p.journalEntryId],
    });
    expect(lines.rows.map((r) => [r.account, Number(r.amount_minor)])).toEqual([
      ['bank:neft', -39_200_00],
      ['tds:payable:194c', -800_00],
      [`vendor:${shreeId}:payable`, 40_000_00],
    ]);
    expect(
      Number(
        (
          await t.deps.db.$client.execute({
            sql: 'SELECT count(*) n FROM vendor_payments WHERE assignment_id = ?',
            args: [a.id],
          })
        ).rows[0]!.n,
      ),
    ).toBe(1);

    const ledgerBefore = await countRows(t.deps, 'postings');
    const beyond = await post(`/assignments/${a.id}/payments`, { ...body, amountMinor: 60_000_01 }, 'finance', {
      'idempotency-key': 'vendor-pay-0002',
    });
    expect(beyond.status).toBe(422);
    expect((await beyond.json()).error.message).toContain('beyond the PO');
    expect(await countRows(t.deps, 'postings')).toBe(ledgerBefore);
    // the books still recompute with vendor bills and payments in them
    expect((await checkLedger(t.deps.db)).mismatches).toEqual([]);
    // the database itself refuses edits to a vendor payment
    await expect(
      t.deps.db.$client.execute({ sql: 'UPDATE vendor_payments SET amount_minor = 1 WHERE id = ?', args: [p.id] }),
    ).rejects.toThrow(/append-only/);
  });

  it('lists outstanding and overdue vendor payments with ageing', async () => {
    const res = await t.json('GET', '/api/vendor-work/payables', undefined, t.users.finance.auth);
    expect(res.status).toBe(200);
    const { payables, ageing } = await res.json();
    const mine = payables.filter((r: { assignmentId: string }) => r.assignmentId === a.id);
    expect(
      mine.map((r: { label: string; outstandingMinor: number; bucket: string }) => [
        r.label,
        r.outstandingMinor,
        r.bucket,
      ]),
    ).toEqual([
      ['Advance', 10_000_00, expect.stringMatching(/^d/)],
      ['Balance', 50_000_00, 'current'],
    ]);
    expect(ageing.current).toBeGreaterThanOrEqual(50_000_00);
    expect((await t.json('GET', '/api/vendor-work/payables', undefined, t.users.client.auth)).status).toBe(403);
    expect((await t.json('GET', '/api/vendor-work/payables', undefined, t.users.vendor.auth)).status).toBe(403);
  });

  it('budget against actual per category; the margin only for those allowed', async () => {
    const set = await t.json(
      'PUT',
      `/api/vendor-work/events/${ownEvent}/budget`,
      { items: [{ category: 'decor', budgetMinor: 10_00_000_00 }] },
      t.users.ops.auth,
    );
    expect(set.status).toBe(200);
    const { budget } = await set.json();
    const decor = budget.lines.find((l: { category: string }) => l.category === 'decor');
    expect(decor).toMatchObject({ budgetMinor: 10_00_000_00, budgetSource: 'manual', paidMinor: 40_000_00 });
    expect(decor.committedMinor).toBeGreaterThan(0);
    expect(budget.margin).toBeNull(); // operations may not see margins
    const asManager = await (
      await t.json('GET', `/api/vendor-work/events/${ownEvent}/budget`, undefined, t.users.manager.auth)
    ).json();
    expect(asManager.budget.totals).toEqual(budget.totals);
    expect(
      (await t.json('GET', `/api/vendor-work/events/${ownEvent}/budget`, undefined, t.users.vendor.auth)).status,
    ).toBe(403);
    const accepted = await t.deps.db.$client.execute(
      "SELECT q.event_id FROM quotes q JOIN quote_versions v ON v.quote_id = q.id WHERE v.status = 'accepted' AND q.event_id IS NOT NULL LIMIT 1",
    );
    const withQuote = String(accepted.rows[0]!.event_id);
    const m = (
      await (await t.json('GET', `/api/vendor-work/events/${withQuote}/budget`, undefined, t.users.manager.auth)).json()
    ).budget.margin;
    expect(m.revenueMinor).toBeGreaterThan(0);
    expect(m.marginMinor).toBe(m.revenueMinor - m.costMinor);
    const o = await (
      await t.json('GET', `/api/vendor-work/events/${withQuote}/budget`, undefined, t.users.ops.auth)
    ).json();
    expect(o.budget.margin).toBeNull();
    expect(JSON.stringify(o)).not.toContain('revenue');
  });
});

describe("the vendor's own pages", () => {
  it('shows only their own work, blocks both ways, and a call sheet; nothing of client money or margins', async () => {
    const res = await get('/mine', 'vendor');
    expect(res.status).toBe(200);
    const text = await res.text();
    const me = JSON.parse(text);
    expect(me.vendor.name).toBe('Noor Decor');
    expect(me.assignments.length).toBeGreaterThan(0);
    expect(me.assignments.every((x: { vendorId: string }) => x.vendorId === noorId)).toBe(true);
    expect(me.blocking.map((b: { otherVendorName: string }) => b.otherVendorName)).toContain('Roshni Lights');
    expect(me.callSheet.length).toBeGreaterThan(0);
    for (const word of ['margin', 'revenue', 'receivable', 'quote', '"payables"', goodVendor.bank.accountNumber])
      expect(text).not.toContain(word);
  });

  it("another vendor's assignment and a foreign event answer 404; staff routes answer 403", async () => {
    const theirs = (await (await get(`/assignments?vendorId=${shreeId}`)).json()).assignments[0];
    expect((await post(`/mine/assignments/${theirs.id}/status`, { status: 'in_progress' }, 'vendor')).status).toBe(404);
    expect((await post(`/mine/assignments/${theirs.id}/check-in`, {}, 'vendor')).status).toBe(404);
    expect((await get(`/mine/assignments/${theirs.id}/po.pdf`, 'vendor')).status).toBe(404);
    const foreign = await post('/assignments', {
      vendorId: noorId,
      eventId: foreignEvent,
      scope: 'Work on an event Noor is not linked to yet',
      budgetCategory: 'decor',
      lines: [{ description: 'x', quantity: 1, unitMinor: 100 }],
    });
    const fa = (await foreign.json()).assignment;
    // assigning links the vendor's login to that event; unlink it to model a foreign event
    await t.deps.db.$client.execute({
      sql: 'DELETE FROM event_access WHERE event_id = ? AND user_id = (SELECT user_id FROM vendors WHERE id = ?)',
      args: [foreignEvent, noorId],
    });
    expect((await post(`/mine/assignments/${fa.id}/check-in`, {}, 'vendor')).status).toBe(404);
    expect((await t.json('GET', `/api/events/${foreignEvent}`, undefined, t.users.vendor.auth)).status).toBe(404);
    for (const path of ['/assignments', `/events/${ownEvent}/graph`, `/assignments/${theirs.id}`])
      expect((await get(path, 'vendor')).status).toBe(403);
    expect((await t.json('GET', '/api/vendors', undefined, t.users.vendor.auth)).status).toBe(403);
  });

  it('the vendor moves their own work on and checks in', async () => {
    const requested = await assign(noorId, 'Entrance arch');
    expect((await post(`/mine/assignments/${requested.id}/status`, { status: 'confirmed' }, 'vendor')).status).toBe(
      200,
    );
    expect((await post(`/mine/assignments/${requested.id}/status`, { status: 'cancelled' }, 'vendor')).status).toBe(
      422,
    );
    const ci = await post(`/mine/assignments/${requested.id}/check-in`, {}, 'vendor');
    expect(ci.status).toBe(200);
    expect((await ci.json()).assignment.checkedInAt).toBeTruthy();
  });

  it("the vendor uploads a document on their own assignment; not on another vendor's; staff see it on the vendor", async () => {
    const mine = await assign(noorId, 'Backdrop with delivery proof');
    const pdf = new TextEncoder().encode('%PDF-1.4 delivery proof');
    const up = (id: string, type = 'application/pdf') =>
      t.app.request(`/api/vendor-work/mine/assignments/${id}/documents?fileName=proof.pdf&kind=delivery_proof`, {
        method: 'POST',
        headers: { ...t.users.vendor.auth, 'content-type': type },
        body: pdf,
      });
    const ok = await up(mine.id);
    expect(ok.status).toBe(201);
    const doc = (await ok.json()).document;
    expect(doc).toMatchObject({
      vendorId: noorId,
      assignmentId: mine.id,
      kind: 'delivery_proof',
      fileName: 'proof.pdf',
    });
    expect((await up(mine.id, 'application/x-msdownload')).status).toBe(422);
    const theirs = (await (await get(`/assignments?vendorId=${shreeId}`)).json()).assignments[0];
    expect((await up(theirs.id)).status).toBe(404);
    const listed = await (
      await t.json('GET', `/api/vendors/${noorId}/vendor-documents`, undefined, t.users.ops.auth)
    ).json();
    expect(listed.documents.map((d: { id: string }) => d.id)).toContain(doc.id);
    const file = await t.json('GET', `/api/vendors/${noorId}/vendor-documents/${doc.id}`, undefined, t.users.ops.auth);
    expect(new TextDecoder().decode(await file.arrayBuffer())).toBe('%PDF-1.4 delivery proof');
    expect(
      (await t.json('GET', `/api/vendors/${noorId}/vendor-documents`, undefined, t.users.vendor.auth)).status,
    ).toBe(403);
    const own = await (await get('/mine/documents', 'vendor')).json();
    expect(own.documents).toHaveLength(1);
  });
});
