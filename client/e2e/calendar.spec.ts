import { expect, test } from '@playwright/test';
import { openAs } from './helpers.ts';

test('month, week and agenda views; a multi-day event on each day; drag to reschedule; filters; .ics feed', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const { context, page } = await openAs(browser, 'manager@mandap.demo', '/calendar');
  await expect(page.getByRole('heading', { name: 'Calendar' })).toBeVisible();
  // The demo client's destination wedding runs 02/02/2027 to 04/02/2027.
  for (let i = 0; i < 24 && (await page.getByTestId('calendar-title').textContent()) !== 'February 2027'; i++)
    await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('calendar-title')).toHaveText('February 2027');
  const wedding = (day: string) =>
    page.locator(`[data-day="${day}"] [data-key^="event:"]`).filter({ hasText: "Ananya's destination wedding" });
  for (const day of ['2027-02-02', '2027-02-03', '2027-02-04']) await expect(wedding(day)).toHaveCount(1);
  await expect(wedding('2027-02-05')).toHaveCount(0);

  // Drag it a week later: all three days move.
  await wedding('2027-02-02').dragTo(page.locator('[data-day="2027-02-09"]'));
  await expect(page.getByText(/moved to 09\/02\/2027/)).toBeVisible();
  for (const day of ['2027-02-09', '2027-02-10', '2027-02-11']) await expect(wedding(day)).toHaveCount(1);
  await expect(wedding('2027-02-02')).toHaveCount(0);

  // Filters: without events the wedding is gone; back with it.
  await page.getByText('Events', { exact: true }).last().click();
  await expect(wedding('2027-02-09')).toHaveCount(0);
  await page.getByText('Events', { exact: true }).last().click();
  await expect(wedding('2027-02-09')).toHaveCount(1);

  // Week and agenda views.
  await page.getByText('Week', { exact: true }).click();
  await page.getByText('Agenda', { exact: true }).click();
  await expect(page.getByTestId('agenda')).toBeVisible();

  // The feed: a secret address that answers .ics; a wrong secret is a 404.
  await page.getByRole('button', { name: 'Calendar feed' }).click();
  await page.getByRole('button', { name: /Make my feed address|Make a new address/ }).click();
  const url = (await page.getByTestId('feed-url').textContent())!.trim();
  const ok = await request.get(new URL(url).pathname);
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-type']).toContain('text/calendar');
  expect(await ok.text()).toContain('BEGIN:VCALENDAR');
  const wrong = new URL(url).pathname.replace(/.{6}\.ics$/, 'AAAAAA.ics');
  expect((await request.get(wrong)).status()).toBe(404);
  await context.close();

  // A client sees their own event (moved) and cannot drag it.
  const client = await openAs(browser, 'client@mandap.demo', '/calendar');
  for (let i = 0; i < 24 && (await client.page.getByTestId('calendar-title').textContent()) !== 'February 2027'; i++)
    await client.page.getByRole('button', { name: 'Next' }).click();
  const own = client.page.locator('[data-day="2027-02-09"] [data-key^="event:"]').first();
  await expect(own).toBeVisible();
  await expect(own).toHaveAttribute('draggable', 'false');
  await client.context.close();
});
