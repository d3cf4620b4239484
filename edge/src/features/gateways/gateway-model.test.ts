import { newId } from '@mandap/shared/common';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test-support.ts';
import { checkLedger } from '../payments/ledger-check.ts';
import {
  balanceOf,
  deliverRazorpay,
  deliverStripe,
  eventWithLink,
  rzp,
  startGatewayApp,
  stripeEvents,
} from './gateway-test-kit.ts';

let t: TestApp;
let finance: Record<string, string>;
let close: () => void;
beforeAll(async () => {
  ({ t, finance, close } = await startGatewayApp());
});
afterAll(() => close());

/** What happened at the gateway, in its true order. */
type Fact =
  | { kind: 'capture'; provider: 'razorpay' | 'stripe'; target: number; amount: number; delayed: boolean }
  | { kind: 'refund'; pick: number; amount: number };

const fact: fc.Arbitrary<Fact> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('capture' as const),
      provider: fc.constantFrom('razorpay' as const, 'stripe' as const),
      // 0 and 1: the two links of that gateway; 2: a link nobody knows (suspense).
      target: fc.integer({ min: 0, max: 2 }),
      // Up to well beyond the 1,000 the event owes: over-payments go to credit on account.
      amount: fc.integer({ min: 1, max: 1600 }),
      delayed: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 900 }),
    }),
  },
);

/** One webhook delivery: its event id (so a re-send of the same delivery is a duplicate) and how to send it. */
interface Delivery {
  eventId: string;
  send: (eventId: string) => Promise<{ status: number }>;
}

describe('gateway model', () => {
  it('random captures, duplicates, out-of-order deliveries, over-payments, delayed Stripe payments and refunds: gateway captured − refunded = bank:<gateway>, every capture booked once, ledger:check clean', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fact, { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 40, maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        async (facts, copies, shuffle) => {
          const links = {
            razorpay: [
              await eventWithLink(t, finance, { totalMinor: 1000 }),
              await eventWithLink(t, finance, { totalMinor: 1000 }),
            ],
            stripe: [
              await eventWithLink(t, finance, { totalMinor: 1000, currency: 'USD' }),
              await eventWithLink(t, finance, { totalMinor: 1000, currency: 'USD' }),
            ],
          };
          const bankBefore = {
            razorpay: await balanceOf(t, 'bank:razorpay', 'INR'),
            stripe: await balanceOf(t, 'bank:stripe', 'USD'),
          };
          const gateway = { razorpay: 0, stripe: 0 };
          const captures: {
            provider: 'razorpay' | 'stripe';
            id: string;
            amount: number;
            refunded: { id: string; amount: number }[];
            linkId: string | null;
            providerLinkId: string | null;
          }[] = [];
          const deliveries: Delivery[] = [];
          for (const f of facts) {
            if (f.kind === 'capture') {
              const id = `${f.provider === 'razorpay' ? 'pay' : 'pi'}_${newId()}`;
              const link = f.target < 2 ? links[f.provider][f.target]!.link : null;
              captures.push({
                provider: f.provider,
                id,
                amount: f.amount,
                refunded: [],
                linkId: link?.id ?? null,
                providerLinkId: link?.providerLinkId ?? null,
              });
              gateway[f.provider] += f.amount;
              if (f.provider === 'razorpay') {
                const plink = link?.providerLinkId ?? `plink_unknown_${newId()}`;
                deliveries.push({
                  eventId: newId(),
                  send: (e) => deliverRazorpay(t, rzp.linkPaid(plink, id, f.amount), e),
                });
                deliveries.push({ eventId: newId(), send: (e) => deliverRazorpay(t, rzp.captured(id, f.amount), e) });
              } else {
                const s = {
                  id: link?.providerLinkId ?? `cs_unknown_${newId()}`,
                  linkId: link?.id ?? `unknown_${newId()}`,
                  amount: f.amount,
                  pi: id,
                };
                if (f.delayed) {
                  deliveries.push({
                    eventId: '',
                    send: () =>
                      deliverStripe(t, stripeEvents.session('checkout.session.completed', { ...s, paid: false })),
                  });
                  deliveries.push({
                    eventId: '',
                    send: () =>
                      deliverStripe(
                        t,
                        stripeEvents.session('checkout.session.async_payment_succeeded', { ...s, paid: true }),
                      ),
                  });
                } else
                  deliveries.push({
                    eventId: '',
                    send: () =>
                      deliverStripe(t, stripeEvents.session('checkout.session.completed', { ...s, paid: true })),
                  });
              }
              continue;
            }
            if (captures.length === 0) continue;
            const c = captures[f.pick % captures.length]!;
            const left = c.amount - c.refunded.reduce((s, r) => s + r.amount, 0);
            const amount = Math.min(f.amount, left);
            if (amount <= 0) continue; // the gateway would refuse it: nothing happened
            const refund = { id: `${c.provider === 'razorpay' ? 'rfnd' : 're'}_${newId()}`, amount };
            c.refunded.push(refund);
            gateway[c.provider] -= amount;
            if (c.provider === 'razorpay')
              deliveries.push({
                eventId: newId(),
                send: (e) => deliverRazorpay(t, rzp.refundProcessed(refund.id, c.id, amount, c.amount), e),
              });
            else {
              const list = [...c.refunded];
              deliveries.push({
                eventId: '',
                send: () =>
                  deliverStripe(
                    t,
                    stripeEvents.chargeRefunded({
                      pi: c.id,
                      amount: c.amount,
                      refunds: list,
                      ...(c.linkId ? { linkId: c.linkId } : {}),
                    }),
                  ),
              });
            }
          }
          // Each delivery 1–3 times (re-sent with the same event id), in a shuffled order.
          const sends = deliveries.flatMap((d, i) => Array.from({ length: copies[i % copies.length]! }, () => d));
          for (let i = sends.length - 1; i > 0; i--) {
            const j = shuffle.next().value % (i + 1);
            [sends[i], sends[j]] = [sends[j]!, sends[i]!];
          }
          for (const d of sends) expect((await d.send(d.eventId || `evt_${newId()}`)).status).toBe(200);

          expect(await balanceOf(t, 'bank:razorpay', 'INR')).toBe(bankBefore.razorpay + gateway.razorpay);
          expect(await balanceOf(t, 'bank:stripe', 'USD')).toBe(bankBefore.stripe + gateway.stripe);
          for (const c of captures) {
            const receipts = await t.deps.db.$client.execute({
              sql: 'SELECT count(*) AS n FROM payments WHERE reference = ? AND reverses_payment_id IS NULL',
              args: [c.id],
            });
            const held = await t.deps.db.$client.execute({
              sql: "SELECT count(*) AS n FROM gateway_suspense WHERE provider_payment_id = ? AND status = 'open'",
              args: [c.id],
            });
            const refundedAll = c.refunded.reduce((s, r) => s + r.amount, 0) === c.amount;
            const n = Number(receipts.rows[0]!.n) + Number(held.rows[0]!.n);
            // Booked once: one receipt or one open suspense item (none when refunded in full while held).
            expect(n === 1 || (n === 0 && refundedAll)).toBe(true);
          }
          const rec = await (await t.json('GET', '/api/payments/reconciliation', undefined, finance)).json();
          for (const row of rec.rows) expect(row.differenceMinor).toBe(0);
          for (const total of rec.totals) expect(total.differenceMinor).toBe(0);
          expect((await checkLedger(t.deps.db)).mismatches).toEqual([]);
        },
      ),
      { numRuns: Number(process.env.MODEL_RUNS ?? 20) },
    );
  }, 300_000);
});
