import { randomInt } from 'node:crypto';
import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Mandap@2026';

/** Fills and submits the sign-in form, and returns at once (for a sign-in that is meant to fail). */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in and waits until the app has left the sign-in page: only then is the refresh cookie
 * stored. A navigation started earlier aborts the sign-in request, and the next page opens
 * signed out (the intermittent "lands on the sign-in page" failure of 30/11).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** A fresh browser context (its own cookies, storage and service worker) signed in as `email`. */
export async function openAs(
  browser: Browser,
  email: string,
  path?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  if (path) await page.goto(path);
  return { context, page };
}

/** A bearer header for a demo user, signed in through the API. */
export async function apiAuth(request: APIRequestContext, email: string): Promise<{ Authorization: string }> {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

/** Digits no other spec's data shares: a run's specs each make their own leads and events. */
export const uniqueDigits = (n = 8) => String(randomInt(10 ** (n - 1), 10 ** n));

export interface OwnEvent {
  eventId: string;
  eventCode: string;
  leadId: string;
  /** The client's (and the lead's) name, unique to this event. */
  name: string;
  /** The event's workspace path, e.g. /events/<id>/workspace. */
  workspace: string;
}

/**
 * An event of the spec's own: sales takes a lead and converts it (client + tentative event), so
 * its brief, tasks, checklists, links and money start empty whatever other specs did to the
 * demo house. Staff see every event; the demo client and vendor do not see it.
 */
export async function newEvent(
  request: APIRequestContext,
  opts: { name?: string; startDate?: string; endDate?: string } = {},
): Promise<OwnEvent> {
  const sales = await apiAuth(request, 'sales@mandap.demo');
  const stamp = uniqueDigits();
  const name = `${opts.name ?? 'Own event'} ${stamp}`;
  const lead = await request.post('/api/leads', {
    headers: sales,
    data: { name, phone: `+9196${stamp}`, source: 'referral' },
  });
  expect(lead.status(), await lead.text()).toBe(201);
  const leadId = ((await lead.json()) as { lead: { id: string } }).lead.id;
  const startDate = opts.startDate ?? '2027-06-10';
  const converted = await request.post(`/api/leads/${leadId}/convert`, {
    headers: sales,
    data: {
      billingName: name,
      billingAddress: '12 Marine Drive, Mumbai 400020',
      stateCode: '27',
      event: { name: `${name} sangeet`, startDate, endDate: opts.endDate ?? startDate, city: 'Mumbai' },
    },
  });
  expect(converted.status(), await converted.text()).toBe(201);
  const { eventId, eventCode } = (await converted.json()) as { eventId: string; eventCode: string };
  return { eventId, eventCode, leadId, name, workspace: `/events/${eventId}/workspace` };
}

/**
 * An event of the spec's own with a quotation the client accepted (sales sends it, the client
 * accepts by its link): ready for finance to plan. ₹2,00,000 of décor + 18% GST = ₹2,36,000.
 */
export async function newBookedEvent(request: APIRequestContext, opts: { name?: string } = {}): Promise<OwnEvent> {
  const event = await newEvent(request, opts);
  const sales = await apiAuth(request, 'sales@mandap.demo');
  const created = await request.post('/api/quotes', {
    headers: sales,
    data: {
      eventId: event.eventId,
      title: 'Sangeet décor and sound',
      currency: 'INR',
      placeOfSupply: '27',
      lines: [{ key: 'decor', category: 'decor', description: 'Stage décor', quantity: 1, rateMinor: 2_00_000_00 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const quoteId = ((await created.json()) as { quote: { id: string } }).quote.id;
  const sent = await request.post(`/api/quotes/${quoteId}/send`, { headers: sales, data: {} });
  expect(sent.status(), await sent.text()).toBe(200);
  const token = ((await sent.json()) as { share: { url: string } }).share.url.split('/q/')[1];
  const accepted = await request.post(`/api/public/quotes/${token}/accept`, {
    data: { name: event.name, acceptTerms: true },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  return event;
}

/**
 * The workspace of the first event on the signed-in user's events page. Only for the demo client
 * and vendor, whose events page lists just the demo events they are linked to; a staff spec makes
 * its own event (newEvent), since other specs add and move events and the n-th card changes.
 */
export async function linkedWorkspace(page: Page): Promise<string> {
  await page.goto('/events');
  await page.getByTestId('event-card').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]+\/workspace/);
  return new URL(page.url()).pathname;
}

export interface PlannedMilestone {
  id: string;
  label: string;
  dueDate: string;
  amountMinor: number;
}

/** A booked event of the spec's own (newBookedEvent) that finance has split into the standard plan. */
export async function newPlannedEvent(
  request: APIRequestContext,
  opts: { name?: string } = {},
): Promise<OwnEvent & { milestones: PlannedMilestone[] }> {
  const event = await newBookedEvent(request, opts);
  const finance = await apiAuth(request, 'finance@mandap.demo');
  const planned = await request.post('/api/payments/milestone-plans', {
    headers: finance,
    data: { eventId: event.eventId, template: 'standard' },
  });
  expect(planned.status(), await planned.text()).toBe(201);
  return { ...event, milestones: ((await planned.json()) as { milestones: PlannedMilestone[] }).milestones };
}
