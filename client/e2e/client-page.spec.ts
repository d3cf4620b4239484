import { expect, test } from '@playwright/test';
import { openAs, uniqueDigits } from './helpers.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

test('the client follows their event live from a link on a phone; a withdrawn or altered link says so', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // The signed-in client finds their page from their event card.
  const client = await openAs(browser, 'client@mandap.demo', '/events');
  await client.page.getByRole('button', { name: 'Open your event page' }).first().click();
  await expect(client.page).toHaveURL(/\/portal\/events\/[0-9a-f-]+$/);
  const eventId = client.page.url().split('/').at(-1)!;
  await expect(client.page.getByRole('heading', { name: 'Where things stand' })).toBeVisible();
  await expect(client.page.getByTestId('live-state')).toHaveText('Live');

  // Staff add a client-visible step and an internal one, then make a link.
  const staff = await openAs(browser, 'ops@mandap.demo', `/events/${eventId}/client-page`);
  const addStep = async (title: string, visible: boolean) => {
    await staff.page.getByRole('textbox', { name: 'Step', exact: true }).fill(title);
    const sw = staff.page.getByRole('switch', { name: 'Client sees it' }).first();
    if ((await sw.isChecked()) !== visible) await sw.click({ force: true });
    await staff.page.getByRole('button', { name: 'Add step' }).click();
    await expect(staff.page.getByTestId('prep-step').filter({ hasText: title })).toBeVisible();
  };
  await addStep('Floral arrangements confirmed', true);
  await addStep('Internal: chase the tent vendor for a better rate', false);
  // Other specs may make links on this event too: this spec's link is the row made for this label.
  const madeFor = `The family ${uniqueDigits(4)}`;
  await staff.page.getByRole('textbox', { name: 'Made for' }).fill(madeFor);
  await staff.page.getByRole('button', { name: 'Make a link' }).click();
  const url = (await staff.page.getByTestId('portal-link-url').textContent())!.trim();
  expect(url).toMatch(/\/e\/[0-9a-f-]+\.\d+\.[\w-]{43}$/);

  // The link on a phone, with no sign-in.
  const phoneCtx = await browser.newContext({ ...PHONE, locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
  const phone = await phoneCtx.newPage();
  await phone.goto(new URL(url).pathname);
  // First load on a cold server and a busy machine: give the page's chunks time.
  await expect(phone.getByTestId('live-state')).toHaveText('Live', { timeout: 20_000 });
  const prep = phone.getByTestId('preparation');
  await expect(prep).toContainText('Floral arrangements confirmed');
  await expect(phone.locator('body')).not.toContainText('chase the tent vendor');
  await expect(phone.getByRole('heading', { name: 'Payments' })).toBeVisible();
  await expect(phone.getByRole('heading', { name: 'Your coordinator' })).toBeVisible();
  await expect(phone.getByTestId('portal-quote').first()).toBeVisible();
  // No horizontal scrolling on a phone.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Live: staff tick the step and add another; the phone shows both without a reload.
  const floral = staff.page
    .getByTestId('prep-step')
    .filter({ hasText: 'Floral arrangements confirmed' })
    .getByRole('checkbox');
  await floral.click();
  await expect(floral).toBeChecked();
  await addStep('Mehendi artist booked', true);
  await expect(prep).toContainText('Mehendi artist booked', { timeout: 10_000 });
  await expect(prep).toContainText(/Done \d{2}\/\d{2}\/\d{4}/);
  await expect(client.page.getByTestId('preparation')).toContainText('Mehendi artist booked', { timeout: 10_000 });
  await phone.screenshot({ path: '/tmp/portal/client-page-phone.png', fullPage: true });

  // An altered link.
  const path = new URL(url).pathname;
  await phone.goto(`${path.slice(0, -3)}${path.endsWith('AAA') ? 'BBB' : 'AAA'}`);
  await expect(phone.getByTestId('portal-refused')).toContainText('not valid');

  // Withdrawn: an open page loses its feed and says so; reopening says so too.
  await phone.goto(path);
  await expect(phone.getByTestId('live-state')).toHaveText('Live');
  const linkRow = staff.page.getByTestId('portal-link-row').filter({ hasText: madeFor });
  await linkRow.getByRole('button', { name: 'Withdraw' }).click();
  await expect(linkRow.getByText(/Withdrawn \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await phone.reload();
  await expect(phone.getByTestId('portal-refused')).toContainText('withdrawn');
  await phone.screenshot({ path: '/tmp/portal/client-page-withdrawn.png' });

  await Promise.all([client.context.close(), staff.context.close(), phoneCtx.close()]);
});
