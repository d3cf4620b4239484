import { NAV_AREAS, navFor } from '@mandap/shared/access';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, mainNav, openAs, signIn, signOut } from './helpers.ts';

/**
 * Internal screens stay internal: a client and a vendor type every internal URL and get the
 * "not available" page, with no internal data on screen and no internal API call answered.
 */

async function tokenFor(request: APIRequestContext, email: string) {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${(await res.json()).accessToken}` };
}

/** Strings that only internal screens show: lead names, rate-card items, quote codes of other events. */
async function internalMarkers(request: APIRequestContext) {
  const sales = await tokenFor(request, 'sales@mandap.demo');
  const { leads } = await (await request.get('/api/leads?limit=20', { headers: sales })).json();
  const catalogue = await (await request.get('/api/quote-catalogue', { headers: sales })).json();
  const { quotes } = await (await request.get('/api/quotes', { headers: sales })).json();
  const items = (catalogue.items ?? []) as { name: string }[];
  return {
    texts: [
      ...(leads as { name: string }[]).slice(0, 10).map((l) => l.name),
      ...items.slice(0, 10).map((i) => i.name),
      ...(quotes as { code: string }[]).map((q) => q.code),
    ],
    quoteId: (quotes as { id: string }[])[0]!.id,
  };
}

const INTERNAL_DATA_API =
  /\/api\/(leads|quote-catalogue|users|settings|payments\/(outstanding|overdue|balances|ledger|trial-balance|integrity)|follow-ups|imports|fx)/;

async function tryInternalUrls(page: Page, urls: string[], markers: string[]) {
  const answered: string[] = [];
  page.on('response', (r) => {
    if (INTERNAL_DATA_API.test(new URL(r.url()).pathname) && r.status() < 400) answered.push(r.url());
  });
  for (const url of urls) {
    await page.goto(url);
    await expect(page.getByTestId('not-available'), url).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Not available for your role' })).toBeVisible();
    const text = await page.locator('body').innerText();
    for (const m of markers) expect(text, `${url} shows "${m}"`).not.toContain(m);
  }
  expect(answered, 'internal data answered to an external user').toEqual([]);
}

test('a client and a vendor typing internal URLs see "not available" and nothing internal', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { texts, quoteId } = await internalMarkers(request);
  expect(texts.length).toBeGreaterThan(5);
  const finance = await tokenFor(request, 'finance@mandap.demo');
  const { events } = await (await request.get('/api/events', { headers: finance })).json();
  const urls = [
    '/quotes',
    '/quotes/catalogue',
    `/quotes/${quoteId}`,
    '/leads',
    '/leads/import',
    '/follow-ups',
    '/finance',
    `/finance/events/${events[0].id}`,
    '/reports',
    '/settings',
    '/settings/users',
    '/vendors',
    '/inbox',
  ];

  for (const [email, role] of [
    ['client@mandap.demo', 'client'],
    ['vendor@mandap.demo', 'vendor'],
  ] as const) {
    const { context, page } = await openAs(browser, email);
    // The navigation shows only what the role can use (the shared table), and no internal area.
    await expect(mainNav(page).getByRole('link')).toHaveText(navFor(role).map((a) => a.label));
    for (const area of NAV_AREAS.filter((a) => 'staffOnly' in a))
      await expect(mainNav(page).getByRole('link', { name: area.label, exact: true })).toHaveCount(0);
    await tryInternalUrls(page, urls, texts);
    // The API refuses the data behind those screens too.
    const auth = await tokenFor(request, email);
    for (const path of ['/api/leads', '/api/quote-catalogue', '/api/payments/outstanding', '/api/users']) {
      expect((await request.get(path, { headers: auth })).status(), `${email} ${path}`).toBe(403);
    }
    await context.close();
  }

  // Staff still reach the same screens.
  const { context, page } = await openAs(browser, 'sales@mandap.demo', '/quotes');
  await expect(page.getByTestId('not-available')).toHaveCount(0);
  await expect(mainNav(page).getByRole('link', { name: 'Quotes' })).toBeVisible();
  await context.close();
});

test('no console errors under the CSP: the sign-in page and a signed-in page log nothing', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // Give the session restore (refresh on load) time to answer.
  await page.waitForLoadState('networkidle');
  expect(errors, 'sign-in page').toEqual([]);
  await page.getByLabel('Email').fill('client@mandap.demo');
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.waitForLoadState('networkidle');
  expect(errors, 'signed-in page').toEqual([]);
  await context.close();
});

test('a shared device keeps each user’s offline queue apart; a queued write never replays in another session', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(180_000);
  const phone = `95${String(Date.now()).slice(-8)}`;
  const notes = `Aditya's offline call ${phone}`;
  const manager = await tokenFor(request, 'manager@mandap.demo');
  const communicationsOf = async (leadId: string) =>
    (await (await request.get(`/api/leads/${leadId}/communications`, { headers: manager })).json()).communications as {
      body: string | null;
      byName: string | null;
    }[];

  const logCallOffline = async (card: Locator, minutes: string, callNotes: string) => {
    await card.getByRole('tab', { name: 'Log contact' }).click();
    await card.getByLabel('Minutes').fill(minutes);
    await card.getByLabel('Notes').fill(callNotes);
    await card.getByRole('button', { name: 'Save to timeline' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Queued on this device' }).first()).toBeVisible();
  };

  // Aditya creates a lead, then logs a call with no signal and signs out still offline.
  await signIn(page, 'sales@mandap.demo');
  await page.goto('/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Name').fill('Meera Shared-Device');
  await dialog.getByLabel('Phone').fill(phone);
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByText('Lead created')).toBeVisible();
  const { leads } = await (await request.get(`/api/leads?q=${phone}`, { headers: manager })).json();
  const leadId: string = leads[0].id;
  await page.goto(`/leads?lead=${leadId}`);
  const card = page.getByRole('dialog', { name: 'Meera Shared-Device' });
  await expect(card).toBeVisible({ timeout: 20_000 });

  await context.setOffline(true);
  await logCallOffline(card, '3', notes);
  await page.keyboard.press('Escape');
  await signOut(page);
  await context.setOffline(false);

  // Kavya signs in on the same browser: she neither sees Aditya's queued call nor sends it.
  await signIn(page, 'kavya@mandap.demo');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/leads?lead=${leadId}`);
  const kavyasCard = page.getByRole('dialog', { name: 'Meera Shared-Device' });
  await expect(kavyasCard).toBeVisible({ timeout: 20_000 });
  // She logs a call of her own with no signal: her queue lists it, and only it.
  const kavyasNotes = `Kavya's offline call ${phone}`;
  await context.setOffline(true);
  await logCallOffline(kavyasCard, '2', kavyasNotes);
  await kavyasCard.getByRole('tab', { name: 'Timeline' }).click();
  await expect(kavyasCard.getByTestId('queued-communication')).toHaveCount(1);
  await expect(kavyasCard.getByTestId('queued-communication')).toContainText(kavyasNotes);
  // Back online, her queue replays (oldest first): once her call has reached the server, a replay
  // that would have sent Aditya's older one has run; it did not.
  await context.setOffline(false);
  await expect
    .poll(async () => (await communicationsOf(leadId)).filter((c) => c.body === kavyasNotes).length, {
      timeout: 20_000,
    })
    .toBe(1);
  await expect(kavyasCard.getByTestId('queued-communication')).toHaveCount(0);
  await expect(kavyasCard.getByText(notes)).toHaveCount(0);
  expect((await communicationsOf(leadId)).filter((c) => c.body === notes)).toHaveLength(0);
  await page.keyboard.press('Escape');
  await signOut(page);

  // Aditya signs in again: his call is sent once, in his own name.
  await signIn(page, 'sales@mandap.demo');
  await page.goto(`/leads?lead=${leadId}`);
  await expect(page.getByRole('dialog', { name: 'Meera Shared-Device' })).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () => (await communicationsOf(leadId)).filter((c) => c.body === notes).length, { timeout: 20_000 })
    .toBe(1);
  const sent = (await communicationsOf(leadId)).find((c) => c.body === notes)!;
  expect(sent.byName).toBe('Aditya Kulkarni');
});
