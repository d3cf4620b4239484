import { expect, test } from '@playwright/test';
import { linkedWorkspace, openAs } from './helpers.ts';

test('the arrival log offers the vendors booked for the event, and logs their arrival', async ({ browser }) => {
  const { context, page } = await openAs(browser, 'vendor@mandap.demo');
  await page.setViewportSize({ width: 390, height: 844 });
  const path = await linkedWorkspace(page);
  await page.goto(`${path}?tab=dayof`);
  await expect(page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Vendors' }).click();

  // The event has several vendors booked; other specs may already have put some on the log, so
  // this one follows the décor booking by its scope, not by how many rows there are.
  const scope = 'Mandap, stage and floral décor';
  const booked = page.getByTestId('booked-vendor').filter({ hasText: scope });
  await expect(booked).toHaveCount(1);
  await booked.getByLabel(/expected at/).fill('09:30');
  await booked.getByRole('button', { name: 'Expect' }).click();
  await expect(booked).toHaveCount(0);

  const arrival = page.getByTestId('arrival').filter({ hasText: scope });
  await expect(arrival).toHaveCount(1);
  await expect(arrival).toContainText('expected 09:30');
  await arrival.getByRole('button', { name: 'Arrived' }).click();
  await expect(arrival).toContainText('arrived');
  await page.screenshot({ path: '/tmp/shots-collab/arrivals-phone.png', fullPage: true });
  await context.close();
});
