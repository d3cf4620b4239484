import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openAs } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/shots-payments';
mkdirSync(SHOTS, { recursive: true });

async function tokenFor(request: APIRequestContext, email: string) {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${(await res.json()).accessToken}` };
}

/** A demo event with a client and no milestone plan, given an accepted quotation (sales creates and sends; the client accepts by link). */
async function eventWithAcceptedQuote(request: APIRequestContext): Promise<string> {
  const sales = await tokenFor(request, 'sales@mandap.demo');
  const finance = await tokenFor(request, 'finance@mandap.demo');
  const { events } = await (await request.get('/api/events', { headers: sales })).json();
  for (const e of events as { id: string; clientName: string | null }[]) {
    if (!e.clientName) continue;
    const plan = await (await request.get(`/api/payments/events/${e.id}/milestones`, { headers: finance })).json();
    if (plan.milestones?.length !== 0) continue;
    const created = await request.post('/api/quotes', {
      headers: sales,
      data: {
        eventId: e.id,
        title: 'Sangeet décor and sound',
        currency: 'INR',
        placeOfSupply: '27',
        lines: [{ key: 'decor', category: 'decor', description: 'Stage décor', quantity: 1, rateMinor: 2_00_000_00 }],
      },
    });
    if (created.status() !== 201) continue;
    const quoteId = (await created.json()).quote.id;
    const sent = await (await request.post(`/api/quotes/${quoteId}/send`, { headers: sales, data: {} })).json();
    const token = sent.share.url.split('/q/')[1];
    const accepted = await request.post(`/api/public/quotes/${token}/accept`, {
      data: { name: 'Riya Sharma', acceptTerms: true },
    });
    expect(accepted.status()).toBe(200);
    return e.id;
  }
  throw new Error('no demo event without a plan');
}

test('finance plans milestones, records a payment, sees it paid, downloads the receipt; an offline payment is replayed once', async ({
  browser,
  request,
}) => {
  const eventId = await eventWithAcceptedQuote(request);
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
