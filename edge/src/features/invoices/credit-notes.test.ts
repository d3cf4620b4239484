import { newId } from '@mandap/shared/common';
import { financialYear, indiaDate as istDate } from '@mandap/shared/time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent, postPayment } from '../payments/payments-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

const idem = () => ({ ...finance, 'idempotency-key': newId() });
const invoice = (eventId: string, milestoneId?: string, issuedOn?: string) =>
  t.json(
    'POST',
    '/api/invoices',
    { eventId, ...(milestoneId ? { milestoneId } : {}), ...(issuedOn ? { issuedOn } : {}) },
    idem(),
  );
const documents = async (eventId: string) =>
  (await (await t.json('GET', `/api/invoices/events/${eventId}`, undefined, finance)).json()).documents as {
    kind: string;
    number: string;
    milestoneId: string | null;
    totalMinor: number;
  }[];
const refund = (paymentId: string, amountMinor: number) =>
  t.json('POST', `/api/payments/${paymentId}/refunds`, { kind: 'refund', amountMinor, reason: 'client asked' }, idem());
const pay = (eventId: string, amountMinor: number) =>
  postPayment(t, finance, { eventId, mode: 'neft', receivedOn: istDate(t.clock.now()), amountMinor, currency: 'INR' });
const integrity = async () =>
  (await (await t.json('GET', '/api/payments/integrity', undefined, finance)).json()).mismatches;

describe('credit notes reverse what they belong to', () => {
  it('a refund of money that was never invoiced changes no invoice, and the still-owed milestone can then be invoiced', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1180_00, taxMinor: 180_00 });
    const [m1, m2] = e.milestones;
    expect((await invoice(e.eventId, m1!.id)).status).toBe(201);
    const p = await pay(e.eventId, m1!.amountMinor + m2!.amountMinor);
    expect(p.status).toBe(201);
    // The refund takes back the latest milestone first: m2, which was never invoiced.
    const r = await refund(p.body.payment.id, m2!.amountMinor);
    expect(r.status).toBe(201);
    const docs = await documents(e.eventId);
    expect(docs.map((d) => d.kind)).toEqual(['invoice']);
    const inv2 = await invoice(e.eventId, m2!.id);
    expect(inv2.status).toBe(201);
    expect((await inv2.json()).totalMinor).toBe(m2!.amountMinor);
    expect(await integrity()).toEqual([]);
  });

  it('a refund of invoiced money gets a credit note against that milestone for that much; invoicing it again issues only the credited part', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1180_00, taxMinor: 180_00 });
    const [m1] = e.milestones;
    expect((await invoice(e.eventId, m1!.id)).status).toBe(201);
    const p = await pay(e.eventId, m1!.amountMinor);
    const r = await refund(p.body.payment.id, 120_00);
    expect(r.status).toBe(201);
    const notes = (await documents(e.eventId)).filter((d) => d.kind === 'credit_note');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ milestoneId: m1!.id, totalMinor: 120_00 });
    const again = await invoice(e.eventId, m1!.id);
    expect(again.status).toBe(201);
    expect((await again.json()).totalMinor).toBe(120_00);
    const third = await invoice(e.eventId, m1!.id);
    expect(third.status).toBe(422);
    expect((await third.json()).error.message).toMatch(/already invoiced as INV\//);
    expect(await integrity()).toEqual([]);
  });

  it('refuses a refund beyond what was paid, naming the amounts, and writes nothing', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000_00 });
    const p = await pay(e.eventId, 300_00);
    expect((await refund(p.body.payment.id, 100_00)).status).toBe(201);
    const before = await countRows(t.deps, 'postings');
    const r = await refund(p.body.payment.id, 250_00);
    expect(r.status).toBe(422);
    const body = await r.json();
    expect(body.error.message).toContain('20000 paise left to refund (30000 paid, 10000 refunded); 25000 is more');
    expect(body.error.fields).toHaveProperty('amountMinor');
    expect(await countRows(t.deps, 'postings')).toBe(before);
  });
});

describe('invoice dates', () => {
  it('refuses a date in the future or outside the financial year the number carries, naming the field; today is fine', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000_00 });
    const today = istDate(t.clock.now());
    const fyStart = `${financialYear(t.clock.now()).slice(0, 4)}-04-01`;
    const before = await countRows(t.deps, 'tax_documents');
    const future = await invoice(e.eventId, e.milestones[0]!.id, '2999-01-01');
    expect(future.status).toBe(422);
    expect((await future.json()).error.fields).toHaveProperty('issuedOn');
    const lastYear = new Date(`${fyStart}T00:00:00Z`);
    lastYear.setUTCDate(lastYear.getUTCDate() - 1);
    const old = await invoice(e.eventId, e.milestones[0]!.id, lastYear.toISOString().slice(0, 10));
    expect(old.status).toBe(422);
    expect((await old.json()).error.message).toMatch(/financial year .* numbered in/);
    expect(await countRows(t.deps, 'tax_documents')).toBe(before);
    expect((await invoice(e.eventId, e.milestones[0]!.id, today)).status).toBe(201);
  });
});
