import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '@mandap/shared/common';
import { amountInWords, formatMoney } from '@mandap/shared/money';
import { MAX_INVOICE_NUMBER_LENGTH, type TaxDocument } from '@mandap/shared/payments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { bareEvent, eventWithAcceptedQuote, plannedEvent, postPayment } from '../payments/payments-test-kit.ts';
import { clientEvents } from '../quotes/quote-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

/** ₹11,80,000 of which ₹1,80,000 GST (CGST + SGST: the demo client is in Maharashtra, like the company). */
const GST_CONTRACT = { totalMinor: 11_80_000_00, taxMinor: 1_80_000_00 };

async function issue(body: Record<string, unknown>, key = newId()) {
  const res = await t.json('POST', '/api/invoices', body, { ...finance, 'idempotency-key': key });
  return { status: res.status, body: (await res.json()) as TaxDocument & { error?: { message: string } } };
}

async function pdfText(path: string, name: string, auth = finance): Promise<string> {
  const res = await t.json('GET', path, undefined, auth);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const file = join(t.dir, `${name}.pdf`);
  writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
  const shots = process.env.PAYMENTS_PDF_SHOTS ?? '/tmp/shots-payments';
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, join(shots, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

async function integrity() {
  return (await (await t.json('GET', '/api/payments/integrity', undefined, finance)).json()).mismatches;
}

describe('GST tax invoices', () => {
  it('invoices a milestone with CGST and SGST in the contract proportions, posting revenue, GST and receivable', async () => {
    const e = await plannedEvent(t, finance, GST_CONTRACT);
    const r = await issue({ eventId: e.eventId, milestoneId: e.milestones[0]!.id });
    expect(r.status).toBe(201);
    expect(r.body.number).toMatch(/^INV\/\d{4}\/\d{6}$/);
    expect(r.body).toMatchObject({
      taxableMinor: 3_00_000_00,
      cgstMinor: 27_000_00,
      sgstMinor: 27_000_00,
      igstMinor: 0,
      totalMinor: 3_54_000_00,
      placeOfSupply: '27',
    });
    const q = `?eventId=${e.eventId}`;
    const accounts = (await (await t.json('GET', `/api/payments/balances${q}`, undefined, finance)).json()).accounts;
    const bal = (a: string) => accounts.find((x: { account: string }) => x.account === a)?.amountMinor;
    expect(bal(`client:${e.clientId}:receivable`)).toBe(3_54_000_00);
    expect(bal('revenue:wedding')).toBe(-3_00_000_00);
    expect(bal('gst:output:cgst')).toBe(-27_000_00);
    expect(bal('gst:output:sgst')).toBe(-27_000_00);
    expect(await integrity()).toEqual([]);

    const again = await issue({ eventId: e.eventId, milestoneId: e.milestones[0]!.id });
    expect(again.status).toBe(422);
    expect(again.body.error!.message).toContain(`already invoiced as ${r.body.number}`);

    const text = await pdfText(`/api/invoices/${r.body.id}/pdf`, 'invoice-milestone');
    expect(text).toContain('TAX INVOICE');
    expect(text).toContain(r.body.number);
    expect(text).toContain('₹');
    expect(text).toContain(formatMoney({ amountMinor: 3_54_000_00, currency: 'INR' }));
    expect(text).toContain(formatMoney({ amountMinor: 27_000_00, currency: 'INR' }));
    expect(text).toContain('998596');
    expect(text).toMatch(/PLACE OF SUPPLY[\s\S]*Maharashtra \(27\)[\s\S]*CGST \+ SGST[\s\S]*Currency INR/);
    expect(text.replace(/\s+/g, ' ')).toContain(amountInWords({ amountMinor: 3_54_000_00, currency: 'INR' }));
  });

  it('invoices the rest of the contract, then refuses once it is invoiced in full', async () => {
    const e = await plannedEvent(t, finance, GST_CONTRACT);
    await issue({ eventId: e.eventId, milestoneId: e.milestones[0]!.id });
    const rest = await issue({ eventId: e.eventId });
    expect(rest.status).toBe(201);
    expect(rest.body.totalMinor).toBe(11_80_000_00 - 3_54_000_00);
    expect(rest.body.cgstMinor + 27_000_00).toBe(90_000_00);
    const more = await issue({ eventId: e.eventId });
    expect(more.status).toBe(422);
    expect(more.body.error!.message).toMatch(/invoiced in full/);
  });

  it('refuses an event with no accepted quotation and a milestone of another event', async () => {
    const e = await plannedEvent(t, finance, GST_CONTRACT);
    const other = await plannedEvent(t, finance, GST_CONTRACT);
    expect((await issue({ eventId: e.eventId, milestoneId: other.milestones[0]!.id })).status).toBe(404);
    const none = await issue({ eventId: (await bareEvent(t)).eventId });
    expect(none.status).toBe(422);
    expect(none.body.error?.message).toMatch(/accepted/);
  });

  it('numbers 32 concurrent issuances consecutively, with no duplicates, each within 16 characters', async () => {
    const events = await Promise.all(Array.from({ length: 32 }, () => eventWithAcceptedQuote(t, GST_CONTRACT)));
    const replies = await Promise.all(events.map((e) => issue({ eventId: e.eventId })));
    expect(replies.map((r) => r.status)).toEqual(Array(32).fill(201));
    const numbers = replies.map((r) => r.body.number);
    expect(new Set(numbers).size).toBe(32);
    expect(numbers.every((n) => n.length <= MAX_INVOICE_NUMBER_LENGTH)).toBe(true);
    const seqs = numbers.map((n) => Number(n.split('/')[2])).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(31);
    const rs = await t.deps.db.$client.execute(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d FROM tax_documents WHERE kind = 'invoice'",
    );
    expect(Number(rs.rows[0]!.n)).toBe(Number(rs.rows[0]!.d));
    expect(await integrity()).toEqual([]);
  });
});

describe('receipts and credit notes', () => {
  it('prints a receipt with ₹, the milestone it paid and the amount in words', async () => {
    const e = await plannedEvent(t, finance, GST_CONTRACT);
    const p = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'neft',
      reference: 'HDFC-NEFT-771',
      receivedOn: '2026-05-02',
      amountMinor: 3_54_000_00,
      currency: 'INR',
    });
    expect(p.status).toBe(201);
    const text = await pdfText(`/api/invoices/receipts/${p.body.payment.id}/pdf`, 'receipt');
    expect(text).toContain('RECEIPT');
    expect(text).toContain(p.body.payment.code);
    expect(text).toContain('HDFC-NEFT-771');
    expect(text).toContain(formatMoney({ amountMinor: 3_54_000_00, currency: 'INR' }));
    expect(text).toContain(e.milestones[0]!.label);
    expect(text.replace(/\s+/g, ' ')).toContain('Rupees Three Lakh Fifty-Four Thousand Only');
  });

  it('issues a credit note for a refund of invoiced value, giving back revenue and GST in proportion', async () => {
    const e = await plannedEvent(t, finance, GST_CONTRACT);
    const inv = await issue({ eventId: e.eventId, milestoneId: e.milestones[0]!.id });
    const p = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'upi',
      receivedOn: '2026-05-02',
      amountMinor: 3_54_000_00,
      currency: 'INR',
    });
    const refund = await t.json(
      'POST',
      `/api/payments/${p.body.payment.id}/refunds`,
      { kind: 'refund', amountMinor: 1_18_000_00, reason: 'Scope reduced: no fireworks' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect(refund.status).toBe(201);
    expect((await refund.json()).payment.code).toBe(`${p.body.payment.code}-RF1`);
    const docs = (await (await t.json('GET', `/api/invoices/events/${e.eventId}`, undefined, finance)).json())
      .documents as TaxDocument[];
    const cn = docs.find((d) => d.kind === 'credit_note')!;
    expect(cn.number).toMatch(/^CN\/\d{4}\/\d{6}$/);
    expect(cn).toMatchObject({
      taxableMinor: 1_00_000_00,
      cgstMinor: 9_000_00,
      sgstMinor: 9_000_00,
      totalMinor: 1_18_000_00,
    });
    expect(await integrity()).toEqual([]);
    const text = await pdfText(`/api/invoices/${cn.id}/pdf`, 'credit-note');
    expect(text).toContain('CREDIT NOTE');
    expect(text).toMatch(/PLACE OF SUPPLY[\s\S]*Maharashtra \(27\)/);
    expect(text).toContain(cn.number);
    expect(text).toContain(formatMoney({ amountMinor: 1_18_000_00, currency: 'INR' }));
    expect(inv.body.number).not.toBe(cn.number);
  });

  it('issues no credit note for a refund of money never invoiced', async () => {
    const e = await plannedEvent(t, finance, GST_CONTRACT);
    const p = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'cash',
      receivedOn: '2026-05-02',
      amountMinor: 1000_00,
      currency: 'INR',
    });
    const refund = await t.json(
      'POST',
      `/api/payments/${p.body.payment.id}/refunds`,
      { kind: 'refund', reason: 'Paid twice by mistake' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect(refund.status).toBe(201);
    const docs = (await (await t.json('GET', `/api/invoices/events/${e.eventId}`, undefined, finance)).json())
      .documents;
    expect(docs).toEqual([]);
  });

  it('keeps clients to their own events: 404 for a foreign event, 403 for issuing', async () => {
    const client = (await t.login('client@mandap.demo')).auth;
    const { linked, foreign } = await clientEvents(t);
    expect((await t.json('GET', `/api/invoices/events/${linked}`, undefined, client)).status).toBe(200);
    expect((await t.json('GET', `/api/invoices/events/${foreign}`, undefined, client)).status).toBe(404);
    const e = await plannedEvent(t, finance, GST_CONTRACT);
    const inv = await issue({ eventId: e.eventId, milestoneId: e.milestones[0]!.id });
    expect((await t.json('GET', `/api/invoices/${inv.body.id}/pdf`, undefined, client)).status).toBe(404);
    const p = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'upi',
      receivedOn: '2026-05-02',
      amountMinor: 100_00,
      currency: 'INR',
    });
    expect((await t.json('GET', `/api/invoices/receipts/${p.body.payment.id}/pdf`, undefined, client)).status).toBe(
      404,
    );
    const r = await t.json('POST', '/api/invoices', { eventId: linked }, { ...client, 'idempotency-key': newId() });
    expect(r.status).toBe(403);
  });
});
