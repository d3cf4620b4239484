import { expect, test } from '@playwright/test';
import { apiAuth, newEvent, openAs } from './helpers.ts';

const SHOTS = '/tmp/shots-event-access';
const indianDate = /\d{2}\/\d{2}\/\d{4}/;

test('a manager gives the demo vendor access on the event page, the vendor opens the board, removal closes it', async ({
  browser,
  request,
}) => {
  // Three browser contexts and the collab server's access feed: slow on a loaded machine.
  test.setTimeout(180_000);
  // An event of this spec's own: nobody outside the house is linked to it.
  const own = await newEvent(request, { name: 'Access panel' });
  const tasks = `${own.workspace}?tab=tasks`;

  // Sales reads events but may not change who sees them: no panel.
  const sales = await openAs(browser, 'sales@mandap.demo', own.workspace);
  await expect(sales.page.getByTestId('event-overview')).toBeVisible({ timeout: 30_000 });
  await expect(sales.page.getByTestId('event-access')).toHaveCount(0);
  await sales.context.close();

  const manager = await openAs(browser, 'manager@mandap.demo', own.workspace);
  const panel = manager.page.getByTestId('event-access');
  await expect(panel).toContainText('No vendor or client has access to this event yet.', { timeout: 30_000 });

  // Add the vendor: the form offers edit for a vendor and picks it.
  await panel.getByRole('button', { name: 'Add a person' }).click();
  const dialog = manager.page.getByRole('dialog', { name: 'Add a person to this event' });
  await dialog.getByRole('combobox', { name: 'Person' }).click();
  await manager.page.getByRole('option', { name: /Imran Qureshi \(Noor Decor\) · Vendor/ }).click();
  await expect(dialog.getByRole('radio', { name: 'Can edit' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  const row = panel.getByTestId('event-access-row').filter({ hasText: 'Imran Qureshi' });
  await expect(row).toContainText('Added by Priya Nair on');
  await expect(row).toContainText(indianDate);
  await expect(row.getByRole('radio', { name: 'Can edit' })).toBeChecked();
  await manager.page.screenshot({ path: `${SHOTS}/panel-desktop.png`, fullPage: true });

  // The vendor, on a phone, opens the event's task board: it syncs.
  const vendor = await openAs(browser, 'vendor@mandap.demo');
  await vendor.page.setViewportSize({ width: 390, height: 844 });
  await vendor.page.goto(tasks);
  await expect(vendor.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 45_000 });
  await expect(vendor.page.getByRole('textbox', { name: 'New task' })).toBeVisible();
  await expect(vendor.page.getByTestId('column-todo')).toBeVisible();

  // The manager removes them, confirming first.
  await row.getByRole('button', { name: 'Remove Imran Qureshi (Noor Decor)' }).click();
  const confirm = manager.page.getByRole('dialog', { name: 'Remove their access?' });
  await expect(confirm).toContainText('will no longer see this event');
  await confirm.getByRole('button', { name: 'Remove access' }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByTestId('event-access-row')).toHaveCount(0);
  await expect(panel).toContainText('No vendor or client has access to this event yet.');

  // The vendor's open board is closed by the collab server, without a reload, and says why.
  await expect(vendor.page.getByTestId('sync-state')).toHaveText('Your account cannot open this document.', {
    timeout: 15_000,
  });
  // Only the refusal: no board left to type into.
  await expect(vendor.page.getByRole('textbox', { name: 'New task' })).toHaveCount(0);
  await expect(vendor.page.getByTestId('column-todo')).toHaveCount(0);
  await vendor.page.screenshot({ path: `${SHOTS}/vendor-refused-phone.png`, fullPage: true });
  // Opening the event again is refused by the API as well.
  const refused = await request.get(`/api/events/${own.eventId}`, {
    headers: await apiAuth(request, 'vendor@mandap.demo'),
  });
  expect(refused.status()).toBe(404);

  // The panel on a phone, with a client added view-only: the client cannot be given edit.
  await manager.page.setViewportSize({ width: 390, height: 844 });
  await panel.getByRole('button', { name: 'Add a person' }).click();
  await dialog.getByRole('combobox', { name: 'Person' }).click();
  await manager.page.getByRole('option', { name: /Ananya Kapoor · Client/ }).click();
  await expect(dialog.getByRole('radio', { name: 'Can edit' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('event-access-row').filter({ hasText: 'Ananya Kapoor' })).toContainText('View only');
  await panel.screenshot({ path: `${SHOTS}/panel-phone.png` });

  // Leave the demo client as other specs find her, linked to her own event only (her emailed
  // sign-in link opens her one event page: portal-sign-in-link.spec).
  const client = panel.getByTestId('event-access-row').filter({ hasText: 'Ananya Kapoor' });
  await client.getByRole('button', { name: 'Remove Ananya Kapoor' }).click();
  await confirm.getByRole('button', { name: 'Remove access' }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByTestId('event-access-row')).toHaveCount(0);

  await vendor.context.close();
  await manager.context.close();
});
