import { expect, test } from '@playwright/test';
import { newEvent, openAs } from './helpers.ts';

// A live workspace per test (sign-in, a new event, the collab socket, three tasks): about 30 s of
// steps on a loaded machine (measured 30.4 s, no step waiting on a fault), so 30 s is too short.
test.describe.configure({ timeout: 90_000 });

test('the task list sorts by task, priority and due date', async ({ browser, request }) => {
  const path = (await newEvent(request, { name: 'Task list' })).workspace;
  const { context, page } = await openAs(browser, 'manager@mandap.demo', `${path}?tab=tasks`);
  await expect(page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  for (const title of ['Tent fittings', 'Band rehearsal', 'Anchor script']) {
    await page.getByLabel('New task').fill(title);
    await page.getByLabel('New task').press('Enter');
  }
  await page.getByText('List', { exact: true }).click();
  const titles = () => page.getByTestId('task-row').locator('td:first-child p:first-child').allTextContents();
  await expect(page.getByTestId('task-row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Task' }).click();
  await expect.poll(titles).toEqual(['Anchor script', 'Band rehearsal', 'Tent fittings']);
  await page.getByRole('button', { name: 'Task' }).click();
  await expect.poll(titles).toEqual(['Tent fittings', 'Band rehearsal', 'Anchor script']);

  await page.getByTestId('task-row').filter({ hasText: 'Band rehearsal' }).click();
  await page.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'Urgent' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Priority' }).click();
  await expect.poll(async () => (await titles())[0]).toBe('Band rehearsal');
  await page.screenshot({ path: '/tmp/shots-collab/tasks-list-sorted.png' });
  await context.close();
});

test('board columns can be added, renamed and reordered; a column holding tasks stays', async ({
  browser,
  request,
}) => {
  const path = (await newEvent(request, { name: 'Board columns' })).workspace;
  const { context, page } = await openAs(browser, 'manager@mandap.demo', `${path}?tab=tasks`);
  await expect(page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  // A task of its own in To do: the column holding it cannot be removed (it no longer borrows the
  // tasks the test above added to the same demo event).
  await page.getByLabel('New task').fill('Book the dhol players');
  await page.getByLabel('New task').press('Enter');
  await expect(page.getByTestId('column-todo').getByTestId('task-card')).toHaveCount(1);
  await page.getByRole('button', { name: 'Columns' }).click();
  const dialog = page.getByRole('dialog', { name: 'Board columns' });
  await dialog.getByLabel('New column').fill('Waiting on client');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByTestId('column-setting')).toHaveCount(5);
  await dialog.getByRole('button', { name: 'Move Waiting on client earlier' }).click();
  await dialog.getByLabel('Column 3 name').fill('Stuck');
  await dialog.getByLabel('Column 3 name').blur();
  await expect(dialog.getByRole('button', { name: 'Remove To do' })).toBeDisabled();
  await page.screenshot({ path: '/tmp/shots-collab/board-columns.png' });
  await page.keyboard.press('Escape');
  const headings = page.locator('[data-testid^="column-"] >> nth=0');
  await expect(headings).toBeVisible();
  await expect(page.getByTestId('column-in_progress')).toBeVisible();
  await expect(page.getByText('Waiting on client', { exact: true })).toBeVisible();
  await expect(page.getByText('Stuck', { exact: true })).toBeVisible();
  await context.close();
});
