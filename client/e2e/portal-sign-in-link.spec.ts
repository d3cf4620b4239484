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
