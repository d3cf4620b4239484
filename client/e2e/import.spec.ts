import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers.ts';

/** Ten digits starting 98, unique to this run, so the demo house's leads never collide. */
const tag = String(Date.now()).slice(-6);
const phone = (n: number) => `98${n}${tag}${n}`.slice(0, 10);

async function importFile(page: Page, name: string, csv: string) {
  await page.goto('/leads/import');
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText(`rows in ${name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Check rows (dry run)' }).click();
  await expect(page.getByLabel('Import counts')).toBeVisible();
}

test('the review step decides a possible duplicate side by side, and a batch is undone only while its leads are untouched', async ({
  page,
}) => {
  test.setTimeout(120_000); // two imports and three undos through the whole stack
  await signIn(page, 'sales@mandap.demo');

  // A first file: two new leads.
  await importFile(
    page,
    `first-${tag}.csv`,
    `Client Name,Mobile\r\nRohan Desai,${phone(1)}\r\nKiran Rao,${phone(2)}\r\n`,
  );
  await expect(page.getByLabel('Import counts')).toContainText('2 to create');
  await page.getByRole('button', { name: 'Import 2 new' }).click();
  await expect(page.getByText('Import finished')).toBeVisible();
  await expect(page.getByLabel('Import counts')).toContainText('2 created');

  // A second file: the same phone under another name is a possible duplicate.
  await importFile(
    page,
    `second-${tag}.csv`,
    `Client Name,Mobile,Email ID,Guests\r\nPriya Desai,+91 ${phone(1).slice(0, 5)} ${phone(1).slice(5)},priya.${tag}@desai.in,300\r\nMeena Iyer,${phone(3)},,\r\n`,
  );
  const pair = page.getByLabel('Possible duplicate on line 2');
  await expect(pair).toContainText(/same phone as LD-.*\(Rohan Desai\), but the name differs/);
  await expect(pair.getByRole('row', { name: /Name/ })).toContainText('Priya Desai');
  await expect(pair.getByRole('row', { name: /Name/ })).toContainText('Rohan Desai');
  await expect(pair.getByRole('row', { name: /Guests/ })).toContainText('300');
  await expect(page.getByRole('button', { name: 'Decide 1 possible duplicates first' })).toBeDisabled();
  await pair.getByRole('button', { name: 'Merge' }).click();
  await expect(pair).toContainText('Decided: Merge');
  await page.getByRole('button', { name: 'Import 1 new and merge 1' }).click();
  await expect(page.getByText('Import finished')).toBeVisible();
  await expect(page.getByLabel('Import counts')).toContainText('1 merged');

  // The first import's Rohan Desai was merged into since: its undo is refused and changes nothing.
  const history = page.getByRole('table', { name: 'Recent imports' });
  const first = history.getByRole('row', { name: new RegExp(`first-${tag}`) });
  const second = history.getByRole('row', { name: new RegExp(`second-${tag}`) });
  await first.getByRole('button', { name: 'Undo' }).click();
  await first.getByRole('button', { name: 'Remove its 2 leads?' }).click();
  await expect(
    page.getByText(/1 lead has been worked on since the import \(LD-.*\); nothing was undone/),
  ).toBeVisible();
  await expect(first).toContainText('Imported');

  // Undo the second (its new lead goes, the merge is put back), then the first can go too.
  await second.getByRole('button', { name: 'Undo' }).click();
  await second.getByRole('button', { name: 'Remove its 1 leads?' }).click();
  await expect(second).toContainText('Undone');
  await first.getByRole('button', { name: 'Undo' }).click();
  await first.getByRole('button', { name: 'Remove its 2 leads?' }).click();
  await expect(first).toContainText('Undone');
});
