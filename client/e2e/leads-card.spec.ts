import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS_DIR;

test('on a referral lead card: pick the referrer, brief dates as dd/mm/yyyy, a follow-up at a picked IST time', async ({
  page,
}) => {
  await signIn(page, 'sales@mandap.demo');
  await page.goto('/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Name').fill('Kabir Referral');
  await dialog.getByLabel('Phone').fill(`96${String(Date.now()).slice(-8)}`);
  await dialog.getByRole('combobox', { name: 'Source' }).click();
  await page.getByRole('option', { name: 'Referral', exact: true }).click();
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  const card = page.getByRole('dialog', { name: 'Kabir Referral' });

  // The referrer is picked on the card itself and saved at once.
  await card.getByLabel('Referred by (client)').click();
  const first = page.getByRole('option').first();
  const clientName = (await first.textContent())!.split(' · ')[0]!;
  await first.click();
  await expect(page.getByText(`Referred by ${clientName}.`)).toBeVisible();
  await page.reload();
  await expect(card.getByLabel('Referred by (client)')).toHaveValue(new RegExp(`^${clientName}`));

  // Brief dates are typed and shown as dd/mm/yyyy.
  await card.getByRole('button', { name: 'Edit brief' }).click();
  await card.getByLabel('From', { exact: true }).fill('15/01/2027');
  await card.getByLabel('To', { exact: true }).fill('17/01/2027');
  await card.getByRole('button', { name: 'Add function' }).click();
  await card.getByRole('textbox', { name: 'Function', exact: true }).fill('Sangeet');
  await card.getByLabel('Function date').fill('16/01/2027');
  await card.getByLabel('Function guests').click();
  await card.getByRole('button', { name: 'Save brief' }).click();
  await expect(page.getByText('Brief saved.')).toBeVisible();
  await expect(card.getByText(/15\/01\/2027/).first()).toBeVisible();

  // A follow-up from the date-time picker, shown back in IST.
  await card.getByRole('tab', { name: 'Follow-ups' }).click();
  const tomorrow = new Date(Date.now() + 24 * 3600_000 + 5.5 * 3600_000); // IST calendar day, read in UTC
  const dayLabel = `${tomorrow.getUTCDate()} ${tomorrow.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${tomorrow.getUTCFullYear()}`;
  const ddmmyyyy = [tomorrow.getUTCDate(), tomorrow.getUTCMonth() + 1]
    .map((n) => String(n).padStart(2, '0'))
    .concat(String(tomorrow.getUTCFullYear()))
    .join('/');
  await card.getByLabel('Next follow-up (IST)').click();
  const picker = page.getByRole('dialog').filter({ has: page.getByRole('spinbutton') });
  await picker.getByRole('button', { name: dayLabel, exact: true }).click();
  const [hours, minutes] = await picker.getByRole('spinbutton').all();
  await hours!.fill('10');
  await minutes!.fill('30');
  await picker.getByRole('combobox').selectOption('AM');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/follow-up-picker.png` });
  await picker.locator('button').last().click(); // the picker's confirm (check mark)
  await expect(card.getByLabel('Next follow-up (IST)')).toHaveText(`${ddmmyyyy} 10:30 AM`);
  await card.getByRole('button', { name: 'Plan' }).click();
  await expect(page.getByText('Follow-up planned; a reminder is queued.')).toBeVisible();
  await expect(card.getByText(new RegExp(`${ddmmyyyy}, 10:30\\s?am`, 'i'))).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lead-card-follow-up.png` });
});
