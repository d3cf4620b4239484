import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, newPlannedEvent, openAs } from './helpers.ts';

/**
 * The operations dashboard against data this spec makes through the API: what the page shows
 * equals what the server counted, and a change made elsewhere reaches the open page live
 * (server-sent events), with the exact difference in leads and in paise.
 */

async function apiLogin(request: APIRequestContext, email: string) {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

/** "₹1,23,456.78" → 12345678 (paise); "12,345" → 12345. */
function digits(text: string | null): number {
  const clean = (text ?? '').replace(/[^\d.]/g, '');
  const [whole, frac = ''] = clean.split('.');
  return Number(whole) * (frac ? 100 : 1) + (frac ? Number(frac.padEnd(2, '0').slice(0, 2)) : 0);
}

const count = (page: Page, id: string) => page.getByTestId(id).textContent().then(digits);

interface DashboardAnswer {
  seq: number;
  pipeline: { total: number; open: number; won: number; lost: number };
  followUps: { overdue: number; dueToday: number; next7Days: number };
  events: { next7Days: number; next30Days: number };
  receivables: { buckets: { bucket: string; currency: string; outstandingMinor: number }[] };
  vendors: { activeEvents: number; blocked: number };
  notifications: { byStatus: Record<string, number> };
}

test('the dashboard shows the counted figures and follows changes live, on a desktop and a phone', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const auth = await apiLogin(request, 'manager@mandap.demo');
  // An overdue instalment of its own (a booking whose advance fell due ten days ago): the demo
  // house's overdue money is other specs' to pay.
  const finance = await apiLogin(request, 'finance@mandap.demo');
  const booked = await newPlannedEvent(request, { name: 'Dashboard booking' });
  const plan = booked.milestones;
  const tenDaysAgo = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
    new Date(Date.now() - 10 * 86_400_000),
  );
  const edited = await request.put(`/api/payments/events/${booked.eventId}/milestones`, {
    headers: finance,
    data: {
      milestones: plan.map((m, i) => ({
        id: m.id,
        label: m.label,
        dueDate: i === 0 ? tenDaysAgo : m.dueDate,
        amountMinor: m.amountMinor,
      })),
    },
  });
  expect(edited.status(), await edited.text()).toBe(200);
  const due = { id: plan[0]!.id, eventId: booked.eventId };
  expect(plan[0]!.amountMinor).toBeGreaterThan(123_456);
  const { context, page } = await openAs(browser, 'manager@mandap.demo', '/');
  await expect(page.getByTestId('dash-live')).toHaveText('Live', { timeout: 15_000 });

  // What the page shows is what the server counted.
  const answer = (await (await request.get('/api/dashboard', { headers: auth })).json()) as DashboardAnswer;
  const overdueInr = (d: DashboardAnswer) =>
    d.receivables.buckets
      .filter((b) => b.currency === 'INR' && b.bucket !== 'current')
      .reduce((a, b) => a + b.outstandingMinor, 0);
  expect(await count(page, 'pipeline-total')).toBe(answer.pipeline.total);
  expect(await count(page, 'pipeline-open')).toBe(answer.pipeline.open);
  expect(await count(page, 'pipeline-won')).toBe(answer.pipeline.won);
  expect(await count(page, 'events-month')).toBe(answer.events.next30Days);
  expect(await count(page, 'vendors-blocked')).toBe(answer.vendors.blocked);
  expect(await count(page, 'receivables-INR-overdue')).toBe(overdueInr(answer));
  expect(overdueInr(answer)).toBeGreaterThan(0);
  // The demo house has a blocked vendor chain: shown in the highlighted list.
  expect(answer.vendors.blocked).toBeGreaterThan(0);
  await expect(page.getByTestId('dash-vendors').getByText('Blocked', { exact: true }).last()).toBeVisible();
  // Charts load on demand and draw.
  await expect(page.getByRole('img', { name: /^Leads at or past each stage/ })).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('dashboard-desktop.png'), fullPage: true });

  // Elsewhere, three new leads arrive and a client pays ₹1,234.56 of an overdue instalment.
  const stamp = Date.now() % 1_000_000;
  for (let i = 0; i < 3; i++) {
    const res = await request.post('/api/leads', {
      headers: auth,
      data: {
        name: `Dashboard Lead ${stamp}-${i}`,
        phone: `+9198${String(stamp).padStart(6, '0')}${i}0`.slice(0, 13),
        source: 'website',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  const paid = await request.post('/api/payments', {
    headers: { ...auth, 'Idempotency-Key': randomUUID() },
    data: {
      eventId: due.eventId,
      mode: 'upi',
      reference: `DASH-${stamp}`,
      receivedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date()),
      amountMinor: 123_456,
      currency: 'INR',
      allocations: [{ milestoneId: due.id, amountMinor: 123_456 }],
    },
  });
  expect(paid.status(), await paid.text()).toBe(201);

  // The open page follows, without a reload, by exactly that much. The payment is the first money
  // into the spec's own booking, which confirms it and wins its lead: one open lead fewer, one won more.
  await expect.poll(() => count(page, 'pipeline-total'), { timeout: 15_000 }).toBe(answer.pipeline.total + 3);
  await expect.poll(() => count(page, 'pipeline-won'), { timeout: 15_000 }).toBe(answer.pipeline.won + 1);
  expect(await count(page, 'pipeline-open')).toBe(answer.pipeline.open + 3 - 1);
  await expect
    .poll(() => count(page, 'receivables-INR-overdue'), { timeout: 15_000 })
    .toBe(overdueInr(answer) - 123_456);
  const after = (await (await request.get('/api/dashboard', { headers: auth })).json()) as DashboardAnswer;
  expect(after.pipeline.total).toBe(answer.pipeline.total + 3);
  expect(after.pipeline.won).toBe(answer.pipeline.won + 1);
  expect(overdueInr(after)).toBe(overdueInr(answer) - 123_456);

  // The date filter: leads created in the last 30 days include the three new ones.
  await page.getByRole('combobox', { name: 'Leads created' }).click();
  await page.getByRole('option', { name: 'Last 30 days' }).click();
  await expect(page.getByTestId('dash-pipeline')).toContainText('Pipeline · last 30 days');
  const ranged = (await (
    await request.get(
      `/api/dashboard?from=${await page.evaluate(() => {
        const d = new Date(Date.now() - 29 * 86_400_000);
        return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(d);
      })}&to=${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date())}`,
      { headers: auth },
    )
  ).json()) as DashboardAnswer;
  await expect.poll(() => count(page, 'pipeline-total')).toBe(ranged.pipeline.total);
  await context.close();

  // On a phone: the same figures, one column, nothing cut off.
  const phone = await browser.newContext({
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const p = await phone.newPage();
  await p.goto('/login');
  await p.getByLabel('Email').fill('manager@mandap.demo');
  await p.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await expect(p).not.toHaveURL(/\/login/);
  await expect(p.getByTestId('pipeline-total')).toBeVisible();
  expect(await count(p, 'pipeline-total')).toBe(after.pipeline.total);
  expect(await count(p, 'receivables-INR-overdue')).toBe(overdueInr(after));
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling on a phone').toBeLessThanOrEqual(390);
  await p.screenshot({ path: test.info().outputPath('dashboard-phone.png'), fullPage: true });
  await phone.close();

  // Finance sees the money and not the task boards; a client never gets the staff dashboard.
  const fin = await openAs(browser, 'finance@mandap.demo', '/');
  await expect(fin.page.getByTestId('dash-receivables')).toBeVisible();
  await expect(fin.page.getByTestId('dash-tasks')).toHaveCount(0);
  await fin.context.close();
  const client = await openAs(browser, 'client@mandap.demo', '/');
  await expect(client.page.getByText('Here are the events you are part of.')).toBeVisible();
  await expect(client.page.getByTestId('dash-pipeline')).toHaveCount(0);
  await client.context.close();
});
