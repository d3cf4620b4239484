import { newId } from '@mandap/shared/common';
import { entryImbalance } from '@mandap/shared/payments';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { accountBalances } from './balances.service.ts';
import { checkLedger } from './ledger-check.ts';
import { plannedEvent, postPayment } from './payments-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  finance = (await t.login('finance@mandap.demo')).auth;
});
afterAll(() => t.cleanup());

type Op =
  | { kind: 'pay'; amount: number; mode: 'upi' | 'cash' | 'neft' }
  | { kind: 'refund'; pick: number; amount: number }
  | { kind: 'reverse'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      amount: fc.integer({ min: 1, max: 4000 }),
      mode: fc.constantFrom('upi' as const, 'cash' as const, 'neft' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 3000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
);

/** The in-memory model: what each payment has left, and what each account should hold. */
interface Model {
  owed: number;
  /** Per payment: what is left of its milestone part and of its credit-on-account part. */
  payments: { id: string; mode: string; left: number; credit: number; allocated: number; refunded: boolean }[];
  bank: Map<string, number>;
  receivable: number;
}

describe('ledger model', () => {
  it('random payments, partial payments, refunds and reversals keep the books equal to the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const total = 10_000;
        const e = await plannedEvent(t, finance, { totalMinor: total });
        const m: Model = { owed: total, payments: [], bank: new Map(), receivable: 0 };
        for (const o of ops) {
          if (o.kind === 'pay') {
            const r = await postPayment(t, finance, {
              eventId: e.eventId,
              mode: o.mode,
              receivedOn: '2026-05-02',
              amountMinor: o.amount,
              currency: 'INR',
            });
            // Beyond what is owed is never refused: the excess is credit on account.
            expect(r.status).toBe(201);
            const allocated = Math.min(o.amount, m.owed);
            m.owed -= allocated;
            expect(r.body.payment.unallocatedMinor).toBe(o.amount - allocated);
            m.payments.push({
              id: r.body.payment.id,
              mode: o.mode,
              left: o.amount,
              credit: o.amount - allocated,
              allocated,
              refunded: false,
            });
            const acct = o.mode === 'cash' ? 'cash' : `bank:${o.mode}`;
            m.bank.set(acct, (m.bank.get(acct) ?? 0) + o.amount);
            m.receivable -= o.amount;
            continue;
          }
          if (m.payments.length === 0) continue;
          const p = m.payments[o.pick % m.payments.length]!;
          const body =
            o.kind === 'refund'
              ? { kind: 'refund', amountMinor: o.amount, reason: 'model refund' }
              : { kind: 'reversal', reason: 'model reversal' };
          const res = await t.json('POST', `/api/payments/${p.id}/refunds`, body, {
            ...finance,
            'idempotency-key': newId(),
          });
          const amount = o.kind === 'refund' ? o.amount : p.left;
          const allowed = p.left > 0 && (o.kind === 'refund' ? o.amount <= p.left : !p.refunded);
          expect(res.status).toBe(allowed ? 201 : 422);
          if (!allowed) continue;
          const fromCredit = Math.min(amount, p.credit);
          p.left -= amount;
          p.credit -= fromCredit;
          p.allocated -= amount - fromCredit;
          p.refunded = true;
          m.owed += amount - fromCredit;
          const acct = p.mode === 'cash' ? 'cash' : `bank:${p.mode}`;
          m.bank.set(acct, (m.bank.get(acct) ?? 0) - amount);
          m.receivable += amount;
        }
        const balances = await accountBalances(t.deps.db, { eventId: e.eventId });
        const got = new Map(balances.map((b) => [b.account, b.amountMinor]));
        for (const [acct, v] of m.bank) expect(got.get(acct) ?? 0).toBe(v);
        const credit = m.payments.reduce((sum, p) => sum + p.credit, 0);
        expect(got.get(`client:${e.clientId}:advance`) ?? 0).toBe(-credit || 0);
        expect(got.get(`client:${e.clientId}:receivable`) ?? 0).toBe(m.receivable + credit);
        const ms = await (
          await t.json('GET', `/api/payments/events/${e.eventId}/milestones`, undefined, finance)
        ).json();
        expect(total - ms.milestones.reduce((s: number, x: { paidMinor: number }) => s + x.paidMinor, 0)).toBe(m.owed);
      }),
      { numRuns: 25 },
    );
    const lines = await t.deps.db.$client.execute(
      'SELECT entry_id, account, currency, amount_minor, amount_inr_minor FROM postings',
    );
    const byEntry = new Map<
      string,
      { account: string; currency: 'INR'; amountMinor: number; amountInrMinor: number }[]
    >();
    for (const r of lines.rows) {
      const list = byEntry.get(String(r.entry_id)) ?? [];
      list.push({
        account: String(r.account),
        currency: 'INR',
        amountMinor: Number(r.amount_minor),
        amountInrMinor: Number(r.amount_inr_minor),
      });
      byEntry.set(String(r.entry_id), list);
    }
    for (const entry of byEntry.values()) expect(entryImbalance(entry)).toBeNull();
    expect((await checkLedger(t.deps.db)).mismatches).toEqual([]);
  }, 120_000);
});
