import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, newBookedEvent, openAs } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/shots-payments';
mkdirSync(SHOTS, { recursive: true });

async function tokenFor(request: APIRequestContext, email: string) {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${(await res.json()).accessToken}` };
}

test('finance plans milestones, records a payment, sees it paid, downloads the receipt; an offline payment is replayed once', async ({
  browser,
  request,
}) => {
  // Its own booking (a quotation the client accepted, no plan yet): the demo house's events are other specs' too.
  const { eventId } = await newBookedEvent(request);
  const { context, page } = await openAs(browser, 'finance@mandap.demo', `/finance/events/${eventId}`);

  await expect(page.getByText('No plan yet')).toBeVisible();
  await page.getByRole('button', { name: 'Create plan' }).click();
  const rows = page.getByTestId('milestone-row');
  await expect(rows).toHaveCount(3);
  // The plan follows the terms printed on the quote (the house's first template, 50/40/10):
  // ₹2,00,000 + 18% GST = ₹2,36,000, so the advance is 50%, ₹1,18,000.
  await expect(rows.first()).toContainText('₹1,18,000.00');

  await page.getByLabel('Reference').fill('UPI-4471');
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(rows.first()).toContainText('Paid');
  await expect(page.getByRole('cell', { name: /^RCPT\/\d{4}-\d{2}\/\d{4}$/ })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/event-finance.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Receipt PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^RCPT-\d{4}-\d{2}-\d{4}\.pdf$/);

  // No signal: the second instalment is queued on the device, then sent once when back online.
  await context.setOffline(true);
  await page.getByLabel('Reference').fill('CASH-ON-SITE');
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('Queued on this device, will send when online')).toBeVisible();
  await expect(page.getByTestId('queued-payment')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/event-finance-queued.png`, fullPage: true });
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('queued-payment')).toHaveCount(0);
  await expect(rows.nth(1)).toContainText('Paid');

  const finance = await tokenFor(request, 'finance@mandap.demo');
  const { payments } = await (
    await request.get(`/api/payments/events/${eventId}/payments`, { headers: finance })
  ).json();
  expect(payments.map((p: { reference: string }) => p.reference).sort()).toEqual(['CASH-ON-SITE', 'UPI-4471']);

  await page.goto('/finance');
  await expect(page.getByRole('heading', { name: 'Finance' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/finance-outstanding.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Trial balance' }).click();
  await expect(page.getByText(/^Balanced/)).toBeVisible();
  await context.close();
});
