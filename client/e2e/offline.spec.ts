import { expect, test } from '@playwright/test';
import { newEvent, openAs } from './helpers.ts';

/**
 * The basement banquet hall: the phone reloads the app with no signal at all. The service
 * worker serves the shell, the last user is remembered (no token), the checklist opens from
 * IndexedDB, ticks are kept, and they reach everyone once the signal returns.
 */
test('the app reopens with no network, the cached checklist can be ticked, and it merges on reconnect', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const path = (await newEvent(request, { name: 'Offline crew' })).workspace;
  const crew = await openAs(browser, 'ops@mandap.demo');
  await crew.page.goto(`${path}?tab=dayof`);
  await expect(crew.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  if ((await crew.page.getByTestId('checklist').count()) === 0) {
    await crew.page.getByLabel('Function').fill('Wedding');
    await crew.page.getByRole('button', { name: 'Add', exact: true }).click();
  }
  await expect(crew.page.getByTestId('checklist').first()).toBeVisible();
  const progress = () => crew.page.getByTestId('checklist').first().getByTestId('checklist-progress');
  const before = (await progress().textContent()) ?? '';

  // Make sure the service worker controls the page before the signal goes.
  await crew.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await crew.page.reload();
  await expect(crew.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await crew.page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await crew.context.setOffline(true);
  await crew.page.reload();
  await expect(crew.page).not.toHaveURL(/\/login/);
  await expect(crew.page.getByTestId('sync-state')).toContainText('Offline', { timeout: 15_000 });
  const list = crew.page.getByTestId('checklist').first();
  await expect(list).toBeVisible();
  await expect(progress()).toHaveText(before);
  await list.getByRole('button').first().click();
  await list
    .getByRole('checkbox')
    .filter({ hasNotText: /\d{2}:\d{2}/ })
    .first()
    .click();
  await expect(progress()).not.toHaveText(before);
  const after = (await progress().textContent()) ?? '';
  // Reloaded again with no signal, the tick and the count of waiting changes are still there.
  await expect(crew.page.getByTestId('sync-state')).toContainText(/\d+ changes? waiting/);
  const waiting = (await crew.page.getByTestId('sync-state').textContent()) ?? '';
  await crew.page.reload();
  await expect(progress()).toHaveText(after, { timeout: 15_000 });
  await expect(crew.page.getByTestId('sync-state')).toHaveText(waiting);

  await crew.context.setOffline(false);
  await expect(crew.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 20_000 });

  const manager = await openAs(browser, 'manager@mandap.demo', `${path}?tab=dayof`);
  await expect(manager.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await expect(manager.page.getByTestId('checklist').first().getByTestId('checklist-progress')).toHaveText(after);
  await crew.context.close();
  await manager.context.close();
});
