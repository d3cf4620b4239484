import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers.ts';

// Matches client/playwright.config.ts (the test-only VAPID key the edge is started with).
const VAPID_PUBLIC_KEY = 'BPViRQmiQyz1rD_uMq4P6q6Q3vk0Od9hhaB5bdQ6SBWN4ePbMay5PQkPUk-HihshjObuztYFz-BCj4NJx5S4_Ak';

/** A CDP session with the ServiceWorker domain on, and the registration id of the app's worker. */
async function workerDomain(page: Page, origin: string) {
  const cdp = await page.context().newCDPSession(page);
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const r = registrations.find((x) => x.scopeURL === `${origin}/` && !x.isDeleted);
      if (r) resolve(r.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, id: await found };
}

const shown = (page: Page) =>
  page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      link: (n.data as { link?: string } | null)?.link ?? null,
    })),
  );

test('web push: this device subscribes with the server key, and the service worker shows a push and opens its page', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await context.grantPermissions(['notifications'], { origin });
  // Push is its own permission in Chromium (granted with notifications in a real browser's prompt).
  const browserCdp = await context.browser()!.newBrowserCDPSession();
  await browserCdp.send('Browser.setPermission', {
    origin,
    permission: { name: 'push', userVisibleOnly: true },
    setting: 'granted',
  });
  await signIn(page, 'ops@mandap.demo');
  // The app's service worker (precache + push handler) controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  await page.getByRole('button', { name: /^Notifications/ }).click();
  const device = page.getByTestId('push-device');
  await expect(device.getByText('Notifications on this device', { exact: true })).toBeVisible();
  await device.getByRole('button', { name: 'Turn on notifications on this device' }).click();

  // Chromium subscribes through its push service (FCM). Headless Chromium on a closed network may have
  // none: then the control must say so plainly, and nothing is registered on the server.
  const on = device.getByText('On: this device shows your notifications.');
  const refused = device.getByRole('alert');
  await expect(on.or(refused)).toBeVisible({ timeout: 15_000 });
  if (await refused.isVisible()) {
    await expect(refused).toHaveText(/This browser could not subscribe to push \(.+\)\./);
    console.log(`push subscribe refused here: ${await refused.textContent()}`);
    test.info().annotations.push({
      type: 'not testable here',
      description: `pushManager.subscribe refused in this headless Chromium: ${await refused.textContent()}`,
    });
  } else {
    // Subscribed with the server's VAPID key; the server has this endpoint for this user.
    const sub = await page.evaluate(async () => {
      const s = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
      const key = s?.options.applicationServerKey;
      return s ? { endpoint: s.endpoint, key: key ? btoa(String.fromCharCode(...new Uint8Array(key))) : null } : null;
    });
    expect(sub?.key?.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')).toBe(VAPID_PUBLIC_KEY);
    await device.getByRole('button', { name: 'Turn off' }).click();
    await expect(device.getByRole('button', { name: 'Turn on notifications on this device' })).toBeVisible();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).pushManager.getSubscription())).toBe(
      null,
    );
  }

  // The push handler: Chromium delivers a push message to the worker (as the push service would,
  // after decryption) and the worker shows it, with the page to open.
  const { cdp, id } = await workerDomain(page, origin);
  type Shown = Awaited<ReturnType<typeof shown>>[number];
  /**
   * Delivers one push and waits until the worker shows it. CDP's delivery answers before the worker has
   * the push and reports nothing back: twice in the clean-clone runs of 30/11 one delivery out of three
   * was never shown, while the others, through the same handler, were. A delivery not shown within 5 s
   * is sent again, at most three times in all, and said so in the output; a handler that shows the
   * wrong thing, or nothing, still fails.
   */
  async function push(data: string, seen: (n: Shown) => boolean) {
    for (let attempt = 1; ; attempt++) {
      await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: id, data });
      try {
        await expect.poll(async () => (await shown(page)).some(seen), { timeout: 5_000 }).toBe(true);
        return;
      } catch (e) {
        if (attempt === 3) throw e;
        console.log(`push not shown within 5 s, delivered again (attempt ${attempt + 1}): ${data}`);
        test.info().annotations.push({ type: 'push redelivered', description: `${data} (attempt ${attempt + 1})` });
      }
    }
  }
  const task = {
    title: 'Task assigned',
    body: 'A task was assigned to you: Confirm the dhol players',
    tag: 'outbox-1',
    link: `${origin}/my-tasks`,
  };
  await push(
    JSON.stringify({ title: task.title, body: task.body, link: '/my-tasks', id: 'outbox-1' }),
    (n) => n.tag === 'outbox-1',
  );
  expect((await shown(page)).find((n) => n.tag === 'outbox-1')).toEqual(task);
  // A link to another site never leaves the app: it opens the home page.
  await push(
    JSON.stringify({ title: 'Odd', body: 'x', link: 'https://evil.example/phish', id: 'outbox-2' }),
    (n) => n.tag === 'outbox-2',
  );
  expect((await shown(page)).find((n) => n.tag === 'outbox-2')).toEqual({
    title: 'Odd',
    body: 'x',
    tag: 'outbox-2',
    link: `${origin}/`,
  });
  // Text that is not JSON is the body, under the app's name, opening the home page.
  await push('plain words', (n) => n.body === 'plain words');
  expect((await shown(page)).find((n) => n.body === 'plain words')).toMatchObject({
    title: 'Mandap',
    link: `${origin}/`,
  });

  // The click handler's work: focus the open Mandap tab and take it to the notification's page.
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(origin));
  expect(worker).toBeTruthy();
  await worker!.evaluate(
    (target) => (self as unknown as { mandapOpen(t: string): Promise<unknown> }).mandapOpen(target),
    `${origin}/my-tasks`,
  );
  await expect(page).toHaveURL(`${origin}/my-tasks`);
  await expect(page.getByRole('heading', { name: /tasks/i }).first()).toBeVisible();
});
