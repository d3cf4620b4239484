import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support.ts';
import { UNVERIFIED_EXCERPT_CHARS } from './webhook-guard.ts';

/** Webhook endpoints cannot be used to fill the disk (issue 10, item 5). */
let t: TestApp;
afterEach(() => t.cleanup());

const huge = JSON.stringify({ event: 'payment.captured', padding: 'x'.repeat(200_000) });
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function inboxRows(provider: string) {
  return (
    await t.deps.db.$client.execute({
      sql: 'SELECT body, headers, signature_valid, status FROM webhook_inbox WHERE provider = ? ORDER BY received_at',
      args: [provider],
    })
  ).rows;
}

describe('unsigned or badly signed deliveries keep an excerpt and a hash', () => {
  it.each([
    ['razorpay', '/api/webhooks/razorpay', { 'x-razorpay-signature': 'bad' }],
    ['stripe', '/api/webhooks/stripe', { 'stripe-signature': 't=1,v1=bad' }],
    ['meta', '/api/intake/meta', { 'x-hub-signature-256': 'sha256=bad' }],
  ] as const)('%s', async (provider, path, headers) => {
    t = await startTestApp({
      RAZORPAY_WEBHOOK_SECRET: 'rzp-webhook-secret',
      STRIPE_WEBHOOK_SECRET: 'whsec_test_secret',
      META_APP_SECRET: 'meta-app-secret',
    });
    const res = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: huge,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const rows = await inboxRows(provider);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(Number(row.signature_valid)).toBe(0);
    expect(String(row.body)).toHaveLength(UNVERIFIED_EXCERPT_CHARS);
    const kept = JSON.parse(String(row.headers));
    expect(kept['x-mandap-body-sha256']).toBe(sha(huge));
    expect(kept['x-mandap-body-excerpt']).toContain(String(huge.length));
  });
});

describe('webhook endpoints are rate-limited per source', () => {
  it('one address is held back after the limit; another is not', async () => {
    t = await startTestApp({ TRUST_PROXY: '', WEBHOOK_MAX_PER_MINUTE: '3' });
    const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
    const send = (ip: string, headers: Record<string, string> = {}) =>
      t.app.request(
        '/api/webhooks/razorpay',
        { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' },
        from(ip),
      );
    for (let i = 0; i < 3; i++) expect((await send('198.51.100.30')).status).not.toBe(429);
    const held = await send('198.51.100.30', { 'x-forwarded-for': '203.0.113.1' });
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBeTruthy();
    expect((await send('198.51.100.31')).status).not.toBe(429);
    // Refused deliveries over the limit leave no inbox rows.
    expect((await inboxRows('razorpay')).length).toBe(4);
  });
});
