import { expect, test } from '@playwright/test';
import { newEvent, openAs } from './helpers.ts';

test('a comment stays on its passage through another planner’s edits, highlighted until resolved', async ({
  browser,
  request,
}) => {
  const path = (await newEvent(request, { name: 'Brief comments' })).workspace;
  const a = await openAs(browser, 'manager@mandap.demo', `${path}?tab=brief`);
  const b = await openAs(browser, 'ops@mandap.demo', `${path}?tab=brief`);
  for (const { page } of [a, b]) await expect(page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });

  const editorA = a.page.getByTestId('brief-editor');
  await editorA.click();
  await a.page.keyboard.type('Mogra garlands for the baraat.');
  await a.page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await a.page.keyboard.press('Shift+ArrowRight');
  await a.page.getByRole('tab', { name: 'Comments' }).click();
  await a.page
    .getByRole('textbox', { name: 'Comment', exact: true })
    .fill('Check the florist has enough mogra in December.');
  await a.page.getByRole('button', { name: 'Post comment' }).click();

  const passageB = b.page.locator('.brief-editor [data-comment-id]');
  await expect(passageB).toHaveText('Mogra');
  await expect(passageB).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

  // B writes before the passage; the anchor moves with the words, on both screens.
  const editorB = b.page.getByTestId('brief-editor');
  await editorB.click();
  await b.page.keyboard.press('ControlOrMeta+Home');
  await b.page.keyboard.type('Fresh ');
  await b.page.keyboard.press('End'); // B's caret (drawn in A's text) away from the passage
  await expect(editorA.locator('p').first()).toContainText(/^Fresh /);
  await expect(a.page.locator('.brief-editor [data-comment-id]')).toHaveText('Mogra');
  await a.page.screenshot({ path: '/tmp/shots-collab/brief-comment.png' });

  // Resolved: the highlight goes, the anchor stays (reopening highlights it again).
  await a.page.getByTestId('brief-comment').getByRole('button', { name: 'Resolve' }).click();
  await expect(passageB).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await expect(passageB).toHaveText('Mogra');

  await a.context.close();
  await b.context.close();
});
