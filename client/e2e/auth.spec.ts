import { navFor, ROLE_LABELS, type Role } from '@mandap/shared/access';
import { expect, test } from '@playwright/test';
import { mainNav, signIn, signOut, submitSignIn } from './helpers.ts';

const DEMO: Record<Role, string> = {
  super_admin: 'admin@mandap.demo',
  manager: 'manager@mandap.demo',
  sales: 'sales@mandap.demo',
  operations: 'ops@mandap.demo',
  finance: 'finance@mandap.demo',
  vendor: 'vendor@mandap.demo',
  client: 'client@mandap.demo',
};

for (const [role, email] of Object.entries(DEMO) as [Role, string][]) {
  test(`${role} signs in, sees exactly their navigation, and signs out`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/$/);
    const links = mainNav(page).getByRole('link');
    await expect(links).toHaveText(navFor(role).map((a) => a.label));
    for (const area of navFor(role)) {
      await expect(mainNav(page).getByRole('link', { name: area.label })).toHaveAttribute('href', area.path);
    }
    await page.getByRole('button', { name: 'Account menu' }).click();
    await expect(page.getByRole('menu').getByText(ROLE_LABELS[role], { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await signOut(page);
    // Signed out for real: the app does not restore the session from the cookie.
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });
}

test('a wrong password shows a clear error and stays on the login page', async ({ page }) => {
  await submitSignIn(page, 'manager@mandap.demo', 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('Email or password is wrong.');
  await expect(page).toHaveURL(/\/login$/);
});

test('a session survives a reload (restored from the refresh cookie)', async ({ page }) => {
  await signIn(page, 'sales@mandap.demo');
  await expect(mainNav(page)).toBeVisible();
  await page.reload();
  await expect(mainNav(page).getByRole('link', { name: 'Leads' })).toBeVisible();
});

test('forgot password says a link is on its way', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('If that email has an account, a reset link is on its way');
});

test('unknown routes show a 404 page', async ({ page }) => {
  await signIn(page, 'manager@mandap.demo');
  await expect(mainNav(page)).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
