import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startProviderStandIn } from '../../edge/src/features/notifications/testing/provider-stand-in.ts';
import { signIn } from './helpers.ts';

// Matches client/playwright.config.ts: the edge sends WhatsApp to PORT + 3 and checks this secret.
const PORT = Number(process.env.E2E_PORT ?? 4599);
const SECRET = 'e2e-whatsapp-app-secret';

let standIn: Awaited<ReturnType<typeof startProviderStandIn>>;
test.beforeAll(async () => {
  standIn = await startProviderStandIn(undefined, PORT + 3);
});
test.afterAll(async () => standIn?.close());

function inbound(phoneDigits: string, id: string, text: string) {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              contacts: [{ profile: { name: 'Zoya Khan' }, wa_id: phoneDigits }],
              messages: [
                {
                  from: phoneDigits,
                  id,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

test('an inbound WhatsApp message appears live in the inbox, and a reply is sent', async ({ page, request }) => {
  const phone = `9198200${String(Date.now()).slice(-5)}`;
  await signIn(page, 'sales@mandap.demo');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(page.getByTestId('conversation').filter({ hasText: 'Zoya Khan' })).toHaveCount(0);
  // The inbox follows the server's live feed (server-sent events), not a poll.
  await expect(page.getByTestId('inbox-live')).toHaveText('Live');

  // A forged delivery is refused and nothing shows up.
  const body = inbound(phone, `wamid.e2e.${phone}`, 'Is the sangeet package still available for March?');
  const forged = await request.post('/api/webhooks/whatsapp', {
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' },
    data: body,
  });
  expect(forged.status()).toBe(401);

  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const posted = Date.now();
  const ok = await request.post('/api/webhooks/whatsapp', {
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    data: body,
  });
  expect(ok.status()).toBe(200);

  // No reload: the open inbox shows it within moments (the fallback poll, used only while the feed is down, is 20 s).
  const row = page.getByTestId('conversation').filter({ hasText: 'Zoya Khan' });
  await expect(row).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - posted).toBeLessThan(5_000);
  await expect(row.getByLabel('1 unread')).toBeVisible();
  await row.click();
  await expect(page.getByTestId('message-in')).toHaveText(/sangeet package still available for March/);

  await page.getByLabel('Reply').fill('Yes! Shall I call you at 5 pm?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const out = page.getByTestId('message-out').filter({ hasText: 'Shall I call you at 5 pm?' });
  await expect(out).toBeVisible();
  await expect(out.getByText('sent', { exact: true })).toBeVisible();
  // A status webhook (read) for the reply reaches the open thread live too.
  const sentReq = standIn.seen.findIndex((x) => x.body.to === phone);
  const status = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              statuses: [
                {
                  id: `wamid.${sentReq + 1}`, // the stand-in's answer to that send
                  status: 'read',
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  recipient_id: phone,
                },
              ],
            },
          },
        ],
      },
    ],
  });
  const read = await request.post('/api/webhooks/whatsapp', {
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(status).digest('hex')}`,
    },
    data: status,
  });
  expect(await read.json()).toMatchObject({ statuses: 1 });
  await expect(out.getByText('read', { exact: true })).toBeVisible({ timeout: 5_000 });
  await expect(row.getByLabel('1 unread')).toHaveCount(0);

  const sent = standIn.seen.find((s) => s.body.to === phone);
  expect(sent?.path).toBe('/v21.0/1098765432/messages');
  expect(sent?.headers.authorization).toBe('Bearer e2e-meta-access-token');
  expect(sent?.body).toMatchObject({ type: 'text', text: { body: 'Yes! Shall I call you at 5 pm?' } });
});

test('a broadcast shows its reach and expected cost before it is queued, then its progress', async ({ page }) => {
  await signIn(page, 'manager@mandap.demo');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/inbox');
  await page.getByRole('tab', { name: 'Broadcasts' }).click();
  await page.getByLabel('Name').fill('Winter dates');
  await page.getByLabel('offer').fill('a few December dates are still open.');
  await expect(page.getByRole('button', { name: 'Queue broadcast' })).toBeDisabled();
  await page.getByRole('button', { name: 'Preview reach and cost' }).click();
  // Marketing needs an opt-in: the demo leads have none yet, so every match is held back and the cost is nil.
  await expect(page.getByText(/leads match; \d+ held back by consent \(marketing messages\)/)).toBeVisible();
  await expect(page.getByText(/Expected cost ₹0\.00/)).toBeVisible();
  await page.getByRole('button', { name: 'Queue broadcast' }).click();
  await expect(page.getByTestId('broadcast').filter({ hasText: 'Winter dates' })).toContainText('held back');

  await page.getByRole('tab', { name: 'Notification log' }).click();
  await expect(page.getByTestId('log-row').first()).toBeVisible();
});
