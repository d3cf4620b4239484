import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS_DIR;

async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a manager adds, edits, reorders and deletes assignment rules, and a new lead follows them', async ({ page }) => {
  const city = `Nashik ${String(Date.now()).slice(-6)}`;
  await signIn(page, 'manager@mandap.demo');
  await page.goto('/leads');
  await page.getByRole('button', { name: 'Assignment rules' }).click();
  const modal = page.getByRole('dialog', { name: 'Lead assignment rules' });
  await expect(modal).toBeVisible();

  // Without an owner the form says what is missing.
  await modal.getByRole('button', { name: 'Add rule' }).click();
  let form = modal.getByRole('form', { name: 'Assignment rule' });
  await form.getByRole('textbox', { name: 'City' }).fill(city);
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByText('Choose the sales person who gets these leads')).toBeVisible();
  await pick(page, form, 'Goes to', 'Kavya Reddy');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(modal.getByText(`When city is ${city}`)).toBeVisible();

  // A second rule, then move it above the first.
  await modal.getByRole('button', { name: 'Add rule' }).click();
  form = modal.getByRole('form', { name: 'Assignment rule' });
  await pick(page, form, 'Source', 'Walk in');
  await form.getByRole('textbox', { name: 'City' }).fill(city);
  await pick(page, form, 'Goes to', 'Aditya Kulkarni');
  await form.getByRole('button', { name: 'Add rule' }).click();
  const rules = modal.getByTestId('assignment-rule');
  const mine = rules.filter({ hasText: city });
  await expect(mine).toHaveCount(2);
  await expect(mine.last()).toContainText('source is Walk in and city is');
  await mine.last().getByRole('button', { name: 'Move up' }).click();
  await expect(mine.first()).toContainText('source is Walk in and city is');

  // Edit: the walk-in rule now sends leads to Kavya too.
  await mine.first().getByRole('button', { name: 'Edit rule' }).click();
  form = modal.getByRole('form', { name: 'Assignment rule' });
  await pick(page, form, 'Goes to', 'Kavya Reddy');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(mine.first()).toContainText('→ Kavya Reddy');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/assignment-rules.png` });

  // Delete the walk-in rule; the city rule stays and decides the owner of a new lead.
  // Both rules now say "→ Kavya Reddy": make sure the walk-in one is the row being deleted.
  const walkIn = mine.filter({ hasText: 'source is Walk in' });
  await expect(walkIn).toHaveCount(1);
  await walkIn.getByRole('button', { name: 'Delete rule' }).click();
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toContainText(`When city is ${city}`);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Name').fill('Rule Follower');
  await dialog.getByLabel('Phone').fill(`97${String(Date.now()).slice(-8)}`);
  await dialog.getByLabel('City').fill(city);
  await expect(dialog.getByLabel('City')).toHaveValue(city);
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  const drawer = page.getByRole('dialog', { name: 'Rule Follower' });
  await expect(drawer.getByLabel('Owner')).toHaveValue('Kavya Reddy');
  await page.keyboard.press('Escape');

  // Clean up so other specs see round-robin.
  await page.getByRole('button', { name: 'Assignment rules' }).click();
  await expect(mine).toHaveCount(1);
  await mine.first().getByRole('button', { name: 'Delete rule' }).click();
  await expect(mine).toHaveCount(0);
});

test('sales people do not see the assignment rules', async ({ page }) => {
  await signIn(page, 'sales@mandap.demo');
  await page.goto('/leads');
  await expect(page.getByRole('button', { name: 'New lead' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assignment rules' })).toHaveCount(0);
});
