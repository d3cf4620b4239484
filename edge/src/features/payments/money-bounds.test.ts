import { newId } from '@mandap/shared/common';
import { indiaDate as istDate } from '@mandap/shared/time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fxRates } from '../../db/schema/index.ts';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent, postPayment } from './payments-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
  const at = t.clock.now().toISOString();
  await t.deps.db
    .insert(fxRates)
    .values({ id: newId(), base: 'USD', quote: 'INR', rate: '83.25', source: 'manual', asOf: at, createdAt: at });
});
afterAll(() => t.cleanup());

const today = () => istDate(t.clock.now());
const usd = (eventId: string, extra: Record<string, unknown>) => ({
  eventId,
  mode: 'neft',
  receivedOn: today(),
  amountMinor: 100_00,
  currency: 'USD',
  ...extra,
});

describe('bounds on money input: refused with the field named, nothing written', () => {
  it.each([
    ['a zero rate', { fxRate: '0' }, 400, 'fxRate'],
    ['a zero rate with decimals', { fxRate: '0.0000' }, 400, 'fxRate'],
    ['a negative rate', { fxRate: '-83' }, 400, 'fxRate'],
    ['a rate far from the stored one', { fxRate: '95' }, 422, 'fxRate'],
    ['a date in the future', { receivedOn: '2999-01-01' }, 422, 'receivedOn'],
    ['a date years back', { receivedOn: '2001-04-01' }, 422, 'receivedOn'],
  ] as [string, Record<string, unknown>, number, string][])('%s', async (_name, extra, status, field) => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000_00, currency: 'USD' });
    const before = await countRows(t.deps, 'postings');
    const r = await postPayment(t, finance, usd(e.eventId, extra));
    expect(r.status).toBe(status);
    expect(Object.keys((r.body.error as unknown as { fields: Record<string, string> }).fields)).toContain(field);
    expect(await countRows(t.deps, 'postings')).toBe(before);
  });

  it('takes a rate within the band, and one outside it only when confirmed', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000_00, currency: 'USD' });
    expect((await postPayment(t, finance, usd(e.eventId, { fxRate: '84.10' }))).status).toBe(201);
    const far = await postPayment(t, finance, usd(e.eventId, { fxRate: '95' }));
    expect(far.body.error?.message).toMatch(/more than 10% away from the stored rate 83.25.*fxRateConfirmed/);
    const confirmed = await postPayment(t, finance, usd(e.eventId, { fxRate: '95', fxRateConfirmed: true }));
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.payment.fxRate).toBe('95');
  });

  it('refuses a refund dated in the future, naming the field', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000_00 });
    const p = await postPayment(t, finance, { ...usd(e.eventId, {}), currency: 'INR' });
    const r = await t.json(
      'POST',
      `/api/payments/${p.body.payment.id}/refunds`,
      { kind: 'refund', amountMinor: 10_00, reason: 'client asked', on: '2999-01-01' },
      { ...finance, 'idempotency-key': newId() },
    );
    expect(r.status).toBe(422);
    expect((await r.json()).error.fields).toHaveProperty('on');
  });

  it('refuses an FX rate on an INR payment instead of ignoring it', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000_00 });
    const before = await countRows(t.deps, 'payments');
    const r = await postPayment(t, finance, { ...usd(e.eventId, { fxRate: '1.5' }), currency: 'INR' });
    expect(r.status).toBe(422);
    expect(r.body.error?.message).toMatch(/INR payment takes no FX rate/);
    expect(await countRows(t.deps, 'payments')).toBe(before);
  });

  it('a manual FX rate: zero is a 400, far from the day’s rate needs confirmOutsideBand', async () => {
    const zero = await t.json('POST', '/api/fx/rates', { base: 'USD', rate: '0' }, finance);
    expect(zero.status).toBe(400);
    const before = await countRows(t.deps, 'fx_rates');
    const far = await t.json('POST', '/api/fx/rates', { base: 'USD', rate: '200' }, finance);
    expect(far.status).toBe(422);
    expect((await far.json()).error.fields).toHaveProperty('rate');
    expect(await countRows(t.deps, 'fx_rates')).toBe(before);
    const ok = await t.json('POST', '/api/fx/rates', { base: 'USD', rate: '200', confirmOutsideBand: true }, finance);
    expect(ok.status).toBe(201);
  });
});
