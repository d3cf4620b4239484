import { createHmac, randomUUID } from 'node:crypto';
import { type Browser, expect as baseExpect, devices, type Page, test } from '@playwright/test';
import { openAs } from './helpers.ts';
import { RAZORPAY_E2E } from './razorpay-e2e.ts';

// Issue 9: one booking from first call to final payment, through the screens people use. The
// only step not clicked is the gateway's webhook: that is Razorpay talking, so the test plays
// Razorpay and posts a correctly signed delivery, as the provider would.

// The whole journey crosses many screens; on a loaded machine one screen can take longer than
// the config's 7 s to settle, which is not a bug.
const expect = baseExpect.configure({ timeout: 15_000 });

const unique = () => String(Date.now()).slice(-7);
const EVENT_FROM = '20/03/2027';
const EVENT_TO = '21/03/2027';

/** Sales types the lead in by hand, with its structured brief. */
async function newLead(page: Page, name: string) {
  await page.goto('/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Phone').fill(`97${unique()}1`);
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByText('Lead created')).toBeVisible();
  // The new lead's card opens by itself; under load it may not have yet, so open it from the board.
  const card = page.getByRole('dialog', { name });
  if (
    !(await card.waitFor({ timeout: 15_000 }).then(
      () => true,
      () => false,
    ))
  )
    await page.getByRole('button', { name: new RegExp(`^${name}, LD-`) }).click();
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Edit brief' }).click();
  await card.getByLabel('Event type').click();
  await page.getByRole('option', { name: 'Wedding', exact: true }).click();
  await card.getByLabel('Guests').fill('250');
  await card.getByLabel('From', { exact: true }).fill(EVENT_FROM);
  await card.getByLabel('To', { exact: true }).fill(EVENT_TO);
  await card.getByLabel('City').fill('Mumbai');
  await card.getByLabel('Requirements').fill('Jain menu at every function');
  await card.getByRole('button', { name: 'Save brief' }).click();
  await expect(page.getByText('Brief saved.')).toBeVisible();
  const leadId = new URL(page.url()).searchParams.get('lead');
  expect(leadId).toBeTruthy();
  return { card, leadId: leadId! };
}

/** From the lead card: a quote with one line typed by hand, saved and sent; answers the share link. */
async function quoteAndSend(page: Page, card: ReturnType<Page['getByRole']>) {
  await card.getByRole('button', { name: 'New quote' }).click();
  const modal = page.getByRole('dialog', { name: 'New quote' });
  await modal.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { name: /QT\/\d{4}-\d{2}\/\d{4} · v1/ })).toBeVisible();
  const quoteUrl = page.url();
  // The house terms are on the draft: 50% advance · 40% a week before · 10% on completion.
  await expect(page.getByTestId('payment-terms')).toContainText('50% on acceptance');
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.getByLabel('Line 1 description').fill('Mandap, stage and floral décor');
  await page.getByLabel('Line 1 rate').fill('200000');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('button', { name: 'Send v1' }).click();
  const share = page.getByRole('dialog', { name: 'Share this quote' });
  const url = (await share.getByTestId('share-url').textContent())!;
  await page.keyboard.press('Escape');
  await expect(page.getByText('v1 is sent: frozen')).toBeVisible();
  // A sent version reads as a document: the terms are text, the inputs are read-only.
  await expect(page.getByLabel('Line 1 rate')).toHaveAttribute('readonly', '');
  return { url, quoteUrl };
}

/** The client opens the link on a phone and accepts. */
async function acceptOnPhone(browser: Browser, url: string, name: string) {
  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
  const client = await phone.newPage();
  await client.goto(url);
  await expect(client.getByTestId('public-payment-terms')).toContainText('10% on completion');
  await client.getByLabel('Your full name').fill(name);
  await client.getByLabel(/I have read and accept/).check();
  await client.getByRole('button', { name: /Accept QT/ }).click();
  await expect(client.getByText(new RegExp(`Accepted by ${name}`))).toBeVisible();
  await phone.close();
}

/** Sales converts the lead from its card (dates and city come from the brief). */
async function convert(page: Page, leadId: string, name: string) {
  await page.goto(`/leads?lead=${leadId}`);
  const card = page.getByRole('dialog', { name });
  await card.getByRole('button', { name: 'Convert to client' }).click();
  const form = page.getByRole('form', { name: 'Convert to client' });
  await form.getByLabel('Billing address').fill('14 Carter Road, Bandra West, Mumbai 400050');
  await form.getByRole('button', { name: 'Create client and event' }).click();
  await expect(page.getByText('Converted', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: /^Open event EV/ }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]+\/workspace/);
  return new URL(page.url()).pathname.split('/')[2]!;
}

/** Plays Razorpay: a payment_link.paid delivery, signed over the raw body with the webhook secret. */
async function razorpayPaid(page: Page, plinkId: string, amountMinor: number) {
  const raw = JSON.stringify({
    event: 'payment_link.paid',
    created_at: Math.floor(Date.now() / 1000),
    payload: {
      payment_link: { entity: { id: plinkId, status: 'paid' } },
      payment: {
        entity: {
          id: `pay_${randomUUID().replaceAll('-', '').slice(0, 14)}`,
          amount: amountMinor,
          currency: 'INR',
          status: 'captured',
          created_at: Math.floor(Date.now() / 1000),
        },
      },
    },
  });
  const signature = createHmac('sha256', RAZORPAY_E2E.webhookSecret).update(raw).digest('hex');
  const res = await page.request.post('/api/webhooks/razorpay', {
    data: raw,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': signature,
      'x-razorpay-event-id': `evt_${randomUUID()}`,
    },
  });
  expect(res.status()).toBe(200);
}

const inr = (rupees: number) => `₹${rupees.toLocaleString('en-IN')}`;

test('one booking from the first call to the final payment: quote, accept on a phone, convert, plan, advance, event day, completed', async ({
  browser,
}) => {
  // About 60 s on a quiet machine; generous for a loaded one.
  test.setTimeout(360_000);
  const name = `Riya Shah ${unique()}`;
  const sales = await openAs(browser, 'manager@mandap.demo');
  const { card, leadId } = await newLead(sales.page, name);
  const { url } = await quoteAndSend(sales.page, card);
  await acceptOnPhone(browser, url, name);
  const eventId = await convert(sales.page, leadId, name);

  // The event page names its client and carries the accepted quote.
  const overview = sales.page.getByTestId('event-overview');
  await expect(overview).toContainText(name);
  await expect(overview).toContainText(/accepted/i);
  await expect(overview).toContainText(/proposal sent/i);
  // One brief: what sales wrote on the lead card is the event's brief (its Details), the same record.
  const structured = sales.page.getByTestId('structured-brief');
  await expect(structured.getByText('250', { exact: true })).toBeVisible();
  await expect(structured).toContainText('Jain menu at every function');

  // Finance: the new booking is on the "needs a plan" list; the plan is the signed terms. One
  // manager's browser plays sales, finance and operations here (each on the screens that role
  // uses): fewer sign-ins keep the journey fast. The other test signs in as finance.
  const fin = sales;
  await fin.page.goto('/finance');
  await fin.page
    .getByTestId('needs-plan')
    .getByRole('link', { name: new RegExp(name) })
    .click();
  await expect(fin.page).toHaveURL(new RegExp(`/finance/events/${eventId}`));
  await fin.page.getByRole('button', { name: 'Create plan' }).click();
  const rows = fin.page.getByTestId('milestone-row');
  await expect(rows).toHaveCount(3);
  // ₹2,00,000 + 18% GST = ₹2,36,000: 50% · 40% · 10%.
  await expect(rows.nth(0)).toContainText('Advance on acceptance');
  await expect(rows.nth(0)).toContainText(inr(118_000));
  await expect(rows.nth(1)).toContainText('13/03/2027');
  await expect(rows.nth(1)).toContainText(inr(94_400));
  await expect(rows.nth(2)).toContainText('21/03/2027');
  await expect(rows.nth(2)).toContainText(inr(23_600));

  // A Razorpay link for the advance; the client pays it; Razorpay tells us.
  await rows.nth(0).getByRole('button', { name: 'Actions' }).click();
  await fin.page.getByRole('menuitem', { name: /Payment link \(Razorpay\)/ }).click();
  const linkNote = fin.page.getByText(/http:\/\/127\.0\.0\.1:\d+\/rzp\/plink_e2e\d+/);
  await expect(linkNote).toBeVisible();
  const plinkId = /plink_e2e\d+/.exec((await linkNote.textContent())!)![0];
  await razorpayPaid(fin.page, plinkId, 118_000_00);
  await fin.page.reload();
  await expect(rows.nth(0)).toContainText('Paid');

  // The booking confirmed itself and the lead is Won.
  await sales.page.goto(`/events/${eventId}/workspace`);
  await expect(overview).toContainText(/deposit paid/i);
  await sales.page.goto(`/leads?lead=${leadId}`);
  await expect(sales.page.getByRole('dialog', { name })).toContainText('Booking confirmed', { timeout: 30_000 });

  // Operations: a task, then the event day with its checklist ticked.
  const ops = sales;
  await ops.page.goto(`/events/${eventId}/workspace?tab=tasks`);
  await expect(ops.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await ops.page.getByLabel('New task').fill('Confirm florist for the mandap');
  await ops.page.getByLabel('New task').press('Enter');
  await expect(ops.page.getByText('Confirm florist for the mandap')).toBeVisible();
  await ops.page.getByTestId('event-overview').getByRole('button', { name: 'Move booking' }).click();
  await ops.page.getByRole('menuitem', { name: 'Event day' }).click();
  await expect(ops.page.getByText('Booking moved to Event day.')).toBeVisible();
  await ops.page.goto(`/events/${eventId}/workspace?tab=dayof`);
  await expect(ops.page.getByTestId('sync-state')).toHaveText('Synced', { timeout: 15_000 });
  await ops.page.getByLabel('Function').fill('Wedding');
  await ops.page.getByRole('button', { name: 'Add', exact: true }).click();
  const list = ops.page.getByTestId('checklist').first();
  await list.getByRole('button').first().click();
  const firstItem = list.getByRole('checkbox').first();
  await firstItem.click();
  await expect(firstItem).toHaveAttribute('aria-checked', 'true');

  // Finance records the final payment by hand (NEFT): the plan is settled and the event completes.
  await fin.page.goto(`/finance/events/${eventId}`);
  await fin.page.getByLabel('Reference').fill('NEFT-FINAL-01');
  await fin.page.getByRole('textbox', { name: /^Amount\s*\*?$/ }).fill('118000');
  await fin.page.getByRole('button', { name: 'Record payment' }).click();
  await expect(rows.nth(2)).toContainText('Paid');
  await ops.page.goto(`/events/${eventId}/workspace`);
  await expect(ops.page.getByTestId('event-overview')).toContainText(/completed/i);

  await sales.context.close();
});

test('the other order: convert first, then quote from the lead card; the accepted quote lands on the event', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const name = `Kabir Mehta ${unique()}`;
  const sales = await openAs(browser, 'sales@mandap.demo');
  const { leadId } = await newLead(sales.page, name);
  const eventId = await convert(sales.page, leadId, name);
  await expect(sales.page.getByTestId('event-overview')).toContainText('No quote yet');
  // One brief: changed from the event's live brief (Details), it is what the lead card shows.
  const structured = sales.page.getByTestId('structured-brief');
  await expect(structured).toContainText('Jain menu at every function');
  await structured.getByRole('button', { name: 'Edit details' }).click();
  await structured.getByLabel('Guests', { exact: true }).fill('300');
  await structured.getByRole('button', { name: 'Save brief' }).click();
  await expect(structured.getByText('300', { exact: true })).toBeVisible();
  await sales.page.goto(`/leads?lead=${leadId}`);
  const card = sales.page.getByRole('dialog', { name });
  await expect(card.getByText('300', { exact: true })).toBeVisible();
  await expect(card.getByRole('link', { name: new RegExp(`^EV-\\d{4}-\\d{4} · ${name}`) })).toBeVisible();
  const { url } = await quoteAndSend(sales.page, card);
  await acceptOnPhone(browser, url, name);
  await sales.page.goto(`/events/${eventId}/workspace`);
  const overview = sales.page.getByTestId('event-overview');
  await expect(overview).toContainText(/accepted/i);
  await expect(overview).toContainText(/proposal sent/i);

  const fin = await openAs(browser, 'finance@mandap.demo', '/finance');
  await fin.page
    .getByTestId('needs-plan')
    .getByRole('link', { name: new RegExp(name) })
    .click();
  await fin.page.getByRole('button', { name: 'Create plan' }).click();
  await expect(fin.page.getByTestId('milestone-row')).toHaveCount(3);
  await expect(fin.page.getByTestId('milestone-row').first()).toContainText(inr(118_000));
  for (const c of [sales, fin]) await c.context.close();
});
