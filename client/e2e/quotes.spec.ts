import { mkdirSync } from 'node:fs';
import { formatMoney } from '@mandap/shared/money';
import { computeQuoteTotals } from '@mandap/shared/quotes';
import { devices, expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.QUOTE_SHOTS ?? '/tmp/shots-quotes';
mkdirSync(SHOTS, { recursive: true });

test('sales builds a quote from the catalogue, sees live GST totals, sends it; the client accepts on a phone', async ({
  page,
  browser,
}) => {
  // One whole journey (build, send, PDF, phone acceptance, change order, diff, phone layout):
  // 21–25 s on an idle machine (trace: no single slow step, the longest is typing a line at
  // ~55 ms a key), so the default 30 s failed under load from parallel runs rather than for a bug.
  test.setTimeout(60_000);
  await signIn(page, 'sales@mandap.demo');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
  await expect(page.getByRole('heading', { name: 'Quotes' })).toBeVisible();
  await page.getByRole('button', { name: 'New quote' }).click();
  const modal = page.getByRole('dialog', { name: 'New quote' });
  await modal.getByPlaceholder('Type to search').click();
  await page.getByRole('option').first().click();
  await modal.getByLabel('Title').fill('Mehta sangeet, Juhu');
  await modal.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { name: /QT\/\d{4}-\d{2}\/\d{4} · v1/ })).toBeVisible();

  // One line from the catalogue, one typed with the keyboard.
  await page.getByPlaceholder('Add from catalogue…').fill('DJ with');
  await page.getByRole('option', { name: /DJ with sound and lights/ }).click();
  await expect(page.getByLabel('Line 1 description')).toHaveValue('DJ with sound and lights');
  await page.getByRole('button', { name: 'Add line' }).click();
  await expect(page.getByLabel('Line 2 description')).toBeFocused();
  await page.keyboard.type('Sangeet stage, marigold backdrop');
  await page.getByLabel('Line 2 quantity').fill('2');
  await page.getByLabel('Line 2 rate').fill('125000');

  const expected = computeQuoteTotals({
    currency: 'INR',
    regime: 'intra_state',
    rounding: 'nearest_rupee',
    lines: [
      { key: 'a', quantity: 1, rateMinor: 95_000_00, taxClass: 'gst_18' },
      { key: 'b', quantity: 2, rateMinor: 1_25_000_00, taxClass: 'gst_18' },
    ],
  });
  await expect(page.getByTestId('quote-total')).toHaveText(
    formatMoney({ amountMinor: expected.totalMinor, currency: 'INR' }),
  );
  await expect(page.getByText('CGST', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/builder.png`, fullPage: true });

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('button', { name: 'Send v1' }).click();
  const share = page.getByRole('dialog', { name: 'Share this quote' });
  await expect(share).toBeVisible();
  const url = (await share.getByTestId('share-url').textContent())!;
  expect(url).toMatch(/\/q\/[^/]+$/);
  const wa = await share.getByRole('link', { name: 'Send on WhatsApp' }).getAttribute('href');
  expect(wa).toMatch(/^https:\/\/wa\.me\/\d*\?text=/);
  expect(decodeURIComponent(wa!)).toContain(url);
  await page.screenshot({ path: `${SHOTS}/share.png` });
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  await expect(page.getByText('v1 is sent: frozen')).toBeVisible();
  // The PDF is drawn in the browser (jsPDF loads on demand).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^QT-\d{4}-\d{2}-\d{4}-v1\.pdf$/);

  // The client opens the link on a phone and accepts.
  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
  const client = await phone.newPage();
  await client.goto(url);
  await expect(client.getByTestId('public-total')).toHaveText(
    formatMoney({ amountMinor: expected.totalMinor, currency: 'INR' }),
  );
  await client.getByLabel('Your full name').fill('Anaya Mehta');
  const acceptButton = client.getByRole('button', { name: /Accept QT/ });
  await acceptButton.click();
  await expect(client.getByText('Tick the box to accept the terms')).toBeVisible();
  await client.getByLabel(/I have read and accept/).check();
  await client.screenshot({ path: `${SHOTS}/public-phone.png`, fullPage: true });
  await acceptButton.click();
  await expect(client.getByText(/Accepted by Anaya Mehta/)).toBeVisible();
  await client.screenshot({ path: `${SHOTS}/public-accepted.png` });
  await phone.close();

  // Back at the office: the accepted version is final; a change is a change order, and the diff shows it.
  await page.reload();
  await expect(page.getByText('v1 is accepted: frozen')).toBeVisible();
  await page.getByRole('button', { name: 'Change order' }).click();
  await expect(page.getByRole('heading', { name: /· v2/ })).toBeVisible();
  await expect(page.getByText('change order')).toBeVisible();
  await page.getByLabel('Line 2 quantity').fill('3');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('tab', { name: /Versions/ }).click();
  await expect(page.getByTestId('version-diff')).toContainText('Quantity 2 → 3');
  await page.screenshot({ path: `${SHOTS}/versions-diff.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('tab', { name: 'Quote' }).click();
  await expect(page.getByLabel('Line 2 quantity')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/builder-phone.png`, fullPage: true });
});
