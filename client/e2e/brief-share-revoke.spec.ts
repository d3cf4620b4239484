import { expect, test } from '@playwright/test';
import { newEvent, openAs } from './helpers.ts';

const SHOTS = '/tmp/shots-collab';

test('a manager revokes a brief link: the client reading it live is told it was withdrawn, without a reload', async ({
  browser,
  request,
}) => {
  // Two browser contexts, a live brief and the collab server's access feed: slow on a loaded machine.
  test.setTimeout(120_000);
  const path = (await newEvent(request, { name: 'Brief revoke' })).workspace;
  const staff = await openAs(browser, 'manager@mandap.demo', `${path}?tab=brief`);
  await expect(staff.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 45_000 });
  await staff.page.getByTestId('brief-editor').click();
  await staff.page.keyboard.type('Sangeet rehearsal at 5 pm.');

  await staff.page.getByRole('button', { name: 'Share read-only' }).click();
  const dialog = staff.page.getByRole('dialog');
  await expect(dialog).toContainText('No link has been issued for this brief yet.');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const url = await dialog.getByTestId('brief-share-url').inputValue();
  const row = dialog.getByTestId('brief-share-link-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('by ');

  // The client opens it on a phone, no account, and reads along.
  const guestContext = await browser.newContext({
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    viewport: { width: 390, height: 844 },
  });
  const guest = await guestContext.newPage();
  await guest.goto(new URL(url).pathname);
  await expect(guest.getByTestId('brief-editor')).toContainText('Sangeet rehearsal at 5 pm.', { timeout: 45_000 });
  await expect(guest.getByTestId('sync-state')).toHaveText('Read-only · live');

  // The manager revokes it from the same dialog.
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
  await staff.page.screenshot({ path: `${SHOTS}/brief-share-revoked.png` });

  // The open page says so by itself (the collab server closed the socket), and nothing of the brief is left.
  const withdrawn = guest.getByTestId('brief-link-withdrawn');
  await expect(withdrawn).toContainText('This link was withdrawn', { timeout: 10_000 });
  await expect(guest.getByTestId('brief-editor')).toHaveCount(0);
  await guest.screenshot({ path: `${SHOTS}/brief-link-withdrawn-phone.png`, fullPage: true });

  // Opening it again is refused the same way.
  await guest.reload();
  await expect(guest.getByTestId('brief-link-withdrawn')).toContainText('This link was withdrawn', {
    timeout: 45_000,
  });

  await guestContext.close();
  await staff.context.close();
});
