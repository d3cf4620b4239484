import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers.ts';

// Finance on a phone (390×844): every finance screen fits the screen's width; wide tables
// scroll inside their own box instead of pushing the page sideways or being cut off.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const SHOTS = '/tmp/shots-finance-phone';

/** The page itself never scrolls sideways: its content is no wider than the screen. */
async function expectNoSidewaysPage(page: Page) {
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    view: window.innerWidth,
  }));
  expect(widths.doc, `page is ${widths.doc}px wide on a ${widths.view}px screen`).toBeLessThanOrEqual(widths.view);
  expect(widths.body).toBeLessThanOrEqual(widths.view);
}

/** Every table sits in a box that scrolls sideways (or fits), never clipped by an ancestor. */
async function expectTablesReachable(page: Page) {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .map((t) => {
        const rect = t.getBoundingClientRect();
        if (rect.width <= window.innerWidth) return null;
        // A wider table must have a scrolling ancestor inside the screen.
        let el: HTMLElement | null = t.parentElement;
        while (el && el !== document.body) {
          const s = getComputedStyle(el);
          if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.clientWidth <= window.innerWidth) return null;
          el = el.parentElement;
        }
        return t.innerText.slice(0, 60);
      })
      .filter(Boolean),
  );
  expect(clipped).toEqual([]);
}

test('finance screens fit a phone: outstanding, overdue, trial balance, money desk, one event', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'finance@mandap.demo');
  await page.goto('/finance');
  await expect(page.getByRole('heading', { name: 'Finance' })).toBeVisible();
  // On a phone the rows are stacked: each amount is on screen, not behind a sideways scroll.
  const firstRow = page.getByTestId('phone-row').first();
  await expect(firstRow).toBeVisible();
  await expect(firstRow).toContainText('₹');
  await expect(firstRow).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysPage(page);
  await expectTablesReachable(page);
  await page.screenshot({ path: `${SHOTS}/outstanding.png`, fullPage: true });

  for (const tab of ['Overdue', 'Trial balance']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expectNoSidewaysPage(page);
    await expectTablesReachable(page);
    await page.screenshot({ path: `${SHOTS}/${tab.toLowerCase().replace(' ', '-')}.png`, fullPage: true });
  }
  // Account names, not ids.
  await expect(page.getByRole('tabpanel')).toContainText('Receivable ·');
  await expect(page.getByRole('tabpanel')).not.toContainText(/client:[0-9a-f]{8}-/);

  await page.goto('/finance/money-desk');
  await expect(page.getByRole('heading', { name: /Money desk/ })).toBeVisible();
  for (const tab of ['Suspense', 'Credit on account', 'Reconciliation']) {
    const t = page.getByRole('tab', { name: tab });
    if ((await t.count()) === 0) continue;
    await t.click();
    await expectNoSidewaysPage(page);
    await expectTablesReachable(page);
    await page.screenshot({ path: `${SHOTS}/desk-${tab.toLowerCase().replaceAll(' ', '-')}.png`, fullPage: true });
  }

  await page.goto('/finance');
  await page.getByRole('tab', { name: 'Outstanding' }).click();
  await page.getByTestId('phone-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/finance\/events\//);
  await expect(page.getByTestId('milestone-row').first()).toBeVisible();
  await expectNoSidewaysPage(page);
  await expectTablesReachable(page);
  await page.screenshot({ path: `${SHOTS}/event.png`, fullPage: true });
});
