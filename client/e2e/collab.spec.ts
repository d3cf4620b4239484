import { expect, type Page, test } from '@playwright/test';
import { linkedWorkspace, newEvent, openAs } from './helpers.ts';

const SHOTS = '/tmp/shots-collab';

// Two browsers per test: 30 s is too short on a loaded machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('two planners co-edit a brief live and see each other', async ({ browser, request }) => {
  const path = (await newEvent(request, { name: 'Co-edited brief' })).workspace;
  const a = await openAs(browser, 'manager@mandap.demo', `${path}?tab=brief`);
  const b = await openAs(browser, 'ops@mandap.demo', `${path}?tab=brief`);

  for (const { page } of [a, b]) await expect(page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  const editorA = a.page.getByTestId('brief-editor');
  await editorA.click();
  await a.page.keyboard.type('Mehendi on the lawn at 4 pm; 180 guests.');
  await expect(b.page.getByTestId('brief-editor')).toContainText('Mehendi on the lawn at 4 pm; 180 guests.');

  await b.page.getByTestId('brief-editor').click();
  await b.page.keyboard.press('End');
  await b.page.keyboard.type(' Marigold and mogra only.');
  await expect(editorA).toContainText('Marigold and mogra only.');
  await expect(a.page.getByTestId('presence').locator('.mantine-Avatar-root')).toHaveCount(2);

  // The venue shortlist travels in the same document (the structured brief is the lead's record).
  await a.page.getByRole('button', { name: 'Add venue' }).click();
  await a.page.getByLabel('Venue name').fill('Sahara Star');
  await a.page.getByLabel('Venue name').press('Enter');
  await expect(b.page.getByLabel('Venue name')).toHaveValue('Sahara Star');

  // A named snapshot, then a change, then restore.
  await a.page.getByRole('tab', { name: 'Snapshots' }).click();
  await a.page.getByLabel('Snapshot name').fill('As sent to the client on 12 Nov');
  await a.page.getByRole('button', { name: 'Save' }).click();
  await b.page.getByRole('tab', { name: 'Snapshots' }).click();
  await expect(b.page.getByTestId('brief-snapshot')).toContainText('As sent to the client on 12 Nov');
  await editorA.click();
  await a.page.keyboard.press('ControlOrMeta+a');
  await a.page.keyboard.type('Scrapped everything.');
  await expect(b.page.getByTestId('brief-editor')).toContainText('Scrapped everything.');
  await expect(b.page.getByTestId('brief-editor')).not.toContainText('Mehendi');
  await a.page.getByRole('button', { name: 'Restore' }).click();
  await a.page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(b.page.getByTestId('brief-editor')).toContainText('Mehendi on the lawn');
  await a.page.screenshot({ path: `${SHOTS}/brief-desktop.png`, fullPage: true });

  await a.context.close();
  await b.context.close();
});

test('the crew ticks a checklist together, one of them offline, and it merges', async ({ browser, request }) => {
  // An event of its own: its event day starts with no checklists, so the counts below are this test's.
  const path = (await newEvent(request, { name: 'Crew checklist' })).workspace;
  const a = await openAs(browser, 'manager@mandap.demo', `${path}?tab=dayof`);
  await expect(a.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await a.page.getByLabel('Function').fill('Sangeet');
  await a.page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(a.page.getByTestId('checklist')).toHaveCount(4);

  const b = await openAs(browser, 'ops@mandap.demo', `${path}?tab=dayof`);
  await b.page.setViewportSize({ width: 390, height: 844 });
  await expect(b.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  const firstList = (p: Page) => p.getByTestId('checklist').first();
  await firstList(b.page).getByRole('button').first().click();
  await firstList(b.page).getByRole('checkbox', { name: 'Mandap structure checked' }).click();
  await expect(firstList(a.page).getByTestId('checklist-progress')).toHaveText('1/4');

  // B loses signal, ticks two more; A does not see them yet.
  await b.context.setOffline(true);
  await expect(b.page.getByTestId('sync-state')).toContainText('Offline');
  await firstList(b.page).getByRole('checkbox', { name: 'Florals placed' }).click();
  await firstList(b.page).getByRole('checkbox', { name: 'Seating for family' }).click();
  await expect(b.page.getByTestId('sync-state')).toHaveText('Offline · 2 changes waiting');
  await expect(firstList(b.page).getByTestId('checklist-progress')).toHaveText('3/4');
  await b.page.screenshot({ path: `${SHOTS}/dayof-phone-offline.png`, fullPage: true });
  // B counts both ticks as made while disconnected (not sent): A still shows only the first.
  await expect(firstList(a.page).getByTestId('checklist-progress')).toHaveText('1/4');

  // Meanwhile A ticks the last one online.
  await firstList(a.page).getByRole('button').first().click();
  await firstList(a.page).getByRole('checkbox', { name: 'Havan kund and samagri ready' }).click();

  // Signal returns: both converge on 4/4, and B's ticks say who and when.
  await b.context.setOffline(false);
  await expect(b.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await expect(firstList(a.page).getByTestId('checklist-progress')).toHaveText('4/4');
  await expect(firstList(b.page).getByTestId('checklist-progress')).toHaveText('4/4');
  await expect(firstList(a.page).getByRole('checkbox', { name: 'Florals placed' })).toContainText('Sneha Iyer');

  await a.page.getByRole('tab', { name: 'Command' }).click();
  await expect(a.page.getByTestId('overall-progress')).toHaveText('4/16');
  await a.page.screenshot({ path: `${SHOTS}/command-view.png`, fullPage: true });
  await b.page.screenshot({ path: `${SHOTS}/dayof-phone.png`, fullPage: true });
  await a.context.close();
  await b.context.close();
});

test('a client reads their brief live but cannot edit it, and sees no task board or console', async ({ browser }) => {
  // The demo client's own event (a client sees only the events they are linked to).
  const client = await openAs(browser, 'client@mandap.demo');
  const path = await linkedWorkspace(client.page);
  await expect(client.page.getByTestId('sync-state')).toHaveText('Read-only · live', { timeout: 15_000 });
  await expect(client.page.getByRole('tab')).toHaveText(['Brief', 'Details', 'Comments', 'Snapshots']);
  await expect(client.page.getByTestId('brief-editor')).toHaveAttribute('contenteditable', 'false');
  await expect(client.page.getByRole('button', { name: 'Add venue' })).toHaveCount(0);

  const planner = await openAs(browser, 'manager@mandap.demo', `${path}?tab=brief`);
  await expect(planner.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await planner.page.getByTestId('brief-editor').click();
  await planner.page.keyboard.type('Welcome drinks at 7 pm.');
  await expect(client.page.getByTestId('brief-editor')).toContainText('Welcome drinks at 7 pm.');
  await client.page.screenshot({ path: `${SHOTS}/client-brief.png`, fullPage: true });
  await client.context.close();
  await planner.context.close();
});

test('a task board: add, assign, overdue, drag to another column, and it shows in My tasks', async ({
  browser,
  request,
}) => {
  const path = (await newEvent(request, { name: 'Task board' })).workspace;
  const a = await openAs(browser, 'ops@mandap.demo', `${path}?tab=tasks`);
  await expect(a.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  const b = await openAs(browser, 'manager@mandap.demo', `${path}?tab=tasks`);

  await a.page.getByLabel('New task').fill('Confirm mogra garlands with florist');
  await a.page.getByLabel('New task').press('Enter');
  const card = (p: Page) => p.getByTestId('task-card').filter({ hasText: 'Confirm mogra garlands' });
  await expect(card(b.page)).toBeVisible();

  await card(a.page).click();
  await a.page.getByRole('combobox', { name: 'Assignee' }).click();
  await a.page.getByRole('option', { name: 'Sneha Iyer' }).click();
  // Dates are typed and shown the Indian way (dd/mm/yyyy), not the browser's mm/dd/yyyy.
  await a.page.getByRole('textbox', { name: 'Due' }).fill('15/01/2024');
  await a.page.getByRole('textbox', { name: 'Due' }).blur();
  await expect(a.page.getByRole('textbox', { name: 'Due' })).toHaveValue('15/01/2024');
  await a.page.keyboard.press('Escape');
  await expect(card(b.page)).toHaveAttribute('data-overdue', 'true');
  await expect(card(b.page)).toContainText('15/01/2024');

  // Drag from To do to In progress on B's screen; A sees it move.
  const from = await card(b.page).boundingBox();
  const to = await b.page.getByTestId('column-in_progress').boundingBox();
  if (!from || !to) throw new Error('board not laid out');
  await b.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await b.page.mouse.down();
  await b.page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 5 });
  await b.page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await b.page.mouse.up();
  await expect(a.page.getByTestId('column-in_progress').getByTestId('task-card')).toContainText(
    'Confirm mogra garlands',
  );
  await b.page.screenshot({ path: `${SHOTS}/task-board.png`, fullPage: true });

  // The projection reaches the edge: it is in Sneha's My tasks, overdue.
  await a.page.goto('/my-tasks');
  const mine = a.page.getByTestId('my-task').filter({ hasText: 'Confirm mogra garlands' });
  await expect(mine).toHaveAttribute('data-overdue', 'true', { timeout: 10_000 });
  await expect(mine).toContainText('In progress');
  await a.page.screenshot({ path: `${SHOTS}/my-tasks.png`, fullPage: true });
  await a.context.close();
  await b.context.close();
});
