import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { firstId, weddingDraft } from '../quotes/quote-test-kit.ts';
import { decimalString } from './exchange-rate-api.ts';
import { fxProviderOf, refreshRatesIfStale } from './fx-rates.service.ts';

const INR_PER: Record<string, number> = { USD: 83.215, AED: 22.6575, EUR: 90.1, GBP: 105.42 };
const UPDATED = 1_795_000_000; // a Unix time the provider reports

/** A stand-in ExchangeRate-API that checks each request is the documented v6 "latest" call. */
async function fakeProvider(key: string, behaviour: 'ok' | 'invalid-key' = 'ok') {
  const seen: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    seen.push(`${req.method} ${req.url}`);
    const m = /^\/v6\/([^/]+)\/latest\/([A-Z]{3})$/.exec(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.method !== 'GET' || !m) {
      res.statusCode = 404;
      return res.end(JSON.stringify({ result: 'error', 'error-type': 'malformed-request' }));
    }
    if (behaviour === 'invalid-key' || m[1] !== key)
      return res.end(JSON.stringify({ result: 'error', 'error-type': 'invalid-key' }));
    const base = m[2]!;
    res.end(
      JSON.stringify({
        result: 'success',
        base_code: base,
        time_last_update_unix: UPDATED,
        conversion_rates: { [base]: 1, INR: INR_PER[base] },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let t: TestApp | undefined;
let closeProvider: (() => Promise<void>) | undefined;
afterEach(async () => {
  t?.cleanup();
  await closeProvider?.();
});

describe('FX rates', () => {
  it('refreshes from ExchangeRate-API (one v6 latest call per currency), then a USD quote shows its INR equivalent', async () => {
    const provider = await fakeProvider('test-key-123');
    closeProvider = provider.close;
    t = await startTestApp({ FX_API_KEY: 'test-key-123', FX_API_URL: provider.url });
    const finance = await t.login('finance@mandap.demo');
    const res = await t.json('POST', '/api/fx/refresh', undefined, finance.auth);
    expect(res.status).toBe(200);
    expect(provider.seen.sort()).toEqual(['AED', 'EUR', 'GBP', 'USD'].map((c) => `GET /v6/test-key-123/latest/${c}`));
    const { rates } = await res.json();
    expect(rates.find((r: { base: string }) => r.base === 'USD')).toMatchObject({
      quote: 'INR',
      rate: '83.215',
      source: 'exchangerate_api',
      asOf: new Date(UPDATED * 1000).toISOString(),
    });

    const sales = await t.login('sales@mandap.demo');
    const created = await t.json(
      'POST',
      '/api/quotes',
      {
        leadId: await firstId(t, 'leads'),
        ...weddingDraft({
          currency: 'USD',
          placeOfSupply: '96',
          discount: null,
          lines: [{ category: 'decor', description: 'Beach mandap, Goa', quantity: 1, rateMinor: 12_000_00 }],
        }),
      },
      sales.auth,
    );
    expect(created.status).toBe(201);
    const q = await created.json();
    expect(q.current.totals.regime).toBe('export');
    expect(q.current.fx).toMatchObject({ base: 'USD', quote: 'INR', rate: '83.215' });
    expect(q.current.totalInrMinor).toBe(9_98_580_00); // 12,000 × 83.215
  });

  it('says plainly when the provider refuses, and when no key is set', async () => {
    const provider = await fakeProvider('right-key', 'invalid-key');
    closeProvider = provider.close;
    t = await startTestApp({ FX_API_KEY: 'wrong-key', FX_API_URL: provider.url });
    const finance = await t.login('finance@mandap.demo');
    const refused = await t.json('POST', '/api/fx/refresh', undefined, finance.auth);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/invalid-key/);
    t.cleanup();
    t = await startTestApp();
    const f2 = await t.login('finance@mandap.demo');
    const off = await t.json('POST', '/api/fx/refresh', undefined, f2.auth);
    expect(off.status).toBe(422);
    expect((await off.json()).error.message).toMatch(/FX_API_KEY/);
  });

  it('finance sets a manual rate; sales may not; a bad rate is refused', async () => {
    t = await startTestApp();
    const finance = await t.login('finance@mandap.demo');
    const sales = await t.login('sales@mandap.demo');
    expect((await t.json('POST', '/api/fx/rates', { base: 'AED', rate: '22.70' }, sales.auth)).status).toBe(403);
    for (const rate of ['0', '-1', '1e3', 'abc']) {
      expect((await t.json('POST', '/api/fx/rates', { base: 'AED', rate }, finance.auth)).status, rate).toBe(400);
    }
    expect((await t.json('POST', '/api/fx/rates', { base: 'XYZ', rate: '1' }, finance.auth)).status).toBe(400);
    const ok = await t.json('POST', '/api/fx/rates', { base: 'AED', rate: '22.70', asOf: '2026-11-20' }, finance.auth);
    expect(ok.status).toBe(201);
    const list = await (await t.json('GET', '/api/fx/rates', undefined, sales.auth)).json();
    expect(list.rates).toEqual([expect.objectContaining({ base: 'AED', rate: '22.70', source: 'manual' })]);
  });

  it('the daily job refreshes once a day and not in between', async () => {
    const provider = await fakeProvider('k');
    closeProvider = provider.close;
    t = await startTestApp({ FX_API_KEY: 'k', FX_API_URL: provider.url });
    const p = fxProviderOf(t.deps);
    expect(await refreshRatesIfStale(t.deps, p)).toBe('refreshed');
    expect(await refreshRatesIfStale(t.deps, p)).toBe('fresh');
    expect(provider.seen).toHaveLength(4);
    t.clock.advance(25 * 3_600_000);
    expect(await refreshRatesIfStale(t.deps, p)).toBe('refreshed');
    expect(provider.seen).toHaveLength(8);
    expect(await refreshRatesIfStale(t.deps, null)).toBe('off');
  });

  it('writes JSON numbers as plain decimals', () => {
    expect(decimalString(83.215)).toBe('83.215');
    expect(decimalString(1e-7)).toBe('0.0000001');
    expect(decimalString(84)).toBe('84');
  });
});
