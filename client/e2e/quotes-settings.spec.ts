import { mkdirSync } from 'node:fs';
import { type APIRequestContext, devices, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, mainNav, signIn } from './helpers.ts';

const SHOTS = process.env.QUOTE_SHOTS ?? '/tmp/shots-quotes';
mkdirSync(SHOTS, { recursive: true });

async function bearer(request: APIRequestContext, email: string) {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  return { authorization: `Bearer ${(await res.json()).accessToken}` };
}

test('a super admin edits the company on Settings → Company; a bad GSTIN is refused with the reason', async ({
  page,
}) => {
  await signIn(page, 'admin@mandap.demo');
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Company' })).toBeVisible();
  await expect(page.getByLabel('Legal name')).toHaveValue('Gulmohar Events Pvt Ltd');
  await page.getByLabel('GSTIN').fill('27AAHCG4821K1ZG');
  await page.getByRole('button', { name: 'Save company' }).click();
  await expect(page.getByText(/checksum/).first()).toBeVisible();
  await page.getByLabel('GSTIN').fill('27AAHCG4821K1ZF');
  await page.getByLabel('Phone').fill('+91 22 4012 9999');
  await page.getByRole('button', { name: 'Save company' }).click();
  await expect(page.getByText('Company saved')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-company.png`, fullPage: true });
  await page.reload();
  await expect(page.getByLabel('Phone')).toHaveValue('+91 22 4012 9999');
});

test('a client finds a sent quote on their dashboard and declines it with a reason', async ({ browser, request }) => {
  const sales = await bearer(request, 'sales@mandap.demo');
  const clientAuth = await bearer(request, 'client@mandap.demo');
  const events = await (await request.get('/api/events', { headers: clientAuth })).json();
  const eventId = (events.events ?? events)[0].id as string;
  const created = await request.post('/api/quotes', {
    headers: sales,
    data: {
      eventId,
      title: 'Haldi morning, Alibaug',
      lines: [{ category: 'decor', description: 'Marigold haldi décor', quantity: 1, rateMinor: 1_80_000_00 }],
    },
  });
  expect(created.status()).toBe(201);
  const { quote } = await created.json();
  expect((await request.post(`/api/quotes/${quote.id}/send`, { headers: sales, data: {} })).status()).toBe(200);

  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
  const page = await phone.newPage();
  await signIn(page, 'client@mandap.demo');
  const row = page.getByTestId('client-quote').filter({ hasText: 'Haldi morning, Alibaug' });
  await expect(row).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/client-dashboard.png`, fullPage: true });
  await row.getByRole('button', { name: 'Review and accept' }).click();
  await expect(page.getByRole('heading', { name: 'Haldi morning, Alibaug' })).toBeVisible();
  await page.getByRole('button', { name: 'Decline', exact: true }).click();
  await page.getByLabel('Your name').fill('Anaya Mehta');
  await page.getByLabel('Reason (optional)').fill('We are going with a smaller function.');
  await page.screenshot({ path: `${SHOTS}/public-decline.png`, fullPage: true });
  await page.getByRole('button', { name: /^Decline QT/ }).click();
  await expect(page.getByText(/You declined QT/)).toBeVisible();
  await phone.close();

  const detail = await (await request.get(`/api/quotes/${quote.id}`, { headers: sales })).json();
  expect(detail.quote.status).toBe('rejected');
});
