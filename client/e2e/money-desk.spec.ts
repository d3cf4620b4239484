import { createHmac, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { openAs } from './helpers.ts';
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
  const res = await request.post('/api/webhooks/razorpay', {
    data: raw,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': createHmac('sha256', RAZORPAY_E2E.webhookSecret).update(raw).digest('hex'),
      'x-razorpay-event-id': randomUUID(),
    },
  });
  return res;
}

test('money a gateway collected for an unknown link is held in suspense, booked to an event by finance, and reconciles', async ({
  browser,
  request,
}) => {
  const payId = `pay_e2e_${Date.now()}`;
  const res = await strangerPayment(request, payId, 5_000_00);
  // Never an error that makes Razorpay retry forever.
  expect(res.status()).toBe(200);
  expect((await res.json()).reason).toMatch(/suspense/);

  const { page } = await openAs(browser, 'finance@mandap.demo', '/finance');
  await page.getByRole('link', { name: /Money desk/ }).click();
  await expect(page.getByRole('heading', { name: 'Money desk' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(payId) });
  await expect(row).toContainText('₹5,000.00');
  await expect(row).toContainText('no payment link matches plink_e2e_stranger');

  await row.getByRole('combobox', { name: `Event for ${payId}` }).click();
  await page.getByRole('option').first().click();
  await row.getByRole('button', { name: 'Book to event' }).click();
  await expect(row.getByText('resolved')).toBeVisible();

  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  const rec = page.getByRole('row', { name: new RegExp(payId) });
  await expect(rec).toContainText('₹5,000.00');
  await expect(rec).toContainText('none');
  await expect(page.getByText(/razorpay INR: gateway .* · matches/)).toBeVisible();
});

test('a gateway payment beyond what the event owes is held as credit on account, and finance refunds part of it', async ({
  browser,
  request,
}) => {
  const login = await request.post('/api/auth/login', {
    data: { email: 'finance@mandap.demo', password: 'Mandap@2026' },
  });
  const finance = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const { events } = await (await request.get('/api/events', { headers: finance })).json();
  let target: { id: string; code: string; milestoneId: string; owed: number } | null = null;
  for (const e of events as { id: string; code: string; clientName: string | null }[]) {
    if (!e.clientName) continue;
    const { milestones } = await (
      await request.get(`/api/payments/events/${e.id}/milestones`, { headers: finance })
    ).json();
    const open = (milestones as { id: string; amountMinor: number; paidMinor: number; status: string }[]).filter(
      (m) => m.status !== 'waived' && m.amountMinor > m.paidMinor,
    );
    if (open.length === 0) continue;
    target = {
      id: e.id,
      code: e.code,
      milestoneId: open[0]!.id,
      owed: open.reduce((s, m) => s + m.amountMinor - m.paidMinor, 0),
    };
    break;
  }
  expect(target).not.toBeNull();
  const made = await request.post(`/api/milestones/${target!.milestoneId}/payment-link`, { headers: finance });
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
          amount: target!.owed + 1_000_00,
          currency: 'INR',
          status: 'captured',
          created_at: Math.floor(Date.now() / 1000),
          notes: { mandap_link_id: linkId },
        },
      },
    },
    created_at: Math.floor(Date.now() / 1000),
  });
  const res = await request.post('/api/webhooks/razorpay', {
    data: raw,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': createHmac('sha256', RAZORPAY_E2E.webhookSecret).update(raw).digest('hex'),
      'x-razorpay-event-id': randomUUID(),
    },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).reason).toBe('recorded');

  const { page } = await openAs(browser, 'finance@mandap.demo', '/finance/money-desk');
  await page.getByRole('tab', { name: 'Credit on account' }).click();
  const row = page.getByRole('row', { name: new RegExp(target!.code) });
  await expect(row).toContainText('₹1,000.00');
  await row.getByRole('textbox', { name: `Refund amount for ${target!.code}` }).fill('400');
  await row.getByRole('textbox', { name: `Refund reason for ${target!.code}` }).fill('paid twice by mistake');
  await row.getByRole('button', { name: 'Refund' }).click();
  await expect(row).toContainText('₹600.00');
});
