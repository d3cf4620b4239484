import { expect, test } from '@playwright/test';
import { openAs } from './helpers.ts';

async function search(page: import('@playwright/test').Page, text: string) {
  await expect(page.getByRole('button', { name: 'Search' }).first()).toBeVisible();
  await page.keyboard.press('Control+K');
  const box = page.getByRole('textbox', { name: 'Search for' });
  await expect(box).toBeVisible();
  await box.fill(text);
  return page.getByRole('listbox', { name: 'Search results' });
}

test('Ctrl-K finds records by name and code, and opens the one picked', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context, page } = await openAs(browser, 'manager@mandap.demo', '/events');
  const results = await search(page, 'Ananya Kapoor');
  await expect(results.getByRole('option').filter({ hasText: 'Ananya Kapoor' }).first()).toBeVisible();
  await expect(results.getByRole('option').filter({ hasText: 'Client' }).first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Search for' }).fill('EV-2026-0001');
  const event = results.getByRole('option').filter({ hasText: 'EV-2026-0001' }).first();
  await expect(event).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]+\/workspace$/);
  await context.close();
});

test('a client and a vendor find only what they may open', async ({ browser }) => {
  test.setTimeout(90_000);
  const client = await openAs(browser, 'client@mandap.demo', '/events');
  let results = await search(client.page, 'Ananya');
  // Their event and what was sent to them there (other specs may add quotes and payments to
  // it): never a lead, a client record or a vendor.
  const options = results.getByRole('option');
  await expect(options.first()).toContainText('Event');
  await expect(options.filter({ hasText: /Event$/ })).toHaveCount(1);
  await expect(options.filter({ hasText: 'QT/2026-27/0001' })).toHaveCount(1);
  await expect(options.filter({ hasText: /(Lead|Client|Vendor)$/ })).toHaveCount(0);
  await client.page.keyboard.press('Enter');
  await expect(client.page).toHaveURL(/\/portal\/events\/[0-9a-f-]+$/);
  // Another client's event by its code: nothing, not even a hint.
  results = await search(client.page, 'EV-2026-0002');
  await expect(results).toContainText('Nothing you can open');
  await client.context.close();

  const vendor = await openAs(browser, 'vendor@mandap.demo', '/events');
  results = await search(vendor.page, 'QT/2026-27');
  await expect(results).toContainText('Nothing you can open');
  results = await search(vendor.page, 'Ananya Kapoor');
  await expect(results).toContainText('Nothing you can open');
  await vendor.context.close();
});
