import type { Transaction } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { plannedEvent, postPayment } from './payments-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
const statements: string[] = [];

/** Counts every statement that runs inside a transaction on the test database. */
function countTransactionStatements() {
  const client = t.deps.db.$client;
  const open = client.transaction.bind(client);
  client.transaction = (async (...args: Parameters<typeof open>) => {
    const tx: Transaction = await open(...args);
    const execute = tx.execute.bind(tx);
    tx.execute = ((stmt: Parameters<typeof execute>[0]) => {
      statements.push(typeof stmt === 'string' ? stmt : stmt.sql);
      return execute(stmt);
    }) as typeof tx.execute;
    return tx;
  }) as typeof client.transaction;
}

beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
  countTransactionStatements();
});
afterAll(() => t.cleanup());

const pay = (eventId: string, amountMinor: number) => ({
  eventId,
  mode: 'upi',
  reference: 'UPI-1',
  receivedOn: '2026-05-02',
  amountMinor,
  currency: 'INR',
});

describe('recording a payment: statements in its transaction', () => {
  it('reads each row once and writes only what changed', async () => {
    const e = await plannedEvent(t, finance, { totalMinor: 1_000_00, status: 'deposit_paid' });
    await postPayment(t, finance, pay(e.eventId, 10_00));
    statements.length = 0;
    // Settles the first milestone and part of the second: two paid amounts, two statuses.
    const r = await postPayment(t, finance, pay(e.eventId, 300_00));
    expect(r.status).toBe(201);
    const selects = statements.filter((s) => /^\s*select/i.test(s));
    const writes = statements.filter((s) => !/^\s*select/i.test(s));
    if (process.env.TEST_LOG) console.log(statements.join('\n'));
    // event, milestones; nothing is read back that the transaction just wrote.
    expect(selects).toHaveLength(2);
    // idempotency claim, code, entry, postings, payment, 2 milestones, reminders, event log,
    // audit, idempotency reply: the claim is in the same transaction, so one commit in all.
    expect(writes.length).toBeLessThanOrEqual(11);
  });
});
