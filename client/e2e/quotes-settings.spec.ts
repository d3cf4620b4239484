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

test('sales keeps the quote catalogue: adds, edits, retires and restores an item', async ({ page }) => {
  await signIn(page, 'sales@mandap.demo');
  await mainNav(page).getByRole('link', { name: 'Quotes' }).click();
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByRole('heading', { name: 'Quote catalogue' })).toBeVisible();
  await page.getByRole('button', { name: 'Add item' }).click();
  const add = page.getByRole('dialog', { name: 'Add a catalogue item' });
  await add.getByLabel('Name').fill('Phoolon ki chadar');
  await add.getByLabel('Default rate (₹)').fill('45000');
  await add.getByRole('button', { name: 'Add item' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Phoolon ki chadar' });
  await expect(row).toContainText('₹45,000.00');
  await expect(row).toContainText('House');

  await row.getByRole('button', { name: 'Edit Phoolon ki chadar' }).click();
  const edit = page.getByRole('dialog', { name: /Edit “Phoolon ki chadar”/ });
  await edit.getByLabel('Default rate (₹)').fill('52000');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('₹52,000.00');
  await page.screenshot({ path: `${SHOTS}/catalogue.png`, fullPage: true });

  await row.getByRole('button', { name: 'Retire Phoolon ki chadar' }).click();
  await expect(row).toBeHidden();
  await page.getByLabel('Show retired items').check();
  await expect(row).toContainText('Retired');
  await row.getByRole('button', { name: 'Restore Phoolon ki chadar' }).click();
  await expect(row).toContainText('House');
});

test('the builder: a line discount as % or amount, dd/mm/yyyy validity, and a B2B place of supply that must match the GSTIN', async ({
  page,
}) => {
  await signIn(page, 'sales@mandap.demo');
  await mainNav(page).getByRole('link', { name: 'Quotes' }).click();
  await page.getByRole('row').filter({ hasText: 'Corporate offsite' }).getByRole('link').click();
  await expect(page.getByRole('heading', { name: /· v1/ })).toBeVisible();

  // Line 2: 6 airport transfers at ₹3,200.
  await page.getByLabel('Line 2 discount percent').fill('10');
  await expect(page.getByTestId('line-amount-1')).toHaveText('₹17,280.00');
  await page.getByRole('button', { name: 'Line 2: discount as amount in INR' }).click();
  await expect(page.getByLabel('Line 2 discount amount (INR)')).toHaveValue('10');
  await expect(page.getByTestId('line-amount-1')).toHaveText('₹19,190.00');

  await page.getByLabel('Valid until').fill('15/01/2027');
  await page.getByLabel('Valid until').blur();
  await expect(page.getByLabel('Valid until')).toHaveValue('15/01/2027');

  await page.getByText('B2B (GSTIN)').click();
  // A whole, valid GSTIN pre-fills the place of supply with its state (B2B: the recipient's location).
  await page.getByLabel('Buyer GSTIN').fill('29AAGCB7383J1Z4');
  const placeOfSupply = page.getByRole('combobox', { name: 'Place of supply' });
  await expect(placeOfSupply).toHaveValue('Karnataka (29)');
  const warning = page.getByTestId('place-of-supply-warning');
  await expect(warning).toBeHidden();

  // Changed by hand to another state: warned, and the quote cannot be sent.
  await placeOfSupply.fill('Maharashtra');
  await page.getByRole('option', { name: 'Maharashtra (27)' }).click();
  await expect(warning).toContainText('registered in Karnataka (29) but the place of supply is Maharashtra (27)');
  await page.screenshot({ path: `${SHOTS}/builder-pos-warning.png`, fullPage: true });
  await page.getByRole('button', { name: 'Send v1' }).click();
  await expect(page.getByText(/v1 was not sent/)).toBeVisible();

  await placeOfSupply.fill('Karnataka');
  await page.getByRole('option', { name: 'Karnataka (29)' }).click();
  await expect(warning).toBeHidden();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Valid until')).toHaveValue('15/01/2027');
  await expect(page.getByLabel('Line 2 discount amount (INR)')).toHaveValue('10');
  await expect(page.getByText('IGST', { exact: true })).toBeVisible();
});
