import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';

test('an altered or made-up sign-in link is refused with a page that says so, on a phone', async ({ browser }) => {
  const context = await browser.newContext({
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto('/m/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?event=00000000-0000-0000-0000-000000000000');
  await expect(page.getByRole('heading', { name: 'This link did not sign you in' })).toBeVisible();
  await expect(page.getByTestId('sign-in-link-error')).toContainText('not valid');
  await expect(page.getByRole('link', { name: 'sign in with your password' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sign-in-link-refused.png') });
  await context.close();
});

test('a client asks for a sign-in link on the sign-in page, and the emailed link opens their event page once', async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in with a link' })).toBeVisible();
  await page.getByLabel('Email').fill('client@mandap.demo');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status')).toContainText('a sign-in link is on its way');

  // What the client's mailbox receives: the message queued in the outbox.
  const db = createClient({ url: `file:${process.env.E2E_DATABASE_FILE}` });
  let link = '';
  await expect
    .poll(async () => {
      const { rows } = await db.execute(
        "SELECT payload FROM notification_outbox WHERE template = 'client_sign_in' AND channel = 'email' AND recipient = 'client@mandap.demo' ORDER BY rowid DESC LIMIT 1",
      );
      link = rows[0] ? (JSON.parse(String(rows[0].payload)) as { link: string }).link : '';
      return link;
    })
    .toMatch(/\/m\/[A-Za-z0-9_-]{20,}/);
  db.close();

  await page.goto(link);
  await expect(page).toHaveURL(/\/portal\/events\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('client-signed-in-by-link.png') });

  // The same link a second time is refused, with a page that says so.
  const again = await context.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This link did not sign you in' })).toBeVisible();
  await context.close();
});
