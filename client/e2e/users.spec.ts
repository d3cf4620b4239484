import { expect, test } from '@playwright/test';
import { mainNav, signIn } from './helpers.ts';

test('super admin invites a user, changes their role and deactivates them', async ({ page }) => {
  const email = `kavya.${Date.now()}@gulmohar.test`;
  await signIn(page, 'admin@mandap.demo');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();

  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a user' });
  await dialog.getByLabel('Full name').fill('Kavya Iyer');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel(/^Role/).click();
  await page.getByRole('option', { name: 'Sales' }).click();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toContainText('Kavya Iyer');
  await expect(row).toContainText('Invited');
  const role = row.getByLabel('Role of Kavya Iyer');
  await expect(role).toHaveValue('Sales');

  await role.click();
  await page.getByRole('option', { name: 'Operations' }).click();
  await expect(page.getByText('Kavya Iyer is now Operations.')).toBeVisible();
  await page.reload();
  // A reload on a busy machine loads the app's chunks again: give the list time to come back.
  await expect(page.getByTestId(`user-row-${email}`).getByLabel('Role of Kavya Iyer')).toHaveValue('Operations', {
    timeout: 15_000,
  });

  await page.getByTestId(`user-row-${email}`).getByRole('button', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate this account?' });
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(confirm).toBeHidden();
  // Deactivated users leave the "Current" list and show up under "Deactivated".
  await expect(page.getByTestId(`user-row-${email}`)).toHaveCount(0);
  await page.getByText('Deactivated', { exact: true }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('Deactivated');
  await expect(page.getByTestId(`user-row-${email}`).getByRole('button', { name: 'Reactivate' })).toBeVisible();
});

test('a manager cannot grant super admin', async ({ page }) => {
  await signIn(page, 'manager@mandap.demo');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Invite user' }).click();
  await page.getByRole('dialog').getByLabel(/^Role/).click();
  await expect(page.getByRole('option', { name: 'Manager' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Super admin' })).toHaveCount(0);
});
