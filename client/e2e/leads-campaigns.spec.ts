import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

test('a website lead shows its UTM on the card and is found by its campaign; an event type added in settings is on the lead form', async ({
  page,
  request,
}) => {
  const stamp = String(Date.now()).slice(-6);
  const campaign = `Diwali sangeet ${stamp}`;
  const phone = `97${String(Date.now()).slice(-8)}`;
  const sent = await request.post('/api/intake/website', {
    data: {
      name: `Tanvi Rao ${stamp}`,
      phone,
      message: 'Sangeet for 250 guests',
      eventType: 'sangeet',
      utm_source: 'instagram',
      utm_medium: 'paid_social',
      utm_campaign: campaign,
      utm_content: 'reel-3',
      landingPage: '/sangeet',
      formStartedAt: Date.now() - 60_000,
    },
  });
  expect(sent.status()).toBe(200);
  const code = (await sent.json()).reference as string;

  await signIn(page, 'admin@mandap.demo');
  // Settings → Event types: the built-in Indian functions are listed; the house adds its own.
  await page.goto('/settings');
  const types = page.getByRole('region', { name: 'Event types' });
  await expect(types.getByText('Mehendi', { exact: true })).toBeVisible();
  await expect(types.getByText('Nikah', { exact: true })).toBeVisible();
  const label = `Jaago ${stamp}`;
  await types.getByLabel('Add an event type').fill(label);
  await types.getByRole('button', { name: 'Add' }).click();
  await expect(types.getByText(label, { exact: true })).toBeVisible();

  // The leads list filtered by the campaign, on the server: only this lead.
  await page.goto('/leads');
  await page.getByRole('combobox', { name: 'Filter by campaign' }).click();
  await page.getByRole('option', { name: new RegExp(`^${campaign} \\(1\\)$`) }).click();
  await expect(page.getByTestId(`lead-card-${code}`)).toBeVisible();
  await expect(page.getByTestId(/^lead-card-/)).toHaveCount(1);
  await page.getByTestId(`lead-card-${code}`).click();
  const card = page.getByRole('dialog', { name: `Tanvi Rao ${stamp}` });
  const utm = card.getByLabel('Campaign and UTM');
  await expect(utm.getByText(campaign)).toBeVisible();
  await expect(utm.getByText('instagram')).toBeVisible();
  await expect(utm.getByText('reel-3')).toBeVisible();
  await page.keyboard.press('Escape');

  // The new lead form offers the type the house added.
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByRole('combobox', { name: 'Event type' }).click();
  await expect(page.getByRole('option', { name: label })).toBeVisible();
});
