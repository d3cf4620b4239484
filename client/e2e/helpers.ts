import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

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

/** The workspace path of the n-th demo event on the events page. */
export async function firstWorkspace(page: Page, nth = 0): Promise<string> {
  await page.goto('/events');
  await page.getByTestId('event-card').nth(nth).getByRole('link').click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]+\/workspace/);
  return new URL(page.url()).pathname;
}
