import { expect, test } from '@playwright/test';
import { newEvent, openAs } from './helpers.ts';

test('checklist items from a template can be renamed and removed', async ({ browser, request }) => {
  const path = (await newEvent(request, { name: 'Checklist edit' })).workspace;
  const { context, page } = await openAs(browser, 'ops@mandap.demo');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${path}?tab=dayof`);
  await expect(page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  const fn = `Reception ${Date.now() % 100_000}`;
  await page.getByLabel('Function').fill(fn);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const list = page.getByTestId('checklist').filter({ hasText: `${fn} — Mandap & stage` });
  await list.getByRole('button').first().click();
  await expect(list.getByTestId('checklist-progress')).toHaveText('0/4');
  // Let the accordion finish opening before pressing buttons inside it.
  await expect(list.getByRole('checkbox', { name: 'Seating for family' })).toBeVisible();
  await list.getByRole('button', { name: 'Edit items' }).scrollIntoViewIfNeeded();

  await list.getByRole('button', { name: 'Edit items' }).click();
  await expect(list.getByRole('button', { name: 'Done editing' })).toBeVisible();
  await list.getByLabel('Rename Florals placed').fill('Marigold florals placed');
  await list.getByLabel('Rename Florals placed').press('Enter');
  await list.getByRole('button', { name: 'Remove Havan kund and samagri ready' }).click();
  await page.screenshot({ path: '/tmp/shots-collab/checklist-edit-phone.png', fullPage: true });
  await list.getByRole('button', { name: 'Done editing' }).click();

  await expect(list.getByRole('checkbox', { name: 'Marigold florals placed' })).toBeVisible();
  await expect(list.getByRole('checkbox', { name: 'Havan kund and samagri ready' })).toHaveCount(0);
  await expect(list.getByTestId('checklist-progress')).toHaveText('0/3');
  await list.getByRole('checkbox', { name: 'Marigold florals placed' }).click();
  await expect(list.getByTestId('checklist-progress')).toHaveText('1/3');
  await context.close();
});
