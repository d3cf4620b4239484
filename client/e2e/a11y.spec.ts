import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { openAs, signIn } from './helpers.ts';

/**
 * axe-core on every main screen: any serious or critical violation fails the spec. The counts per screen
 * (nodes, all impacts) are printed as each screen is checked, so a run shows where the screens stand.
 */

type Counts = { critical: number; serious: number; moderate: number; minor: number };

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The page has painted its data: no loader or skeleton left on screen. */
async function settled(page: Page) {
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.mantine-Skeleton-root[data-visible]:visible')).toHaveCount(0, { timeout: 15_000 });
}

async function check(page: Page, screen: string) {
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  // A11Y_REPORT_DIR keeps axe's whole answer per screen, to find the elements behind a count.
  const dir = process.env.A11Y_REPORT_DIR;
  if (dir) writeFileSync(`${dir}/${screen.replace(/\W+/g, '-')}.json`, JSON.stringify(violations, null, 1));
  const counts: Counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const blocking: string[] = [];
  for (const v of violations) {
    const impact = (v.impact ?? 'minor') as keyof Counts;
    counts[impact] += v.nodes.length;
    if (impact === 'serious' || impact === 'critical') {
      const where = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ');
      blocking.push(`${v.id} ×${v.nodes.length} (${impact}): ${v.help} [${where}]`);
    }
  }
  // One line per screen (a failed test restarts the worker, so nothing is gathered for the end).
  console.log(
    `axe ${screen.padEnd(24)} critical ${counts.critical}  serious ${counts.serious}  moderate ${counts.moderate}  minor ${counts.minor}`,
  );
  for (const b of blocking) console.log(`    ${b}`);
  expect.soft(blocking, `serious or critical axe violations on ${screen}`).toEqual([]);
}

async function heading(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { name }).first()).toBeVisible({ timeout: 25_000 });
}

async function eventIdOf(browser: Browser): Promise<string> {
  const { context, page } = await openAs(browser, 'admin@mandap.demo', '/events');
  await page.getByTestId('event-card').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]+\/workspace/);
  const id = new URL(page.url()).pathname.split('/')[2]!;
  await context.close();
  return id;
}

test('sign-in page', async ({ page }) => {
  await page.goto('/login');
  await heading(page, /sign in/i);
  await check(page, 'sign-in');
});

type Screen = { name: string; path: string | ((ids: Ids) => string); ready: (page: Page) => Promise<void> };
type Ids = { eventId: string };

const SCREENS: Screen[] = [
  {
    name: 'dashboard',
    path: '/',
    ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 }),
  },
  {
    name: 'leads board',
    path: '/leads',
    ready: async (p) => {
      await heading(p, 'Leads');
      await expect(p.getByTestId('stage-new').locator('[data-testid^="lead-card-"]').first()).toBeVisible();
    },
  },
  {
    name: 'lead card',
    path: '/leads',
    ready: async (p) => {
      await p.getByTestId('stage-new').locator('[data-testid^="lead-card-"]').first().click();
      await expect(p.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'leads table',
    path: '/leads?view=table',
    ready: (p) => expect(p.getByTestId('leads-table-scroll')).toBeVisible({ timeout: 15_000 }),
  },
  { name: 'quotes list', path: '/quotes', ready: (p) => heading(p, 'Quotes') },
  {
    name: 'quote builder',
    path: '/quotes',
    ready: async (p) => {
      await p.getByRole('row').filter({ hasText: /draft/i }).first().getByRole('link').first().click();
      await heading(p, /QT\/\d{4}-\d{2}\/\d{4}/);
    },
  },
  { name: 'events', path: '/events', ready: (p) => heading(p, 'Events') },
  ...(
    [
      ['brief', 'workspace brief'],
      ['tasks', 'workspace tasks'],
      ['dayof', 'workspace event day'],
    ] as const
  ).map(
    ([tab, name]): Screen => ({
      name,
      path: ({ eventId }) => `/events/${eventId}/workspace?tab=${tab}`,
      ready: (p) => expect(p.getByRole('tab', { selected: true }).first()).toBeVisible({ timeout: 15_000 }),
    }),
  ),
  { name: 'finance outstanding', path: '/finance', ready: (p) => heading(p, 'Finance') },
  {
    name: 'finance trial balance',
    path: '/finance',
    ready: async (p) => {
      await p.getByRole('tab', { name: 'Trial balance' }).click();
      await expect(p.getByText(/^Balanced/)).toBeVisible({ timeout: 15_000 });
    },
  },
  { name: 'money desk', path: '/finance/money-desk', ready: (p) => heading(p, 'Money desk') },
  {
    name: 'event finance',
    path: ({ eventId }) => `/finance/events/${eventId}`,
    ready: (p) => expect(p.getByRole('heading').first()).toBeVisible({ timeout: 15_000 }),
  },
  { name: 'vendors', path: '/vendors', ready: (p) => heading(p, 'Vendors') },
  { name: 'inbox', path: '/inbox', ready: (p) => heading(p, 'Inbox') },
  { name: 'settings', path: '/settings', ready: (p) => heading(p, 'Settings') },
  { name: 'users', path: '/settings/users', ready: (p) => heading(p, /users/i) },
];

test("every main staff screen and the client's public page", async ({ page, browser }) => {
  // About 20 screens in one sign-in; each is measured even when one before it fails.
  test.setTimeout(480_000);
  const ids: Ids = { eventId: await eventIdOf(browser) };
  await signIn(page, 'admin@mandap.demo');
  await expect(page).not.toHaveURL(/\/login/);
  const broken: string[] = [];
  for (const screen of SCREENS) {
    await test
      .step(screen.name, async () => {
        await page.goto(typeof screen.path === 'string' ? screen.path : screen.path(ids));
        await screen.ready(page);
        await check(page, screen.name);
      })
      .catch((e: Error) => broken.push(`${screen.name}: ${e.message.split('\n')[0]}`));
  }

  await test
    .step("client's public page", async () => {
      await page.goto(`/events/${ids.eventId}/client-page`);
      await page.getByRole('button', { name: 'Make a link' }).click();
      const url = (await page.getByTestId('portal-link-url').textContent())!.trim();
      const publicCtx = await browser.newContext({ locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
      const phone = await publicCtx.newPage();
      await phone.goto(new URL(url).pathname);
      await expect(phone.getByTestId('live-state')).toHaveText('Live', { timeout: 20_000 });
      await check(phone, "client's public page");
      await publicCtx.close();
    })
    .catch((e: Error) => broken.push(`client's public page: ${e.message.split('\n')[0]}`));
  expect(broken, 'screens that did not open').toEqual([]);
});

test('the leads board works from the keyboard alone: pick up, move a stage, drop, open', async ({ page }) => {
  test.setTimeout(90_000);
  const phone = `97${String(Date.now()).slice(-8)}`;
  const name = `Keyboard Lead ${phone.slice(-4)}`;
  await signIn(page, 'sales@mandap.demo');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/leads');
  await heading(page, 'Leads');

  // A lead of its own, typed in from the keyboard (the dialog focuses its first field).
  await page.getByRole('button', { name: 'New lead' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Phone')).toBeFocused();
  await page.keyboard.type(phone);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const drawer = page.getByRole('dialog', { name });
  await expect(drawer).toBeVisible();
  const code = (await drawer.getByText(/^LD-\d{4}-\d{4}$/).textContent())!;
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The card's accessible name holds its visible text.
  const card = page.getByTestId(`lead-card-${code}`);
  await expect(page.getByTestId('stage-new').getByTestId(`lead-card-${code}`)).toBeVisible();
  await expect(card).toHaveAccessibleName(new RegExp(`${name}.*${code}`));

  // Space picks it up, Right moves it to the next stage, Space drops it there. Each key waits for
  // what the board announces to a screen reader (dnd-kit's live region: picked up, then over the
  // stage it is on): a key pressed before the pick-up has measured the columns is lost, and the
  // card is dropped where it was.
  const announced = page.locator('[id^="DndLiveRegion"]');
  await card.focus();
  await page.keyboard.press('Space');
  await expect(announced).toHaveText(`${name} is over New.`);
  await page.keyboard.press('ArrowRight');
  await expect(announced).toHaveText(`${name} is over Contacted.`);
  await page.keyboard.press('Space');
  await expect(page.getByText(`${name} moved to Contacted.`)).toBeVisible();
  await expect(page.getByTestId('stage-contacted').getByTestId(`lead-card-${code}`)).toBeVisible();

  // Left back to New is refused by the lifecycle, and said so; the card stays.
  await page.getByTestId(`lead-card-${code}`).focus();
  await page.keyboard.press('Space');
  await expect(announced).toHaveText(`${name} is over Contacted.`);
  await page.keyboard.press('ArrowLeft');
  await expect(announced).toHaveText(`${name} is over New.`);
  await page.keyboard.press('Space');
  await expect(page.getByText('A lead that has been worked on cannot go back to New.')).toBeVisible();
  await expect(page.getByTestId('stage-contacted').getByTestId(`lead-card-${code}`)).toBeVisible();

  // Escape cancels a move; Enter opens the card.
  await page.getByTestId(`lead-card-${code}`).focus();
  await page.keyboard.press('Space');
  await expect(announced).toHaveText(`${name} is over Contacted.`);
  await page.keyboard.press('ArrowRight');
  await expect(announced).toHaveText(`${name} is over Brief captured.`);
  await page.keyboard.press('Escape');
  await expect(announced).toHaveText(`Moving ${name} was cancelled.`);
  await expect(page.getByTestId('stage-contacted').getByTestId(`lead-card-${code}`)).toBeVisible();
  await page.getByTestId(`lead-card-${code}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name })).toBeVisible();
});

test('the quote builder works from the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'sales@mandap.demo');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/quotes');
  await heading(page, 'Quotes');

  await page.getByRole('button', { name: 'New quote' }).focus();
  await page.keyboard.press('Enter');
  const modal = page.getByRole('dialog', { name: 'New quote' });
  await modal.getByPlaceholder('Type to search').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(modal.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Keyboard-only sangeet');
  await page.keyboard.press('Enter');
  await heading(page, /QT\/\d{4}-\d{2}\/\d{4} · v1/);

  // A line from the catalogue: type, arrow to the option, Enter.
  await page.getByPlaceholder('Add from catalogue…').focus();
  await page.keyboard.type('DJ with');
  await expect(page.getByRole('option', { name: /DJ with sound and lights/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Line 1 description')).toHaveValue('DJ with sound and lights');

  // A typed line: Add line focuses its description; Tab walks quantity, unit and rate.
  await page.getByRole('button', { name: 'Add line' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Line 2 description')).toBeFocused();
  await page.keyboard.type('Sangeet stage, marigold backdrop');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Line 2 quantity')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Line 2 unit')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Line 2 rate')).toBeFocused();
  await page.keyboard.type('125000');
  await expect(page.getByLabel('Line 2 quantity')).toHaveValue('2');
  await expect(page.getByTestId('quote-total')).not.toHaveText('₹0');

  // Removing a line and saving, by keyboard.
  await page.getByRole('button', { name: 'Remove line 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Sangeet stage, marigold backdrop');
  await page.getByRole('button', { name: 'Save draft' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('All changes saved')).toBeVisible();
});
