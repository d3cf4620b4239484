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
