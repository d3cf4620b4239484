import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
};

/** dnd-kit listens to pointer events: press, move past the activation distance, then over the target. */
async function drag(page: Page, card: Locator, target: Locator) {
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  await page.mouse.up();
}

async function createLead(page: Page, name: string, phone: string) {
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Phone').fill(phone);
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  return dialog;
}

test('sales creates a lead, sees the duplicate, drags it on the board and logs a call', async ({ page }) => {
  const phone = `98${String(Date.now()).slice(-8)}`;
  await signIn(page, 'sales@mandap.demo');
  await page.goto('/leads');
  await expect(page.getByRole('heading', { name: 'Leads' })).toBeVisible();

  const dialog = await createLead(page, 'Meera Kulkarni', `0${phone.slice(0, 5)} ${phone.slice(5)}`);
  await expect(dialog).toBeHidden();
  const drawer = page.getByRole('dialog', { name: 'Meera Kulkarni' });
  await expect(drawer).toBeVisible();
  const code = (await drawer.getByText(/^LD-\d{4}-\d{4}$/).textContent())!;
  await shot(page, 'lead-drawer');
  await page.keyboard.press('Escape');

  // The same phone, typed differently, shows the existing lead instead of creating a twin.
  const twin = await createLead(page, 'Meera K', `+91-${phone.slice(0, 5)}-${phone.slice(5)}`);
  await expect(twin.getByText('Already in the pipeline')).toBeVisible();
  await expect(twin.getByText(`Meera Kulkarni · ${code}`)).toBeVisible();
  await shot(page, 'duplicate');
  await twin.getByRole('button', { name: 'Cancel' }).click();
  // The modal's overlay fades out; a press while it is still there never reaches the card.
  await expect(twin).toBeHidden();

  const card = page.getByTestId(`lead-card-${code}`);
  await expect(page.getByTestId('stage-new').getByTestId(`lead-card-${code}`)).toBeVisible();
  await drag(page, card, page.getByTestId('stage-contacted'));
  await expect(page.getByText(`Meera Kulkarni moved to Contacted.`)).toBeVisible();
  await expect(page.getByTestId('stage-contacted').getByTestId(`lead-card-${code}`)).toBeVisible();

  // Going back to New is refused with the lifecycle's reason; the card stays put.
  await drag(page, page.getByTestId(`lead-card-${code}`), page.getByTestId('stage-new'));
  await expect(page.getByText('A lead that has been worked on cannot go back to New.')).toBeVisible();
  await expect(page.getByTestId('stage-contacted').getByTestId(`lead-card-${code}`)).toBeVisible();
  await shot(page, 'board-refused');

  // Log a call from the lead card.
  await page.getByTestId(`lead-card-${code}`).click();
  const card2 = page.getByRole('dialog', { name: 'Meera Kulkarni' });
  await card2.getByRole('tab', { name: 'Log contact' }).click();
  await card2.getByLabel('Minutes').fill('7');
  await card2.getByLabel('Notes').fill('Wants a winter wedding in Udaipur, 300 guests');
  await card2.getByRole('button', { name: 'Save to timeline' }).click();
  await expect(page.getByText('Call logged.')).toBeVisible();
  await card2.getByRole('tab', { name: 'Timeline' }).click();
  await expect(card2.getByText('Wants a winter wedding in Udaipur, 300 guests')).toBeVisible();
  await expect(card2.getByText('7 min')).toBeVisible();
  await expect(card2.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute(
    'href',
    new RegExp(`^https://wa.me/91${phone}\\?text=Namaste`),
  );
  await expect(card2.getByRole('link', { name: 'Call' })).toHaveAttribute('href', `tel:+91${phone}`);
  await shot(page, 'timeline');
});

test('imports a CSV: notes and refusals by line number, the rest imported, a second import adds nothing', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const n = String(Date.now()).slice(-5);
  const name = `leads-${n}.csv`;
  const csv = [
    'Full Name,Mobile,Email,Wedding Date,Status,Budget',
    `Tara Sen,98111${n},tara${n}@x.in,14/12/2026,New,25 lakh`,
    // Not a real date: the lead is kept, with a note naming the field.
    `Bad Date,98222${n},,31/02/2026,Contacted,`,
    // Neither a name, a phone nor an email: the only kind of row refused.
    ',,,,Hot,',
    `Vikram Rao,98333${n},,02/11/2026,Negotiation,"5,00,000"`,
  ].join('\n');
  await signIn(page, 'sales@mandap.demo');
  await page.goto('/leads/import');
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText(`4 rows in ${name}`)).toBeVisible();
  await shot(page, 'import-mapping');
  await page.getByRole('button', { name: 'Check rows (dry run)' }).click();
  const counts = page.getByLabel('Import counts');
  await expect(counts).toContainText('3 to create');
  await expect(counts).toContainText('1 kept with a note');
  await expect(counts).toContainText('1 not importable');
  const notes = page.getByRole('table', { name: 'Rows with notes or problems' });
  await expect(notes.getByRole('row', { name: /^3 Kept, with a note .*31\/02\/2026/ })).toBeVisible();
  await expect(notes.getByRole('row', { name: /^4 Not imported/ })).toBeVisible();
  await shot(page, 'import-preview');
  await page.getByRole('button', { name: 'Import 3 new' }).click();
  await expect(page.getByText('Import finished')).toBeVisible();
  await expect(counts).toContainText('3 created');
  await shot(page, 'import-done');

  // The same file again: the three leads are recognised, and nothing is left to import.
  await page.goto('/leads/import');
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check rows (dry run)' }).click();
  await expect(counts).toContainText('3 duplicates');
  await expect(page.getByRole('button', { name: 'Import 0 new' })).toBeDisabled();
});

test('the table view sorts on the server and opens a lead', async ({ page }) => {
  await signIn(page, 'sales@mandap.demo');
  await page.goto('/leads?view=table');
  const scroll = page.getByTestId('leads-table-scroll');
  await expect(scroll.getByRole('row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Sort by Budget up to' }).click();
  await expect(scroll.getByRole('row').first()).toBeVisible();
  await shot(page, 'table');
  await scroll.getByRole('row').first().click();
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeVisible();
});

test('reassigns a lead, attaches a file to a note, downloads it and converts the lead to a client', async ({
  page,
}) => {
  const phone = `97${String(Date.now()).slice(-8)}`;
  await signIn(page, 'sales@mandap.demo');
  await page.goto('/leads');
  await createLead(page, 'Anaya Deshpande', phone);
  const card = page.getByRole('dialog', { name: 'Anaya Deshpande' });
  await expect(card).toBeVisible();

  // Hand the lead to the manager, picked by name from the owners list.
  await card.getByLabel('Owner').click();
  const manager = page.getByRole('option', { name: /\(manager\)$/ });
  const managerName = (await manager.textContent())!.replace(/ \(manager\)$/, '');
  await manager.click();
  await expect(page.getByText(`Lead handed to ${managerName}.`)).toBeVisible();
  await expect(card.getByLabel('Owner')).toHaveValue(`${managerName} (manager)`);

  // A note with an attachment; the timeline lists the file and downloads the same bytes.
  await card.getByRole('tab', { name: 'Log contact' }).click();
  await card.getByText('Note', { exact: true }).click();
  await card.getByRole('textbox', { name: 'Note' }).fill('Shared the Udaipur venue shortlist');
  await card.locator('input[type=file]').setInputFiles({
    name: 'venue shortlist.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7 shortlist'),
  });
  await card.getByRole('button', { name: 'Save to timeline' }).click();
  await expect(page.getByText('Note logged with 1 file.')).toBeVisible();
  await card.getByRole('tab', { name: 'Timeline' }).click();
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'venue-shortlist.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('venue-shortlist.pdf');
  await shot(page, 'timeline-attachment');

  // Convert: a bad GSTIN is caught as it is typed; then client + tentative event in one step.
  await card.getByRole('button', { name: 'Convert to client' }).click();
  const convert = page.getByRole('dialog', { name: 'Convert to client' });
  await convert.getByLabel('GSTIN').fill('27AAPFU0939F1ZA');
  await expect(convert.getByText(/check character|checksum/i)).toBeVisible();
  await convert.getByLabel('GSTIN').fill('27AAPFU0939F1ZV');
  await expect(convert.getByText(/GSTIN checksum is valid/)).toBeVisible();
  await convert.getByLabel('State for GST').click();
  await page.getByRole('option', { name: /^27 · Maharashtra/ }).click();
  await convert.getByLabel('Billing address').fill('12 Carter Road, Bandra West, Mumbai 400050');
  await convert.getByLabel('Starts').fill('14/12/2026');
  await convert.getByLabel('Ends').fill('15/12/2026');
  await convert.getByLabel('City').fill('Udaipur');
  await shot(page, 'convert-form');
  await convert.getByRole('button', { name: 'Create client and event' }).click();
  await expect(convert.getByText(/Client CL-.* and tentative event EV-.* were created/)).toBeVisible();
  await expect(convert.getByRole('link', { name: /Open event EV-/ })).toBeVisible();
  await shot(page, 'converted');
});
