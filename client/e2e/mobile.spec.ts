import { expect, test } from '@playwright/test';
import { mainNav, signIn } from './helpers.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('on a phone the navigation sits behind a burger menu and works', async ({ page }) => {
  await signIn(page, 'ops@mandap.demo');
  const burger = page.getByRole('button', { name: 'Open navigation' });
  await expect(burger).toBeVisible();
  await expect(mainNav(page)).not.toBeInViewport();

  await burger.click();
  await expect(mainNav(page)).toBeInViewport();
  await mainNav(page).getByRole('link', { name: 'Events' }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible();
  await expect(mainNav(page)).not.toBeInViewport();

  await page.getByRole('button', { name: 'Open navigation' }).click();
  await mainNav(page).getByRole('link', { name: 'Vendors' }).click();
  await expect(page.getByRole('heading', { name: 'Vendors' })).toBeVisible();
});
