import { newId } from '@mandap/shared/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test-support.ts';
import { countRows } from '../../test-support.ts';
import { eventWithAcceptedQuote, postPayment } from '../payments/payments-test-kit.ts';
import {
  balanceOf,
  deliverRazorpay,
  deliverStripe,
  eventWithLink,
  rzp,
  startGatewayApp,
  stripeEvents,
} from './gateway-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
let close: () => void;
beforeAll(async () => {
  ({ t, finance, close } = await startGatewayApp());
});
afterAll(() => close());

const milestonesOf = async (eventId: string) =>
  (await (await t.json('GET', `/api/payments/events/${eventId}/milestones`, undefined, finance)).json()).milestones as {
    id: string;
    paidMinor: number;
    status: string;
  }[];
const paymentsOf = async (eventId: string) =>
  (await (await t.json('GET', `/api/payments/events/${eventId}/payments`, undefined, finance)).json()).payments as {
    id: string;
    code: string;
    amountMinor: number;
    unallocatedMinor: number;
    reversesPaymentId: string | null;
  }[];
const integrity = async () =>
  (await (await t.json('GET', '/api/payments/integrity', undefined, finance)).json()).mismatches;
const idem = () => ({ ...finance, 'idempotency-key': newId() });

describe('a capture is booked exactly once, never refused', () => {
  it('pays the link milestone, then the next open ones, and holds the surplus as credit on account; finance is told', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 1000 });
    const pay = `pay_over_${newId()}`;
    const r = await deliverRazorpay(t, rzp.linkPaid(e.link.providerLinkId, pay, 1250));
    expect(r).toMatchObject({ status: 200, body: { status: 'processed', reason: 'recorded' } });
    expect((await milestonesOf(e.eventId)).map((m) => m.paidMinor)).toEqual([300, 500, 200]);
    const [p] = await paymentsOf(e.eventId);
    expect(p).toMatchObject({ amountMinor: 1250, unallocatedMinor: 250 });
    expect(await balanceOf(t, `client:${e.clientId}:advance`)).toBeLessThanOrEqual(-250);
    const told = await t.deps.db.$client.execute({
      sql: "SELECT recipient FROM notification_outbox WHERE template = 'finance_credit_on_account' AND payload LIKE ?",
      args: [`%${p!.id}%`],
    });
    expect(told.rows.map((x) => x.recipient)).toEqual(['role:finance']);
    const credits = await (await t.json('GET', '/api/payments/credits', undefined, finance)).json();
    expect(credits.credits.find((c: { eventId: string }) => c.eventId === e.eventId)).toMatchObject({
      creditMinor: 250,
    });
    // The same capture told again (another event id, another event type): no second booking.
    expect((await deliverRazorpay(t, rzp.captured(pay, 1250))).body.reason).toBe('already recorded');
    expect(await paymentsOf(e.eventId)).toHaveLength(1);
    expect(await integrity()).toEqual([]);
  });

  it('records an advance whatever the booking stage (an enquiry is not a reason to refuse money)', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 1000, status: 'enquiry' });
    const r = await deliverRazorpay(t, rzp.linkPaid(e.link.providerLinkId, `pay_enq_${newId()}`, 300));
    expect(r.status).toBe(200);
    expect((await milestonesOf(e.eventId))[0]!.status).toBe('paid');
  });

  it('books an unmatched capture to suspense (200), lists it, and finance resolves it to an event', async () => {
    const bankBefore = await balanceOf(t, 'bank:razorpay');
    const pay = `pay_lost_${newId()}`;
    const r = await deliverRazorpay(t, rzp.linkPaid('plink_nobody_knows', pay, 700));
    expect(r).toMatchObject({ status: 200, body: { status: 'processed' } });
    expect(r.body.reason).toMatch(/suspense/);
    expect(await balanceOf(t, 'bank:razorpay')).toBe(bankBefore + 700);
    expect(await balanceOf(t, 'suspense:razorpay')).toBeLessThanOrEqual(-700);
    const list = await (await t.json('GET', '/api/payments/suspense', undefined, finance)).json();
    const item = list.items.find((i: { providerPaymentId: string }) => i.providerPaymentId === pay);
    expect(item).toMatchObject({ status: 'open', amountMinor: 700, linkRef: 'plink_nobody_knows' });

    const e = await eventWithLink(t, finance, { totalMinor: 1000 });
    const bad = await t.json('POST', `/api/payments/suspense/${item.id}/resolve`, { eventId: 'nope' }, idem());
    expect(bad.status).toBe(400);
    const ok = await t.json('POST', `/api/payments/suspense/${item.id}/resolve`, { eventId: e.eventId }, idem());
    expect(ok.status).toBe(201);
    expect((await ok.json()).item.status).toBe('resolved');
    expect((await milestonesOf(e.eventId)).map((m) => m.paidMinor)).toEqual([300, 400, 0]);
    expect(await balanceOf(t, 'bank:razorpay')).toBe(bankBefore + 700);
    const again = await t.json('POST', `/api/payments/suspense/${item.id}/resolve`, { eventId: e.eventId }, idem());
    expect(again.status).toBe(409);
    expect(await integrity()).toEqual([]);
  });

  it('a payment.captured with no link, then payment_link.paid for it: booked once, to the link', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 1000 });
    const pay = `pay_ooo_${newId()}`;
    expect((await deliverRazorpay(t, rzp.captured(pay, 300))).body.reason).toMatch(/suspense/);
    const moved = await deliverRazorpay(t, rzp.linkPaid(e.link.providerLinkId, pay, 300));
    expect(moved.body.reason).toMatch(/moved .* from suspense to link/);
    expect((await milestonesOf(e.eventId))[0]!.paidMinor).toBe(300);
    expect(await paymentsOf(e.eventId)).toHaveLength(1);
    expect(await integrity()).toEqual([]);
  });
});

describe('a capture the books cannot take as a payment', () => {
  it('an AED capture with no AED→INR rate stored is refused as a payment but still booked, to suspense, with the payment rolled back', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 10_000, currency: 'AED' });
    const receipts = await countRows(t.deps, 'payments');
    const r = await deliverStripe(
      t,
      stripeEvents.session('checkout.session.completed', {
        id: e.link.providerLinkId,
        linkId: e.link.id,
        amount: 3000,
        pi: `pi_${newId()}`,
        paid: true,
        currency: 'aed',
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.reason).toMatch(/booked to suspense: .*No AED→INR rate is stored/);
    expect(await countRows(t.deps, 'payments')).toBe(receipts);
    expect(await balanceOf(t, 'bank:stripe', 'AED')).toBe(3000);
    expect(await balanceOf(t, 'suspense:stripe', 'AED')).toBe(-3000);
    expect(await integrity()).toEqual([]);
  });
});

describe('gateway refunds become reversing entries', () => {
  it('Razorpay refund.processed: once per refund id, bank and milestone paid back', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 1000 });
    const pay = `pay_rf_${newId()}`;
    await deliverRazorpay(t, rzp.linkPaid(e.link.providerLinkId, pay, 300));
    const bank = await balanceOf(t, 'bank:razorpay');
    const refund = rzp.refundProcessed(`rfnd_${newId()}`, pay, 120, 300);
    const r = await deliverRazorpay(t, refund);
    expect(r.body.reason).toMatch(/refund booked as RC/);
    expect(await balanceOf(t, 'bank:razorpay')).toBe(bank - 120);
    expect((await milestonesOf(e.eventId))[0]!.paidMinor).toBe(180);
    expect((await deliverRazorpay(t, refund)).body.reason).toBe('refund already booked');
    expect(await balanceOf(t, 'bank:razorpay')).toBe(bank - 120);
    const rows = await paymentsOf(e.eventId);
    expect(rows.filter((p) => p.reversesPaymentId)).toHaveLength(1);
    expect(await integrity()).toEqual([]);
  });

  it('a refund that arrives before its capture: the capture is held, the refund released, then the link gets the rest', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 1000 });
    const pay = `pay_early_${newId()}`;
    const bank = await balanceOf(t, 'bank:razorpay');
    const r = await deliverRazorpay(t, rzp.refundProcessed(`rfnd_${newId()}`, pay, 100, 300));
    expect(r.body.reason).toMatch(/capture first: booked to suspense.*refund released from suspense/);
    expect(await balanceOf(t, 'bank:razorpay')).toBe(bank + 200);
    await deliverRazorpay(t, rzp.linkPaid(e.link.providerLinkId, pay, 300));
    expect((await milestonesOf(e.eventId))[0]!.paidMinor).toBe(200);
    expect(await balanceOf(t, 'bank:razorpay')).toBe(bank + 200);
    expect(await integrity()).toEqual([]);
  });
});

describe('Stripe delayed methods and refunds', () => {
  it('books nothing while a delayed payment processes, books it on async_payment_succeeded, nothing on _failed', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 10_000, currency: 'USD' });
    const s = { id: e.link.providerLinkId, linkId: e.link.id, amount: 3000, pi: `pi_${newId()}` };
    const before = await countRows(t.deps, 'payments');
    const pending = await deliverStripe(t, stripeEvents.session('checkout.session.completed', { ...s, paid: false }));
    expect(pending.body.reason).toMatch(/still processing/);
    expect(await countRows(t.deps, 'payments')).toBe(before);
    const ok = await deliverStripe(
      t,
      stripeEvents.session('checkout.session.async_payment_succeeded', { ...s, paid: true }),
    );
    expect(ok.body.reason).toBe('recorded');
    expect((await milestonesOf(e.eventId))[0]!.status).toBe('paid');

    const other = await eventWithLink(t, finance, { totalMinor: 10_000, currency: 'USD' });
    const failed = await deliverStripe(
      t,
      stripeEvents.session('checkout.session.async_payment_failed', {
        id: other.link.providerLinkId,
        linkId: other.link.id,
        amount: 3000,
        pi: `pi_${newId()}`,
        paid: false,
      }),
    );
    expect(failed.body.reason).toMatch(/failed: nothing booked/);
    expect((await milestonesOf(other.eventId))[0]!.paidMinor).toBe(0);

    // charge.refunded: each refund id once; a later delivery with one more refund books only that.
    const bank = await balanceOf(t, 'bank:stripe', 'USD');
    const first = [{ id: `re_${newId()}`, amount: 500 }];
    await deliverStripe(t, stripeEvents.chargeRefunded({ pi: s.pi, amount: 3000, refunds: first }));
    await deliverStripe(t, stripeEvents.chargeRefunded({ pi: s.pi, amount: 3000, refunds: first }));
    expect(await balanceOf(t, 'bank:stripe', 'USD')).toBe(bank - 500);
    const second = [...first, { id: `re_${newId()}`, amount: 700 }];
    await deliverStripe(t, stripeEvents.chargeRefunded({ pi: s.pi, amount: 3000, refunds: second }));
    expect(await balanceOf(t, 'bank:stripe', 'USD')).toBe(bank - 1200);
    expect((await milestonesOf(e.eventId))[0]!.paidMinor).toBe(1800);
    expect(await integrity()).toEqual([]);
  });
});

describe('credit on account and reconciliation', () => {
  it('money before a plan is credit on account; finance applies it to the plan once made', async () => {
    const e = await eventWithAcceptedQuote(t, { totalMinor: 1000 });
    const r = await postPayment(t, finance, {
      eventId: e.eventId,
      mode: 'neft',
      receivedOn: '2026-11-01',
      amountMinor: 400,
      currency: 'INR',
    });
    expect(r.status).toBe(201);
    expect(r.body.payment.unallocatedMinor).toBe(400);
    expect((await t.json('POST', '/api/payments/milestone-plans', { eventId: e.eventId }, finance)).status).toBe(201);
    const over = await t.json('POST', `/api/payments/events/${e.eventId}/credit/apply`, { amountMinor: 401 }, idem());
    expect(over.status).toBe(422);
    expect((await over.json()).error.message).toMatch(/holds 400 paise.*401/);
    const applied = await t.json('POST', `/api/payments/events/${e.eventId}/credit/apply`, {}, idem());
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({ applied: 400, creditMinor: 0 });
    expect((await milestonesOf(e.eventId)).map((m) => m.paidMinor)).toEqual([300, 100, 0]);
    expect(await integrity()).toEqual([]);
  });

  it('the reconciliation lists every gateway capture next to its booking, with no difference to the bank', async () => {
    const rec = await (await t.json('GET', '/api/payments/reconciliation', undefined, finance)).json();
    expect(rec.rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rec.rows) expect(row.differenceMinor).toBe(0);
    for (const total of rec.totals) expect(total.differenceMinor).toBe(0);
    // Only the AED capture (no rate to book it by) is still held in suspense.
    expect(
      rec.rows.filter((r: { inSuspense: boolean }) => r.inSuspense).map((r: { currency: string }) => r.currency),
    ).toEqual(['AED']);
    expect(rec.inbox.length).toBeGreaterThan(0);
  });
});

const creditOfEvent = async (eventId: string) =>
  (
    (await (await t.json('GET', '/api/payments/credits', undefined, finance)).json()).credits as {
      eventId: string;
      creditMinor: number;
    }[]
  ).find((c) => c.eventId === eventId)?.creditMinor ?? 0;

describe('credit a gateway collected', () => {
  it('is not refunded by hand: finance is told to refund it at the gateway, whose refund report books it once', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 1000 });
    const pay = `pay_surplus_${newId()}`;
    await deliverRazorpay(t, rzp.linkPaid(e.link.providerLinkId, pay, 1250));
    expect(await creditOfEvent(e.eventId)).toBe(250);
    const paymentsBefore = await countRows(t.deps, 'payments');
    const byHand = await t.json(
      'POST',
      `/api/payments/events/${e.eventId}/credit/refund`,
      { amountMinor: 250, reason: 'surplus returned' },
      idem(),
    );
    expect(byHand.status).toBe(422);
    const err = (await byHand.json()).error;
    expect(err.message).toMatch(/250 paise of .* was collected by Razorpay .*refund it in Razorpay/);
    expect(err.fields.amountMinor).toMatch(/at most 0 here/);
    // The per-payment refund refuses it too.
    const paymentId = String(
      (
        await t.deps.db.$client.execute({
          sql: `SELECT id FROM payments WHERE event_id = ? AND mode = 'razorpay' AND reverses_payment_id IS NULL`,
          args: [e.eventId],
        })
      ).rows[0]?.id,
    );
    const perPayment = await t.json(
      'POST',
      `/api/payments/${paymentId}/refunds`,
      { kind: 'refund', amountMinor: 250, reason: 'surplus returned' },
      idem(),
    );
    expect(perPayment.status).toBe(422);
    expect((await perPayment.json()).error.message).toMatch(/refund it in Razorpay/);
    expect(await countRows(t.deps, 'payments')).toBe(paymentsBefore);
    expect(await creditOfEvent(e.eventId)).toBe(250);

    // Refunded at the gateway: booked once (the same report again changes nothing), and the credit is gone.
    const refund = rzp.refundProcessed(`rfnd_${newId()}`, pay, 250, 250);
    await deliverRazorpay(t, refund);
    await deliverRazorpay(t, refund);
    expect(await countRows(t.deps, 'payments')).toBe(paymentsBefore + 1);
    expect(await creditOfEvent(e.eventId)).toBe(0);
    expect(await integrity()).toEqual([]);
  });
});

describe('credit on account below zero', () => {
  it('gateway refunds beyond what the event held leave credit below zero; finance writes it off with a reason and the books stay whole', async () => {
    const e = await eventWithLink(t, finance, { totalMinor: 1000 });
    const pay = `pay_neg_${newId()}`;
    await deliverRazorpay(t, rzp.linkPaid(e.link.providerLinkId, pay, 1250));
    // The gateway reports the ₹2.50 surplus refunded …
    await deliverRazorpay(t, rzp.refundProcessed(`rfnd_${newId()}`, pay, 250, 250));
    // … and then a refund of the whole capture: a gateway's report is a fact and is booked, 250 more than the event held.
    await deliverRazorpay(t, rzp.refundProcessed(`rfnd_${newId()}`, pay, 1250, 1250));
    const creditOf = () => creditOfEvent(e.eventId);
    expect(await creditOf()).toBe(-250);

    const bad = await t.json('POST', `/api/payments/events/${e.eventId}/credit/write-off`, { reason: '' }, idem());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('reason');
    const key = idem();
    const off = await t.json(
      'POST',
      `/api/payments/events/${e.eventId}/credit/write-off`,
      { reason: 'gateway refunded twice; not recoverable' },
      key,
    );
    expect(off.status).toBe(201);
    expect(await off.json()).toEqual({ writtenOffMinor: 250, creditMinor: 0 });
    // The same key again replays; a second write-off is refused with the reason.
    const replay = await t.json(
      'POST',
      `/api/payments/events/${e.eventId}/credit/write-off`,
      { reason: 'gateway refunded twice; not recoverable' },
      key,
    );
    expect(replay.status).toBe(201);
    const again = await t.json(
      'POST',
      `/api/payments/events/${e.eventId}/credit/write-off`,
      { reason: 'once more' },
      idem(),
    );
    expect(again.status).toBe(422);
    expect(await creditOf()).toBe(0);
    const bal = (await (await t.json('GET', `/api/payments/balances?eventId=${e.eventId}`, undefined, finance)).json())
      .accounts as { account: string; amountMinor: number }[];
    const of = (account: string) => bal.find((a) => a.account === account)?.amountMinor ?? 0;
    expect(of(`client:${e.clientId}:advance`)).toBe(0);
    expect(of('loss:written_off')).toBe(250);
    const tb = await (await t.json('GET', '/api/payments/trial-balance', undefined, finance)).json();
    expect(tb.isBalanced).toBe(true);
    expect(await integrity()).toEqual([]);
  });
});
