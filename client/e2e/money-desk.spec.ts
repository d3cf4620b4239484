import { createHmac, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { apiAuth, newEvent, newPlannedEvent, openAs } from './helpers.ts';
import { RAZORPAY_E2E } from './razorpay-e2e.ts';

/** What Razorpay itself would send: a signed payment_link.paid for a link this house never made. */
async function strangerPayment(request: import('@playwright/test').APIRequestContext, payId: string, amount: number) {
  const raw = JSON.stringify({
    entity: 'event',
    event: 'payment_link.paid',
    contains: ['payment_link', 'payment'],
    payload: {
      payment_link: { entity: { id: 'plink_e2e_stranger', status: 'paid' } },
      payment: {
        entity: {
          id: payId,
          amount,
          currency: 'INR',
          status: 'captured',
          created_at: Math.floor(Date.now() / 1000),
          notes: [],
        },
      },
    },
    created_at: Math.floor(Date.now() / 1000),
  });
  return signedRazorpay(request, raw);
}

/** Posts a raw Razorpay webhook body signed as Razorpay signs it. */
function signedRazorpay(request: import('@playwright/test').APIRequestContext, raw: string) {
  return request.post('/api/webhooks/razorpay', {
    data: raw,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': createHmac('sha256', RAZORPAY_E2E.webhookSecret).update(raw).digest('hex'),
      'x-razorpay-event-id': randomUUID(),
    },
  });
}

test('money a gateway collected for an unknown link is held in suspense, booked to an event by finance, and reconciles', async ({
  browser,
  request,
}) => {
  // Booked to an event of its own, so no other spec's event gets an unplanned ₹5,000.
  const own = await newEvent(request, { name: 'Suspense' });
  const payId = `pay_e2e_${Date.now()}`;
  const res = await strangerPayment(request, payId, 5_000_00);
  // Never an error that makes Razorpay retry forever.
  expect(res.status()).toBe(200);
  expect((await res.json()).reason).toMatch(/suspense/);

  const { context, page } = await openAs(browser, 'finance@mandap.demo', '/finance');
  await page.getByRole('link', { name: /Money desk/ }).click();
  await expect(page.getByRole('heading', { name: 'Money desk' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(payId) });
  await expect(row).toContainText('₹5,000.00');
  await expect(row).toContainText('no payment link matches plink_e2e_stranger');

  await row.getByRole('combobox', { name: `Event for ${payId}` }).fill(own.eventCode);
  await page.getByRole('option', { name: new RegExp(own.eventCode) }).click();
  await row.getByRole('button', { name: 'Book to event' }).click();
  await expect(row.getByText('resolved')).toBeVisible();

  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  const rec = page.getByRole('row', { name: new RegExp(payId) });
  await expect(rec).toContainText('₹5,000.00');
  await expect(rec).toContainText('none');
  await expect(page.getByText(/razorpay INR: gateway .* · matches/)).toBeVisible();
  await context.close();
});

test('a gateway payment beyond what the event owes is held as credit on account; its refund goes through the gateway, whose report books it', async ({
  browser,
  request,
}) => {
  const finance = await apiAuth(request, 'finance@mandap.demo');
  // Its own booking with a plan: paying "everything the event owes" on a demo event would settle
  // money other specs count on (the dashboard's overdue instalment, the client's plan).
  const booked = await newPlannedEvent(request, { name: 'Overpaid' });
  const { milestones } = booked;
  const target = {
    code: booked.eventCode,
    milestoneId: milestones[0]!.id,
    owed: milestones.reduce((s, m) => s + m.amountMinor, 0),
  };
  const made = await request.post(`/api/milestones/${target.milestoneId}/payment-link`, { headers: finance });
  expect(made.status()).toBe(201);
  const linkId = (await made.json()).link.id;
  // The client pays ₹1,000 more than everything the event owes (Razorpay's payment.captured, naming the link in notes).
  const payId = `pay_e2e_over_${Date.now()}`;
  const raw = JSON.stringify({
    entity: 'event',
    event: 'payment.captured',
    contains: ['payment'],
    payload: {
      payment: {
        entity: {
          id: payId,
          amount: target.owed + 1_000_00,
          currency: 'INR',
          status: 'captured',
          created_at: Math.floor(Date.now() / 1000),
          notes: { mandap_link_id: linkId },
        },
      },
    },
    created_at: Math.floor(Date.now() / 1000),
  });
  const res = await signedRazorpay(request, raw);
  expect(res.status()).toBe(200);
  expect((await res.json()).reason).toBe('recorded');

  const { context, page } = await openAs(browser, 'finance@mandap.demo', '/finance/money-desk');
  await page.getByRole('tab', { name: 'Credit on account' }).click();
  const row = page.getByRole('row', { name: new RegExp(target.code) });
  await expect(row).toContainText('₹1,000.00');
  await expect(page.getByText(/Credit collected by Razorpay or Stripe is refunded in the gateway/)).toBeVisible();
  // Where the credit came from, which decides what the desk may pay back by hand.
  await expect(row).toContainText('₹1,000.00 by gateway · ₹0.00 received otherwise');
  // Razorpay collected it, so the desk does not book its refund by hand: it says where to refund it.
  await row.getByRole('textbox', { name: `Refund amount for ${target.code}` }).fill('400');
  await row.getByRole('textbox', { name: `Refund reason for ${target.code}` }).fill('paid twice by mistake');
  await row.getByRole('button', { name: 'Refund' }).click();
  await expect(row).toContainText('refund that in the gateway');
  // The server holds the same rule: the request the form would not send is refused there too.
  const byHand = await request.post(`/api/payments/events/${booked.eventId}/credit/refund`, {
    headers: { ...finance, 'idempotency-key': randomUUID() },
    data: { amountMinor: 400_00, reason: 'paid twice by mistake' },
  });
  expect(byHand.status()).toBe(422);
  expect((await byHand.json()).error.message).toMatch(/refund it in Razorpay/);
  await expect(row).toContainText('₹1,000.00');
  // Refunded in Razorpay: its refund report is booked, once, and the credit drops by what it paid back.
  const refundRaw = JSON.stringify({
    entity: 'event',
    event: 'refund.processed',
    contains: ['refund', 'payment'],
    payload: {
      refund: {
        entity: {
          id: `rfnd_e2e_${Date.now()}`,
          entity: 'refund',
          amount: 400_00,
          currency: 'INR',
          payment_id: payId,
          status: 'processed',
          created_at: Math.floor(Date.now() / 1000),
        },
      },
      payment: {
        entity: {
          id: payId,
          amount: target.owed + 1_000_00,
          currency: 'INR',
          status: 'refunded',
          created_at: Math.floor(Date.now() / 1000),
          notes: { mandap_link_id: linkId },
        },
      },
    },
    created_at: Math.floor(Date.now() / 1000),
  });
  const refunded = await signedRazorpay(request, refundRaw);
  expect(refunded.status()).toBe(200);
  await page.reload();
  await page.getByRole('tab', { name: 'Credit on account' }).click();
  await expect(page.getByRole('row', { name: new RegExp(target.code) })).toContainText(
    '₹600.00 by gateway · ₹0.00 received otherwise',
  );
  await context.close();
});

test('money on a cancelled booking is listed on the money desk and refunded from its event', async ({
  browser,
  request,
}) => {
  const tokenOf = async (email: string) => {
    const login = await request.post('/api/auth/login', { data: { email, password: 'Mandap@2026' } });
    return { Authorization: `Bearer ${(await login.json()).accessToken}` };
  };
  const [sales, manager, finance] = await Promise.all(
    ['sales@mandap.demo', 'manager@mandap.demo', 'finance@mandap.demo'].map(tokenOf),
  );
  // Its own booking: a lead converted, an advance received before any plan, then the family calls it off.
  const stamp = String(Date.now()).slice(-8);
  const lead = await request.post('/api/leads', {
    headers: sales,
    data: { name: `Iyer family ${stamp}`, phone: `+9197${stamp}`, source: 'referral' },
  });
  expect(lead.status()).toBe(201);
  const leadId = (await lead.json()).lead.id;
  const converted = await request.post(`/api/leads/${leadId}/convert`, {
    headers: sales,
    data: {
      billingName: `Iyer family ${stamp}`,
      billingAddress: '12 Marine Drive, Mumbai',
      stateCode: '27',
      event: { name: `Iyer engagement ${stamp}`, startDate: '2027-03-14', endDate: '2027-03-14', city: 'Mumbai' },
    },
  });
  expect(converted.status()).toBe(201);
  const { eventId, eventCode } = await converted.json();
  const paid = await request.post('/api/payments', {
    headers: { ...finance, 'idempotency-key': randomUUID() },
    data: {
      eventId,
      mode: 'neft',
      reference: `UTR${stamp}`,
      receivedOn: new Date().toISOString().slice(0, 10),
      amountMinor: 2_50_000_00,
      currency: 'INR',
    },
  });
  expect(paid.status()).toBe(201);
  const cancelled = await request.post(`/api/payments/events/${eventId}/booking`, {
    headers: manager,
    data: { to: 'cancelled' },
  });
  expect(cancelled.status()).toBe(200);

  const { context, page } = await openAs(browser, 'finance@mandap.demo', '/finance/money-desk');
  await page.getByRole('tab', { name: 'Cancelled bookings' }).click();
  const row = page.getByRole('row', { name: new RegExp(eventCode) });
  await expect(row).toContainText('₹2,50,000.00');
  await expect(row).toContainText('1 payment');
  await row.getByRole('link', { name: eventCode }).click();

  await expect(page.getByTestId('cancelled-holding')).toContainText('₹2,50,000.00');
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Refund RCPT\// });
  await expect(dialog).toContainText('₹2,50,000.00 left to refund');
  await dialog.getByLabel('Amount paid back (INR)').fill('100000');
  await dialog.getByLabel('Why').fill('engagement called off');
  await dialog.getByRole('button', { name: 'Book refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('cancelled-holding')).toContainText('₹1,50,000.00');

  // The rest, then the desk has nothing left on this booking.
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(dialog).toContainText('₹1,50,000.00 left to refund');
  await dialog.getByLabel('Why').fill('engagement called off');
  await dialog.getByRole('button', { name: 'Book refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('cancelled-holding')).toBeHidden();
  await expect(page.getByText('Refunded', { exact: true })).toBeVisible();
  await page.goto('/finance/money-desk');
  await page.getByRole('tab', { name: 'Cancelled bookings' }).click();
  await expect(page.getByRole('row', { name: new RegExp(eventCode) })).toHaveCount(0);
  await context.close();
});
