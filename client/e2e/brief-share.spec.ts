import { expect, test } from '@playwright/test';
import { newEvent, openAs } from './helpers.ts';

const SHOTS = '/tmp/shots-collab';

test('a manager shares the brief read-only; the client sees it live without signing in', async ({
  browser,
  request,
}) => {
  const path = (await newEvent(request, { name: 'Brief share' })).workspace;
  const staff = await openAs(browser, 'manager@mandap.demo', `${path}?tab=brief`);
  await expect(staff.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  const editor = staff.page.getByTestId('brief-editor');
  await editor.click();
  await staff.page.keyboard.type('Haldi at 10 am by the pool.');

  await staff.page.getByRole('button', { name: 'Share read-only' }).click();
  await staff.page.getByRole('button', { name: 'Create link' }).click();
  const url = await staff.page.getByTestId('brief-share-url').inputValue();
  expect(url).toMatch(/\/b\/event:[0-9a-f-]+:brief~[0-9a-f-]{36}\.\d+\.[\w-]{43}$/);
  await expect(staff.page.getByRole('dialog')).toContainText('Expires on');
  await staff.page.screenshot({ path: `${SHOTS}/brief-share-modal.png` });
  await staff.page.keyboard.press('Escape');

  // A client on a phone, no account.
  const guestContext = await browser.newContext({
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    viewport: { width: 390, height: 844 },
  });
  const guest = await guestContext.newPage();
  await guest.goto(new URL(url).pathname);
  const guestEditor = guest.getByTestId('brief-editor');
  await expect(guestEditor).toContainText('Haldi at 10 am by the pool.', { timeout: 15_000 });
  await expect(guest.getByTestId('sync-state')).toHaveText('Read-only · live');
  await expect(guestEditor).toHaveAttribute('contenteditable', 'false');

  await editor.click();
  await staff.page.keyboard.press('End');
  await staff.page.keyboard.type(' Yellow dress code.');
  await expect(guestEditor).toContainText('Yellow dress code.');
  await guest.screenshot({ path: `${SHOTS}/brief-shared-phone.png`, fullPage: true });

  // An altered link is refused plainly.
  const [subject, exp, sig] = new URL(url).pathname.split('.') as [string, string, string];
  const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
  await guest.goto(`${subject}.${exp}.${flipped}`);
  await expect(guest.getByRole('alert')).toContainText('This link is no longer valid', { timeout: 15_000 });
  await expect(guest.getByTestId('brief-editor')).toHaveCount(0);

  await guestContext.close();
  await staff.context.close();
});

test('sales opens the live brief from the lead card', async ({ browser }) => {
  const sales = await openAs(browser, 'sales@mandap.demo', '/leads');
  await sales.page.locator('[data-testid^="lead-card-"]').first().click();
  await sales.page.getByRole('link', { name: 'Live brief' }).click();
  await expect(sales.page).toHaveURL(/\/leads\/[0-9a-f-]+\/brief$/);
  await expect(sales.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await sales.page.getByTestId('brief-editor').click();
  await sales.page.keyboard.type('Called on Monday: 300 guests, Udaipur, Dec 2027.');
  await sales.page.reload();
  await expect(sales.page.getByTestId('brief-editor')).toContainText('300 guests, Udaipur', { timeout: 15_000 });
  await sales.page.screenshot({ path: `${SHOTS}/lead-brief.png`, fullPage: true });
  await sales.context.close();
});
