import { LINK_PURPOSE, signLink } from '@mandap/shared/access';
import { PO_LINK_PURPOSE } from '@mandap/shared/vendors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../test-support.ts';
import { checkLedger } from '../payments/ledger-check.ts';
import { startVendorApp, type VendorApp } from './vendor-test-kit.ts';

let t: VendorApp;
let eventId = '';
let londonId = '';
let dubaiId = '';

const post = (path: string, body: unknown, who: keyof VendorApp['users'] = 'ops', key?: string) =>
  t.json('POST', `/api/vendor-work${path}`, body, {
    ...t.users[who].auth,
    ...(key ? { 'idempotency-key': key } : {}),
  });
const get = (path: string, who: keyof VendorApp['users'] = 'ops') =>
  t.json('GET', `/api/vendor-work${path}`, undefined, t.users[who].auth);
const publicGet = (path: string) => t.json('GET', `/api/public/po${path}`);
const publicPost = (path: string, body: unknown) => t.json('POST', `/api/public/po${path}`, body);

async function postings(entryId: string) {
  const r = await t.deps.db.$client.execute({
    sql: 'SELECT account, currency, amount_minor, amount_inr_minor FROM postings WHERE entry_id = ? ORDER BY account',
    args: [entryId],
  });
  return r.rows.map((p) => [p.account, p.currency, Number(p.amount_minor), Number(p.amount_inr_minor)]);
}

async function assign(vendorId: string, currency: string, unitMinor: number, scope: string) {
  const res = await post('/assignments', {
    vendorId,
    eventId,
    scope,
    budgetCategory: 'photography',
    currency,
    lines: [{ description: scope, quantity: 1, unitMinor }],
    terms: 'Half before the event, half after delivery',
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).assignment as { id: string; poNumber: string; vendorId: string };
}

const accrualOf = async (assignmentId: string) =>
  (
    await t.deps.db.$client.execute({
      sql: 'SELECT accrual_entry_id AS id FROM vendor_assignments WHERE id = ?',
      args: [assignmentId],
    })
  ).rows[0]!.id as string | null;

beforeAll(async () => {
  t = await startVendorApp();
  eventId = String(
    (
      await t.deps.db.$client.execute(
        "SELECT ea.event_id FROM event_access ea JOIN users u ON u.id = ea.user_id WHERE u.email = 'vendor@mandap.demo' LIMIT 1",
      )
    ).rows[0]!.event_id,
  );
  const make = async (body: unknown) =>
    (await (await t.json('POST', '/api/vendors', body, t.users.ops.auth)).json()).vendor.id as string;
  londonId = await make({
    name: 'Lens & Light London',
    category: 'photography',
    city: 'London',
    country: 'GB',
    currency: 'GBP',
    contacts: [{ name: 'Amelia', phone: '+44 20 7946 0018' }],
  });
  dubaiId = await make({
    name: 'Desert Frames',
    category: 'photography',
    city: 'Dubai',
    country: 'AE',
    currency: 'AED',
  });
});
afterAll(() => t.cleanup());

describe('foreign-currency POs are paid, never refused', () => {
  let po: { id: string; poNumber: string };

  it('a GBP PO confirmed with no stored rate books nothing yet; a payment without any rate asks for one and writes nothing', async () => {
    const rates = await t.deps.db.$client.execute("SELECT count(*) n FROM fx_rates WHERE base = 'GBP'");
    expect(Number(rates.rows[0]!.n)).toBe(0);
    po = await assign(londonId, 'GBP', 2_000_00, 'Pre-wedding shoot, two photographers');
    expect((await post(`/assignments/${po.id}/status`, { status: 'confirmed' })).status).toBe(200);
    expect(await accrualOf(po.id)).toBeNull();
    const before = await countRows(t.deps, 'postings');
    const res = await post(
      `/assignments/${po.id}/payments`,
      { amountMinor: 500_00, mode: 'neft', paidOn: '2026-11-20' },
      'finance',
      'gbp-pay-0',
    );
    expect(res.status).toBe(422);
    const err = (await res.json()).error;
    expect(err.fields).toHaveProperty('fxRate');
    expect(err.message).toContain('20/11/2026');
    expect(await countRows(t.deps, 'postings')).toBe(before);
  });

  it('a payment at the rate the bank paid keeps the amount in pence and its INR value; the PO is booked at that rate', async () => {
    const res = await post(
      `/assignments/${po.id}/payments`,
      { amountMinor: 500_00, mode: 'neft', paidOn: '2026-11-20', reference: 'SWIFT-1', fxRate: '105.50' },
      'finance',
      'gbp-pay-1',
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const p = (await res.json()).payment;
    expect(p).toMatchObject({
      amountMinor: 500_00,
      currency: 'GBP',
      amountInrMinor: 52_750_00,
      fxRate: '105.50',
      tdsMinor: 0,
    });
    const accrual = (await accrualOf(po.id))!;
    expect(await postings(accrual)).toEqual([
      ['cost:vendor:photography', 'GBP', 2_000_00, 211_000_00],
      [`vendor:${londonId}:payable`, 'GBP', -2_000_00, -211_000_00],
    ]);
    expect(await postings(p.journalEntryId)).toEqual([
      ['bank:neft', 'GBP', -500_00, -52_750_00],
      [`vendor:${londonId}:payable`, 'GBP', 500_00, 52_750_00],
    ]);
    const row = await t.deps.db.$client.execute({
      sql: 'SELECT currency, amount_minor, amount_inr_minor, fx FROM vendor_payments WHERE id = ?',
      args: [p.id],
    });
    expect(row.rows[0]).toMatchObject({ currency: 'GBP', amount_minor: 500_00, amount_inr_minor: 52_750_00 });
    expect(JSON.parse(String(row.rows[0]!.fx))).toMatchObject({ base: 'GBP', quote: 'INR', rate: '105.50' });
  });

  it('later payments default to the stored rate of the day; the difference from the booked rate goes to FX gain/loss', async () => {
    const rate = await t.json(
      'POST',
      '/api/fx/rates',
      { base: 'GBP', rate: '107.00', asOf: '2026-11-25' },
      t.users.finance.auth,
    );
    expect(rate.status, await rate.clone().text()).toBeLessThan(300);
    const res = await post(
      `/assignments/${po.id}/payments`,
      { amountMinor: 1_500_00, mode: 'neft', paidOn: '2026-11-26' },
      'finance',
      'gbp-pay-2',
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const p = (await res.json()).payment;
    expect(p).toMatchObject({ amountMinor: 1_500_00, amountInrMinor: 160_500_00, fxRate: '107.00' });
    expect(await postings(p.journalEntryId)).toEqual([
      ['bank:neft', 'GBP', -1_500_00, -160_500_00],
      ['fx:gain_loss', 'GBP', 0, 2_250_00], // paid ₹1,60,500 for what was booked at ₹1,58,250
      [`vendor:${londonId}:payable`, 'GBP', 1_500_00, 158_250_00],
    ]);
    // the vendor's payable is cleared in pounds and in rupees
    const bal = await t.deps.db.$client.execute({
      sql: 'SELECT sum(amount_minor) a, sum(amount_inr_minor) i FROM postings WHERE account = ?',
      args: [`vendor:${londonId}:payable`],
    });
    expect([Number(bal.rows[0]!.a), Number(bal.rows[0]!.i)]).toEqual([0, 0]);
    // nothing more can be paid, in any currency
    const beyond = await post(
      `/assignments/${po.id}/payments`,
      { amountMinor: 1, mode: 'neft', paidOn: '2026-11-26' },
      'finance',
      'gbp-pay-3',
    );
    expect(beyond.status).toBe(422);
    expect((await beyond.json()).error.message).toContain('£');
    expect((await checkLedger(t.deps.db)).mismatches).toEqual([]);
  });

  it('a foreign PO confirmed while a rate is stored is booked at it; payables and the budget show INR at that rate', async () => {
    await t.json('POST', '/api/fx/rates', { base: 'AED', rate: '22.70', asOf: '2026-11-01' }, t.users.finance.auth);
    const aed = await assign(dubaiId, 'AED', 10_000_00, 'Drone coverage of the baraat');
    expect((await post(`/assignments/${aed.id}/status`, { status: 'confirmed' })).status).toBe(200);
    expect(await postings((await accrualOf(aed.id))!)).toEqual([
      ['cost:vendor:photography', 'AED', 10_000_00, 227_000_00],
      [`vendor:${dubaiId}:payable`, 'AED', -10_000_00, -227_000_00],
    ]);
    const sched = await t.json(
      'PUT',
      `/api/vendor-work/assignments/${aed.id}/schedule`,
      { items: [{ label: 'Full', dueDate: '2026-01-01', amountMinor: 10_000_00 }] },
      t.users.finance.auth,
    );
    expect(sched.status).toBe(200);
    const { payables, ageing } = await (await get('/payables', 'finance')).json();
    const row = payables.find((r: { assignmentId: string }) => r.assignmentId === aed.id);
    expect(row).toMatchObject({ currency: 'AED', outstandingMinor: 10_000_00, outstandingInrMinor: 227_000_00 });
    expect(ageing.d90_plus + ageing.d61_90 + ageing.d31_60 + ageing.d1_30).toBeGreaterThanOrEqual(227_000_00);
    const { budget } = await (await get(`/events/${eventId}/budget`, 'manager')).json();
    const photo = budget.lines.find((l: { category: string }) => l.category === 'photography');
    // both POs at their booked INR; paid in INR at the rates paid
    expect(photo).toMatchObject({ committedMinor: 211_000_00 + 227_000_00, paidMinor: 52_750_00 + 160_500_00 });
    expect(budget.warnings).toEqual([]);
  });
});

describe('the PO share link', () => {
  let po: { id: string; poNumber: string };
  let token = '';

  it('staff make a signed link with its WhatsApp message; a vendor user or a client may not', async () => {
    po = await assign(londonId, 'GBP', 800_00, 'Sangeet photography');
    expect((await post(`/assignments/${po.id}/links`, {}, 'vendor')).status).toBe(403);
    expect((await post(`/assignments/${po.id}/links`, {}, 'client')).status).toBe(403);
    expect((await post(`/assignments/${po.id}/links`, { days: 0 }, 'ops')).status).toBe(400);
    const res = await post(`/assignments/${po.id}/links`, { days: 14 });
    expect(res.status, await res.clone().text()).toBe(201);
    const made = await res.json();
    expect(made.url).toMatch(/\/po\/[^/]+$/);
    expect(made.message).toContain(po.poNumber);
    expect(made.whatsappUrl).toMatch(/^https:\/\/wa\.me\/442079460018\?text=/);
    token = made.url.split('/po/')[1];
  });

  it('the vendor opens it with no sign-in: their PO, the event date and venue, paid and due; nothing else', async () => {
    const res = await publicGet(`/${token}`);
    expect(res.status).toBe(200);
    const po2 = await res.json();
    expect(po2).toMatchObject({
      poNumber: po.poNumber,
      vendorName: 'Lens & Light London',
      currency: 'GBP',
      amountMinor: 800_00,
      paidMinor: 0,
      dueMinor: 800_00,
      status: 'requested',
      canAccept: true,
    });
    expect(po2.event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(po2.event).toHaveProperty('venue');
    const text = JSON.stringify(po2);
    for (const word of ['margin', 'revenue', 'receivable', 'quote', 'clientId', 'bank'])
      expect(text.toLowerCase()).not.toContain(word);
    const { links } = await (await get(`/assignments/${po.id}/links`)).json();
    expect(links[0].lastOpenedAt).not.toBeNull();
    const pdf = await publicGet(`/${token}/pdf`);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  it('an altered token, or one made for another purpose, is refused (403) and opens nothing', async () => {
    const [id, exp, sig] = token.split('.') as [string, string, string];
    expect((await publicGet(`/${id}.${Number(exp) + 60}.${sig}`)).status).toBe(403);
    const quoteToken = await signLink(t.deps.env.JWT_SECRET, LINK_PURPOSE.quoteShare, id, new Date(Number(exp) * 1000));
    expect((await publicGet(`/${quoteToken}`)).status).toBe(403);
    expect((await publicPost(`/${quoteToken}/accept`, { name: 'Amelia Hart' })).status).toBe(403);
  });

  it('the vendor accepts with a typed name: the PO is confirmed and booked; a second accept changes nothing', async () => {
    expect((await publicPost(`/${token}/accept`, { name: 'A' })).status).toBe(400);
    const res = await publicPost(`/${token}/accept`, { name: 'Amelia Hart' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'confirmed', acceptedName: 'Amelia Hart', canAccept: false });
    const { assignment } = await (await get(`/assignments/${po.id}`)).json();
    expect(assignment).toMatchObject({ status: 'confirmed', poAcceptedName: 'Amelia Hart' });
    expect(assignment.poAcceptedAt).not.toBeNull();
    // GBP→INR 107.00 is stored (above), so accepting booked the payable at it
    expect(await postings((await accrualOf(po.id))!)).toEqual([
      ['cost:vendor:photography', 'GBP', 800_00, 85_600_00],
      [`vendor:${londonId}:payable`, 'GBP', -800_00, -85_600_00],
    ]);
    const entries = await countRows(t.deps, 'journal_entries');
    const again = await publicPost(`/${token}/accept`, { name: 'Amelia Hart' });
    expect(again.status).toBe(409);
    expect(await countRows(t.deps, 'journal_entries')).toBe(entries);
    const audit = await t.deps.db.$client.execute({
      sql: "SELECT count(*) n FROM event_log WHERE type = 'vendor_po.accepted' AND aggregate_id = ?",
      args: [po.id],
    });
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });

  it('a payment shows on the link as paid and due', async () => {
    const pay = await post(
      `/assignments/${po.id}/payments`,
      { amountMinor: 300_00, mode: 'neft', paidOn: '2026-11-28' },
      'finance',
      'gbp-link-pay',
    );
    expect(pay.status).toBe(201);
    const seen = await (await publicGet(`/${token}`)).json();
    expect(seen).toMatchObject({ paidMinor: 300_00, dueMinor: 500_00 });
    expect(seen.payments).toEqual([expect.objectContaining({ amountMinor: 300_00, paidOn: '2026-11-28' })]);
  });

  it('a withdrawn link answers 410 at once; an expired one 410 with its date', async () => {
    const { links } = await (await get(`/assignments/${po.id}/links`)).json();
    const revoke = await post(`/links/${links[0].id}/revoke`, {});
    expect(revoke.status).toBe(200);
    expect((await revoke.json()).link.revokedAt).not.toBeNull();
    const gone = await publicGet(`/${token}`);
    expect(gone.status).toBe(410);
    expect((await gone.json()).error.message).toContain('withdrawn');
    expect((await publicGet(`/${token}/pdf`)).status).toBe(410);

    const fresh = await (await post(`/assignments/${po.id}/links`, { days: 1 })).json();
    const id = fresh.link.id as string;
    const old = await signLink(t.deps.env.JWT_SECRET, PO_LINK_PURPOSE, id, new Date(Date.now() - 86_400_000));
    const expired = await publicGet(`/${old}`);
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.message).toMatch(/expired on \d{2}\/\d{2}\/\d{4}/);
  });
});
