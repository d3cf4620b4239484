import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openAs } from './helpers.ts';

async function tokenFor(request: APIRequestContext, email: string) {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${(await res.json()).accessToken}` };
}

/** The demo event with the seeded chain: the caterer's menu, décor waiting on it, lighting waiting on the décor. */
async function chainEvent(request: APIRequestContext) {
  const ops = await tokenFor(request, 'ops@mandap.demo');
  const { assignments } = await (await request.get('/api/vendor-work/assignments', { headers: ops })).json();
  const decor = (assignments as { eventId: string; scope: string; id: string; vendorId: string }[]).find((a) =>
    a.scope.startsWith('Table and stage décor'),
  )!;
  const other = (assignments as { eventId: string; vendorName: string; id: string }[]).find(
    (a) => a.vendorName === 'Shree Caterers',
  )!;
  return { eventId: decor.eventId, decorId: decor.id, shreeAssignment: other.id };
}

test('the event vendor view draws the graph and shows the blocked vendors with the reason', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const { eventId, decorId } = await chainEvent(request);
  const { context, page } = await openAs(browser, 'ops@mandap.demo', '/vendors');
  await expect(page.getByRole('heading', { name: 'Vendors' })).toBeVisible();
  await expect(page.getByTestId('vendor-table')).toContainText('Shree Caterers');
  await expect(page.getByTestId('vendor-table')).toContainText('XXXXXX4321'); // masked, never the number

  await page.goto(`/vendors/events/${eventId}`);
  await expect(page.getByTestId('vendor-graph')).toBeVisible();
  await expect(page.getByTestId(`graph-node-${decorId}`)).toHaveAttribute('data-blocked', 'true');
  await expect(page.getByTestId('blocked-summary')).toContainText('Noor Decor');
  await expect(page.getByTestId('blocked-summary')).toContainText('waits on Shree Caterers');
  await expect(page.getByTestId('blocked-summary')).toContainText('Roshni Lights');
  // ops may not see the margin
  await expect(page.getByTestId('margin')).toHaveCount(0);

  // the caterer delivers the menu: décor is no longer blocked, lighting still waits on décor
  const row = page.getByTestId('assignment-table').getByRole('row').filter({ hasText: 'Confirmed menu' });
  await row.getByRole('button', { name: 'In progress' }).click();
  await expect(row.getByRole('button', { name: 'Delivered' })).toBeVisible();
  await row.getByRole('button', { name: 'Delivered' }).click();
  await expect(page.getByTestId(`graph-node-${decorId}`)).toHaveAttribute('data-blocked', 'false');
  await expect(page.getByTestId('blocked-summary')).toContainText('Roshni Lights');
  await expect(page.getByTestId('blocked-summary')).not.toContainText('waits on Shree Caterers');
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a vendor sees their own work, who holds them up and whom they hold up, and checks in', async ({
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const { shreeAssignment } = await chainEvent(request);
    const context = await browser.newContext({
      locale: 'en-IN',
      timezoneId: 'Asia/Kolkata',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill('vendor@mandap.demo');
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).click();
    await expect(page.getByRole('heading', { name: 'My work' })).toBeVisible();
    await expect(page.getByText('Noor Decor · VN-')).toBeVisible();
    const decor = page.getByTestId('my-assignment').filter({ hasText: 'Table and stage décor' });
    await expect(decor).toContainText('Holding up Roshni Lights');
    await expect(decor).toContainText(/PO\/\d{4}-\d{2}\/\d{4}/);
    // nothing of the client's money or margins, and no other vendor's PO
    const body = await page.locator('body').innerText();
    for (const word of ['Margin', 'margin', 'Receivable', 'Dinner buffet']) expect(body).not.toContain(word);
    // no sideways scrolling on a phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await decor.locator('input[type=file]').setInputFiles({
      name: 'proof.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 delivery proof'),
    });
    await expect(page.getByText('proof.pdf sent to the house.')).toBeVisible();

    const sheet = page.getByTestId('call-sheet-row').filter({ hasText: 'Table and stage décor' });
    await sheet.getByRole('button', { name: 'I have arrived' }).click();
    await expect(sheet).toContainText('Checked in');

    // another vendor's assignment answers 404 to this vendor, the staff list 403
    const vendor = await tokenFor(request, 'vendor@mandap.demo');
    expect(
      (
        await request.post(`/api/vendor-work/mine/assignments/${shreeAssignment}/check-in`, { headers: vendor })
      ).status(),
    ).toBe(404);
    expect((await request.get('/api/vendor-work/assignments', { headers: vendor })).status()).toBe(403);
    await page.goto('/vendors');
    await expect(page.getByTestId('not-available')).toBeVisible();
    await context.close();
  });
});

test('finance sees vendor payables with ageing and may reveal bank details', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await openAs(browser, 'finance@mandap.demo', '/vendors');
  const payables = page.getByTestId('vendor-payables');
  await expect(payables).toContainText('Shree Caterers');
  await expect(payables).toContainText('Overdue');
  await page.getByTestId('vendor-table').getByRole('row').filter({ hasText: 'Shree Caterers' }).click();
  const card = page.getByTestId('vendor-card');
  await expect(card.getByTestId('bank-line')).toContainText('XXXXXX4321');
  await card.getByRole('button', { name: 'Reveal' }).click();
  await expect(card.getByTestId('bank-line')).toContainText('50100987654321');
  await context.close();
});

test('a vendor is added, assigned with a PO, accepts it through the link, is part-paid and rated', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { eventId } = await chainEvent(request);
  const { context, page } = await openAs(browser, 'manager@mandap.demo', '/vendors');
  const shot = (p: typeof page, name: string) =>
    process.env.VENDOR_SHOTS ? p.screenshot({ path: `${process.env.VENDOR_SHOTS}/${name}.png`, fullPage: true }) : null;
  await expect(page.getByRole('heading', { name: 'Vendors' })).toBeVisible({ timeout: 20_000 });

  // 1. the vendor master: a new florist
  await page.getByRole('button', { name: 'Add vendor' }).click();
  const form = page.getByRole('dialog', { name: 'Add vendor' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Gulmohar Florists');
  await form.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Florist' }).click();
  await form.getByLabel('Contact name').fill('Farida Khan');
  await form.getByLabel('Contact phone').fill('+91 98200 44110');
  await form.getByRole('button', { name: 'Save vendor' }).click();
  await expect(page.getByTestId('vendor-table')).toContainText('Gulmohar Florists');

  // 2. assigned to the event with a PO, the vendor chosen by category with its rating shown
  await page.goto(`/vendors/events/${eventId}`);
  await page.getByRole('button', { name: 'Assign vendor' }).click();
  const assign = page.getByTestId('assign-vendor');
  await assign.getByRole('combobox', { name: 'Category', exact: true }).click();
  await page.getByRole('option', { name: 'Florist' }).click();
  await assign.getByRole('combobox', { name: 'Vendor', exact: true }).click();
  await page.getByRole('option', { name: /Gulmohar Florists/ }).click();
  await expect(assign.getByTestId('chosen-vendor')).toContainText('not rated yet');
  await assign.getByLabel('Scope of work').fill('Mandap florals and entrance garlands');
  await assign.getByLabel('Description').fill('Marigold and rose mandap');
  await assign.getByLabel('Qty').fill('2');
  await assign.getByLabel('Rate (INR)').fill('60000');
  await expect(assign.getByTestId('po-total')).toContainText('₹1,20,000');
  await assign.getByRole('button', { name: 'Assign with PO' }).click();
  const drawer = page.getByTestId('assignment-drawer');
  await expect(drawer).toContainText('Gulmohar Florists');
  await expect(drawer).toContainText(/PO\/\d{4}-\d{2}\/\d{4}/);
  await expect(drawer.getByTestId('po-payable')).toHaveText('₹1,20,000.00');

  // 3. the PO link, opened by the vendor in a fresh browser with no sign-in, and accepted
  await drawer.getByRole('button', { name: 'Share PO with the vendor' }).click();
  const url = await drawer.getByTestId('po-link-url').inputValue();
  expect(url).toMatch(/\/po\/[\w.-]+$/);
  await shot(page, 'drawer-desktop');
  // the vendor opens it on a phone
  const vendorContext = await browser.newContext({
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const vendorPage = await vendorContext.newPage();
  await vendorPage.goto(new URL(url).pathname);
  const po = vendorPage.getByTestId('public-po');
  await expect(po).toContainText('Gulmohar Florists');
  await expect(po).toContainText('Mandap florals and entrance garlands');
  await expect(vendorPage.getByTestId('public-po-due')).toHaveText('₹1,20,000.00');
  await expect(po).toContainText(/\d{2}\/\d{2}\/\d{4}/); // the event date, dd/mm/yyyy
  const seen = await po.innerText();
  for (const word of ['Margin', 'Shree Caterers', 'Receivable']) expect(seen).not.toContain(word);
  expect(await vendorPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(vendorPage, 'public-po-phone');
  await vendorPage.getByLabel('Your name').fill('Farida Khan');
  await vendorPage.getByRole('button', { name: 'Accept PO' }).click();
  await expect(vendorPage.getByTestId('po-accepted')).toContainText('Farida Khan accepted this PO');

  // staff see the acceptance: the PO is confirmed
  await page.reload();
  await page.getByTestId('assignment-table').getByRole('button', { name: 'Gulmohar Florists' }).click();
  await expect(drawer.getByTestId('po-links')).toContainText('Accepted by Farida Khan');
  await expect(drawer).toContainText('Confirmed');

  // 4. a schedule, then a part payment: payable drops, the vendor's link shows it
  await drawer.getByRole('button', { name: 'Set payment schedule' }).click();
  await drawer.getByRole('button', { name: 'Save schedule' }).click();
  await expect(drawer.getByTestId('po-schedule')).toContainText('Advance');
  const pay = drawer.getByTestId('vendor-payment-form');
  await pay.getByLabel('Amount paid (INR)').fill('50000');
  await pay.getByLabel('Reference').fill('UTR99887766');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(drawer.getByTestId('po-paid')).toHaveText('₹50,000.00');
  await expect(drawer.getByTestId('po-payable')).toHaveText('₹70,000.00');
  await expect(drawer.getByTestId('po-payments')).toContainText('UTR99887766');
  await shot(page, 'drawer-paid-desktop');
  await vendorPage.reload();
  await expect(vendorPage.getByTestId('public-po-paid')).toHaveText('₹50,000.00');
  await expect(vendorPage.getByTestId('public-po-due')).toHaveText('₹70,000.00');
  await vendorContext.close();

  // 5. the work is delivered and the manager rates the vendor; the rating shows on the vendor's card
  await page.keyboard.press('Escape');
  const row = page.getByTestId('assignment-table').getByRole('row').filter({ hasText: 'Gulmohar Florists' });
  await row.getByRole('button', { name: 'In progress' }).click();
  await row.getByRole('button', { name: 'Delivered' }).click();
  await expect(row).toContainText('Delivered');
  await row.getByRole('button', { name: 'PO and payments' }).click();
  const rate = drawer.getByTestId('rate-vendor');
  const fourId = await rate.getByRole('radio', { name: '4' }).getAttribute('id');
  await rate.locator(`label[for="${fourId}"]`).click();
  await expect(rate).toContainText('4 of 5');
  await rate.getByLabel('Performance notes').fill('On time; garlands fresh till the end');
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await expect(rate.getByRole('button', { name: 'Update rating' })).toBeVisible();
  await page.goto('/vendors');
  await page.getByTestId('vendor-table').getByRole('row').filter({ hasText: 'Gulmohar Florists' }).click();
  await expect(page.getByTestId('vendor-card')).toContainText('garlands fresh');
  await expect(page.getByTestId('vendor-payables')).toContainText('Gulmohar Florists');
  await shot(page, 'vendors-desktop');
  await context.close();
});
