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
