import { newId } from '@mandap/shared/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test-support.ts';
import { countRows } from '../../test-support.ts';
import { deliverRazorpay, rzp, startGatewayApp } from '../gateways/gateway-test-kit.ts';
import { eventWithAcceptedQuote, postPayment } from './payments-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
let close: () => void;
beforeAll(async () => {
  ({ t, finance, close } = await startGatewayApp());
});
afterAll(() => close());

const idem = () => ({ ...finance, 'idempotency-key': newId() });
const neft = (eventId: string, amountMinor: number) => ({
  eventId,
  mode: 'neft',
  receivedOn: '2026-11-01',
  amountMinor,
  currency: 'INR',
});
const creditRow = async (eventId: string) =>
  (
    (await (await t.json('GET', '/api/payments/credits', undefined, finance)).json()).credits as {
      eventId: string;
      creditMinor: number;
      byGatewayMinor: number;
      byHandMinor: number;
    }[]
  ).find((c) => c.eventId === eventId);
const refund = (eventId: string, amountMinor: number) =>
  t.json('POST', `/api/payments/events/${eventId}/credit/refund`, { amountMinor, reason: 'paid twice' }, idem());
const plan = async (eventId: string) =>
  expect((await t.json('POST', '/api/payments/milestone-plans', { eventId }, finance)).status).toBe(201);
const apply = async (eventId: string, amountMinor: number) =>
  expect((await t.json('POST', `/api/payments/events/${eventId}/credit/apply`, { amountMinor }, idem())).status).toBe(
    201,
  );

/** Gateway money held as credit: a Razorpay capture no link matched, booked to the event from suspense. */
async function gatewayCredit(eventId: string, amountMinor: number) {
  const pay = `pay_credit_${newId()}`;
  await deliverRazorpay(t, rzp.captured(pay, amountMinor));
  const items = (await (await t.json('GET', '/api/payments/suspense', undefined, finance)).json()).items as {
    id: string;
    providerPaymentId: string;
  }[];
  const item = items.find((i) => i.providerPaymentId === pay)!;
  const res = await t.json('POST', `/api/payments/suspense/${item.id}/resolve`, { eventId }, idem());
  expect(res.status).toBe(201);
  return pay;
}

describe("a credit refund is held to the event's credit (eventCreditOf), not the receipts' surplus", () => {
  it('refuses more than the event holds once credit was applied, naming the field, and changes nothing', async () => {
    const e = await eventWithAcceptedQuote(t, { totalMinor: 1000 });
    expect((await postPayment(t, finance, neft(e.eventId, 100))).status).toBe(201);
    expect((await postPayment(t, finance, neft(e.eventId, 300))).status).toBe(201);
    await plan(e.eventId);
    await apply(e.eventId, 300);
    // The two receipts still show 400 of surplus between them; the event holds 100.
    expect(await creditRow(e.eventId)).toMatchObject({ creditMinor: 100, byGatewayMinor: 0, byHandMinor: 100 });
    const before = await countRows(t.deps, 'payments');
    const over = await refund(e.eventId, 250);
    expect(over.status).toBe(422);
    const err = (await over.json()).error;
    expect(err.message).toMatch(/holds 100 paise of credit on account; a refund of 250 is more/);
    expect(err.fields).toEqual({ amountMinor: 'at most 100' });
    expect(await countRows(t.deps, 'payments')).toBe(before);
    expect((await creditRow(e.eventId))?.creditMinor).toBe(100);

    expect((await refund(e.eventId, 100)).status).toBe(201);
    expect(await creditRow(e.eventId)).toBeUndefined();
  });

  it('keeps what a gateway collected for the gateway to refund: credit applied is not paid back by hand twice', async () => {
    const e = await eventWithAcceptedQuote(t, { totalMinor: 1000 });
    const pay = await gatewayCredit(e.eventId, 250);
    expect((await postPayment(t, finance, neft(e.eventId, 300))).status).toBe(201);
    expect(await creditRow(e.eventId)).toMatchObject({ creditMinor: 550, byGatewayMinor: 250, byHandMinor: 300 });
    await plan(e.eventId);
    await apply(e.eventId, 300);
    // 250 is left, and Razorpay may still refund its 250: none of it is paid back from here.
    expect(await creditRow(e.eventId)).toMatchObject({ creditMinor: 250, byGatewayMinor: 250, byHandMinor: 0 });
    const before = await countRows(t.deps, 'payments');
    const byHand = await refund(e.eventId, 200);
    expect(byHand.status).toBe(422);
    const err = (await byHand.json()).error;
    expect(err.message).toMatch(/250 paise of .* was collected by Razorpay .*refund it in Razorpay/);
    expect(err.fields.amountMinor).toMatch(/at most 0 here/);
    expect(await countRows(t.deps, 'payments')).toBe(before);

    // The gateway's refund report is booked, never refused, and takes the credit to 0.
    const r = await deliverRazorpay(t, rzp.refundProcessed(`rfnd_${newId()}`, pay, 250, 250));
    expect(r.status).toBe(200);
    expect(await countRows(t.deps, 'payments')).toBe(before + 1);
    expect(await creditRow(e.eventId)).toBeUndefined();
  });
});
