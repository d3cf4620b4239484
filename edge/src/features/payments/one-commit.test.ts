import type { InStatement } from '@libsql/client';
import { newId } from '@mandap/shared/common';
import { indiaDate as istDate } from '@mandap/shared/time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent, postPayment } from './payments-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

/** Counts commits on the libSQL client: transactions committed, plus writes made outside one (each its own commit). */
function countCommits() {
  const client = t.deps.db.$client;
  const counter = { commits: 0 };
  const execute = client.execute.bind(client);
  client.execute = ((stmt: InStatement) => {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    if (!/^\s*(select|pragma|explain)\b/i.test(sql)) counter.commits++;
    return execute(stmt);
  }) as typeof client.execute;
  const transaction = client.transaction.bind(client);
  client.transaction = (async (mode) => {
    const tx = await transaction(mode);
    const commit = tx.commit.bind(tx);
    tx.commit = () => {
      counter.commits++;
      return commit();
    };
    return tx;
  }) as typeof client.transaction;
  return {
    counter,
    restore: () => {
      client.execute = execute as typeof client.execute;
      client.transaction = transaction;
    },
  };
}

const pay = (eventId: string, extra: Record<string, unknown> = {}) => ({
  eventId,
  mode: 'upi',
  receivedOn: istDate(t.clock.now()),
  amountMinor: 100_00,
  currency: 'INR',
  ...extra,
});

describe('recording a payment is one commit', () => {
  it('claims the Idempotency-Key, records the payment and stores the reply in one transaction', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000_00 });
    const { counter, restore } = countCommits();
    try {
      const r = await postPayment(t, finance, pay(e.eventId));
      expect(r.status).toBe(201);
      expect(counter.commits).toBe(1);
      // A replay commits nothing new and answers the stored reply.
      counter.commits = 0;
      const key = newId();
      const first = await postPayment(t, finance, pay(e.eventId), key);
      const again = await postPayment(t, finance, pay(e.eventId), key);
      expect(again).toEqual(first);
      expect(counter.commits).toBeLessThanOrEqual(2);
    } finally {
      restore();
    }
  });

  it('a refused payment leaves no claim behind: the same key can carry the corrected payment', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1000_00 });
    const key = newId();
    const keys = await countRows(t.deps, 'idempotency_keys');
    const refused = await postPayment(t, finance, pay(e.eventId, { receivedOn: '2999-01-01' }), key);
    expect(refused.status).toBe(422);
    expect(await countRows(t.deps, 'idempotency_keys')).toBe(keys);
    const fixed = await postPayment(t, finance, pay(e.eventId), key);
    expect(fixed.status).toBe(201);
  });
});
