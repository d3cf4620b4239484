import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openAs } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/shots-payments';
mkdirSync(SHOTS, { recursive: true });

type Headers = { Authorization: string };
type PlanRow = { id: string; label: string; amountMinor: number; paidMinor: number };

async function tokenFor(request: APIRequestContext, email: string): Promise<Headers> {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${(await res.json()).accessToken}` };
}

/** The demo client's own event, its sent quotation accepted by the client and split into a plan by finance. */
async function clientEventWithPlan(request: APIRequestContext, finance: Headers): Promise<string> {
  const client = await tokenFor(request, 'client@mandap.demo');
  const { events } = await (await request.get('/api/events', { headers: client })).json();
  const eventId: string = events[0].id;
  const { quotes } = await (await request.get('/api/quotes', { headers: client })).json();
  for (const q of quotes as { id: string; status: string }[]) {
    if (q.status !== 'sent' && q.status !== 'viewed') continue;
    const { url } = await (await request.get(`/api/quotes/${q.id}/client-link`, { headers: client })).json();
    const accepted = await request.post(`/api/public/quotes/${url.split('/q/')[1]}/accept`, {
      data: { name: 'Ananya Kapoor', acceptTerms: true },
    });
    expect(accepted.status()).toBe(200);
  }
  const plan = await (await request.get(`/api/payments/events/${eventId}/milestones`, { headers: finance })).json();
  if (plan.milestones.length === 0) {
    const created = await request.post('/api/payments/milestone-plans', {
      headers: finance,
      data: { eventId, template: 'standard' },
    });
    expect(created.status()).toBe(201);
  }
  return eventId;
}

const rupees = (minor: number) => (minor / 100).toFixed(2);
const inr = (minor: number) =>
  `₹${(minor / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('finance moves an amount between two milestones and saves; the client sees the plan and downloads a receipt', async ({
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  const finance = await tokenFor(request, 'finance@mandap.demo');
  const eventId = await clientEventWithPlan(request, finance);
  const before: PlanRow[] = (
    await (await request.get(`/api/payments/events/${eventId}/milestones`, { headers: finance })).json()
  ).milestones;
  const [first, second] = before as [PlanRow, PlanRow];
  const moved = 10_000_00;

  const fin = await openAs(browser, 'finance@mandap.demo', `/finance/events/${eventId}`);
  const page = fin.page;
  await page.getByRole('button', { name: 'Edit plan' }).click();
  const rows = page.getByTestId('plan-row');
  await expect(rows).toHaveCount(before.length);
  const difference = page.getByTestId('plan-difference');
  const save = page.getByRole('button', { name: 'Save plan' });
  await expect(difference).toHaveText('Adds up');

  await rows
    .nth(1)
    .getByLabel(/^Amount/)
    .fill(rupees(second.amountMinor - moved));
  await expect(difference).toHaveText(`${inr(moved)} still to place`);
  await expect(save).toBeDisabled();
  await rows
    .nth(0)
    .getByLabel(/^Amount/)
    .fill(rupees(first.amountMinor + moved + 1_00));
  await expect(difference).toHaveText('₹1.00 too much');
  await expect(save).toBeDisabled();
  await rows
    .nth(0)
    .getByLabel(/^Amount/)
    .fill(rupees(first.amountMinor + moved));
  await expect(difference).toHaveText('Adds up');
  await rows.nth(0).getByLabel('Label').fill('Booking advance (revised)');
  await page.screenshot({ path: `${SHOTS}/plan-edit.png`, fullPage: true });
  await save.click();

  const table = page.getByTestId('milestone-row');
  await expect(table.first()).toContainText('Booking advance (revised)');
  await expect(table.first()).toContainText(inr(first.amountMinor + moved));
  await expect(table.nth(1)).toContainText(inr(second.amountMinor - moved));

  // Finance records the advance, in full, against the first milestone.
  await page.getByLabel('Reference').fill('NEFT-2207');
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(table.first()).toContainText('Paid');
  await fin.context.close();

  const cli = await openAs(browser, 'client@mandap.demo', '/');
  const payments = cli.page.getByTestId('client-event-payments');
  await expect(payments.getByTestId('client-milestone')).toHaveCount(before.length);
  await expect(payments.getByTestId('client-milestone').first()).toContainText('Booking advance (revised)');
  await expect(payments.getByTestId('client-milestone').first()).toContainText('Paid');
  await expect(payments.getByTestId('client-milestone').nth(1)).toContainText(/Due \d{2}\/\d{2}\/\d{4}/);
  await cli.page.screenshot({ path: `${SHOTS}/client-payments.png`, fullPage: true });
  const download = cli.page.waitForEvent('download');
  await payments
    .getByRole('button', { name: /^Receipt RCPT/ })
    .first()
    .click();
  expect((await download).suggestedFilename()).toMatch(/^RCPT-\d{4}-\d{2}-\d{4}\.pdf$/);

  // Someone else's event stays invisible to the client.
  const client = await tokenFor(request, 'client@mandap.demo');
  const { events } = await (await request.get('/api/events', { headers: finance })).json();
  const foreign = (events as { id: string }[]).find((e) => e.id !== eventId)!;
  const res = await request.get(`/api/payments/events/${foreign.id}/milestones`, { headers: client });
  expect(res.status()).toBe(404);
  await cli.context.close();
});
