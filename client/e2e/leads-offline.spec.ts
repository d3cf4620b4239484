import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp/shots-leads';

/**
 * A call logged in a basement with no signal: it waits on the device (with its
 * Idempotency-Key), shows as queued on the lead's timeline, and reaches the server exactly
 * once when the browser is back online.
 */
test('a call logged offline is queued on the device and sent once when back online', async ({
  page,
  context,
  request,
}) => {
  const phone = `96${String(Date.now()).slice(-8)}`;
  const notes = `Offline call ${phone}: venue walk-through on Saturday`;
  await signIn(page, 'sales@mandap.demo');
  await page.goto('/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Name').fill('Rohan Iyer');
  await dialog.getByLabel('Phone').fill(phone);
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  const card = page.getByRole('dialog', { name: 'Rohan Iyer' });
  await expect(card).toBeVisible();

  await context.setOffline(true);
  await card.getByRole('tab', { name: 'Log contact' }).click();
  await expect(card.getByText("You're offline")).toBeVisible();
  await expect(card.getByText('Attachments need the network', { exact: false })).toBeVisible();
  await card.getByLabel('Minutes').fill('4');
  await card.getByLabel('Notes').fill(notes);
  await page.screenshot({ path: `${SHOTS}/log-offline.png` });
  await card.getByRole('button', { name: 'Save to timeline' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Queued on this device' }).first()).toBeVisible();

  await card.getByRole('tab', { name: 'Timeline' }).click();
  const queued = card.getByTestId('queued-communication');
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText(notes);
  await expect(card.getByText('Queued on this device, will send when online')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/timeline-queued.png` });

  await context.setOffline(false);
  await expect(queued).toHaveCount(0, { timeout: 15_000 });
  await expect(card.getByText(notes)).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/timeline-sent.png` });

  // The server has it exactly once.
  const login = await request.post('/api/auth/login', {
    data: { email: 'manager@mandap.demo', password: DEMO_PASSWORD },
  });
  const auth = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const { leads } = await (await request.get(`/api/leads?q=${phone}`, { headers: auth })).json();
  expect(leads).toHaveLength(1);
  const { communications } = await (
    await request.get(`/api/leads/${leads[0].id}/communications`, { headers: auth })
  ).json();
  expect(communications.filter((c: { body: string | null }) => c.body === notes)).toHaveLength(1);
});
