import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { createQuote, sendQuote, tokenOf, weddingDraft } from '../features/quotes/quote-test-kit.ts';
import { startTestApp, type TestApp } from '../test-support.ts';
import { parseTrustProxy, resolveClientIp } from './client-ip.ts';

describe('the real client address', () => {
  const off = parseTrustProxy('');
  it('with TRUST_PROXY off, X-Forwarded-For changes nothing', () => {
    expect(resolveClientIp('198.51.100.4', '1.2.3.4', off)).toBe('198.51.100.4');
    expect(resolveClientIp('::ffff:198.51.100.4', undefined, off)).toBe('198.51.100.4');
    expect(resolveClientIp(null, '1.2.3.4', off)).toBeNull();
  });

  it('a hop count trusts exactly that many proxies from the connection inwards', () => {
    const one = parseTrustProxy('1');
    // The visitor prepended a lie; our one proxy appended the address it saw.
    expect(resolveClientIp('10.0.0.1', '6.6.6.6, 203.0.113.5', one)).toBe('203.0.113.5');
    expect(resolveClientIp('10.0.0.1', undefined, one)).toBe('10.0.0.1');
    expect(resolveClientIp('10.0.0.2', '6.6.6.6, 203.0.113.5, 10.0.0.1', parseTrustProxy('2'))).toBe('203.0.113.5');
    // More hops than the chain: the leftmost is all we have.
    expect(resolveClientIp('10.0.0.1', '203.0.113.5', parseTrustProxy('5'))).toBe('203.0.113.5');
  });

  it('a CIDR list trusts only those proxies, IPv4 and IPv6', () => {
    const cidrs = parseTrustProxy('10.0.0.0/8, 192.168.1.5, fd00::/8');
    expect(resolveClientIp('10.2.3.4', '6.6.6.6, 203.0.113.5, 192.168.1.5', cidrs)).toBe('203.0.113.5');
    // The connection is not a trusted proxy: its header is the visitor's own and is ignored.
    expect(resolveClientIp('198.51.100.9', '203.0.113.5', cidrs)).toBe('198.51.100.9');
    expect(resolveClientIp('fd00::1', '2001:db8::7', cidrs)).toBe('2001:db8::7');
    expect(resolveClientIp('10.0.0.1', 'not-an-ip, 203.0.113.5', cidrs)).toBe('203.0.113.5');
  });

  it('a bad TRUST_PROXY is refused at start-up, naming the setting', () => {
    expect(() => parseEnv({ JWT_SECRET: 'x'.repeat(32), TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
    expect(parseEnv({ JWT_SECRET: 'x'.repeat(32) }).TRUST_PROXY).toBe('');
  });
});

describe('limits and evidence key on the real address (TRUST_PROXY off)', () => {
  let t: TestApp;
  afterEach(() => t.cleanup());
  const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
  const post = (path: string, body: unknown, ip: string, headers: Record<string, string> = {}) =>
    t.app.request(
      path,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) },
      from(ip),
    );
  const form = (phone: string) => ({ name: 'Neha Joshi', phone, formStartedAt: Date.now() - 60_000 });

  it('a spoofed X-Forwarded-For neither escapes the website-form limit nor blocks anyone else; the refused enquiry is kept', async () => {
    t = await startTestApp({ TRUST_PROXY: '', WEBSITE_FORM_MAX_PER_10_MIN: '3' });
    for (let i = 0; i < 3; i++) {
      const ok = await post('/api/intake/website', form(`98200 1111${i}`), '198.51.100.7', {
        'x-forwarded-for': `203.0.113.${i}`,
      });
      expect(ok.status).toBe(200);
    }
    const refused = await post('/api/intake/website', form('98200 22222'), '198.51.100.7', {
      'x-forwarded-for': '203.0.113.99',
    });
    expect(refused.status).toBe(429);
    // Another visitor is not caught in the same bucket.
    expect((await post('/api/intake/website', form('98200 33333'), '198.51.100.8')).status).toBe(200);
    const kept = await t.deps.db.$client.execute(
      "SELECT reason, body FROM webhook_inbox WHERE provider = 'website' AND status = 'rejected'",
    );
    expect(kept.rows).toHaveLength(1);
    expect(String(kept.rows[0]!.reason)).toContain('rate limited');
    expect(String(kept.rows[0]!.reason)).toContain('198.51.100.7');
    expect(String(kept.rows[0]!.body)).toContain('+919820022222');
  });

  it('the login throttle counts the connection, not the header', async () => {
    t = await startTestApp({ TRUST_PROXY: '' });
    for (let i = 0; i < 30; i++) {
      await post('/api/auth/login', { email: `nobody${i}@example.com`, password: 'wrong-password' }, '198.51.100.20', {
        'x-forwarded-for': `203.0.113.${i}`,
      });
    }
    const locked = await post(
      '/api/auth/login',
      { email: 'sales@mandap.demo', password: 'Mandap@2026' },
      '198.51.100.20',
    );
    expect(locked.status).toBe(429);
    const other = await post(
      '/api/auth/login',
      { email: 'sales@mandap.demo', password: 'Mandap@2026' },
      '198.51.100.21',
    );
    expect(other.status).toBe(200);
  });

  it('an acceptance records the real address as evidence', async () => {
    t = await startTestApp({ TRUST_PROXY: '' });
    const sales = await t.login('sales@mandap.demo');
    const { linked } = await import('../features/quotes/quote-test-kit.ts').then((m) => m.clientEvents(t));
    const q = await createQuote(t, sales.auth, { eventId: linked, ...weddingDraft() });
    const sent = await sendQuote(t, sales.auth, q.quote.id);
    const token = tokenOf(sent.share.url);
    const res = await post(
      `/api/public/quotes/${token}/accept`,
      { name: 'Ananya Kapoor', acceptTerms: true },
      '203.0.113.77',
      {
        'x-forwarded-for': '6.6.6.6',
      },
    );
    expect(res.status).toBe(200);
    const detail = await (await t.json('GET', `/api/quotes/${q.quote.id}`, undefined, sales.auth)).json();
    expect(detail.current.acceptance.ip).toBe('203.0.113.77');
  });
});
