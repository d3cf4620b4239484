import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_MODES } from './accounts.ts';
import { checkCreditRefund, splitCredit } from './credit.ts';

describe("an event's credit by source", () => {
  it('keeps the gateway part whole when credit was applied to milestones, so less is refundable by hand', () => {
    // ₹300 surplus from a NEFT receipt, ₹250 from Razorpay; ₹300 applied to milestones since.
    const split = splitCredit(250_00, [
      { mode: 'neft', leftMinor: 300_00 },
      { mode: 'razorpay', leftMinor: 250_00 },
    ]);
    expect(split).toEqual({ creditMinor: 250_00, byGatewayMinor: 250_00, byHandMinor: 0 });
    expect(checkCreditRefund(split, 1)).toEqual({
      ok: false,
      field: 'amountMinor',
      kind: 'at_gateway',
      limitMinor: 0,
    });
  });

  it("refuses more than the event's credit, whatever the receipts still show", () => {
    const split = splitCredit(100_00, [
      { mode: 'upi', leftMinor: 100_00 },
      { mode: 'cash', leftMinor: 300_00 },
    ]);
    expect(split.byHandMinor).toBe(100_00);
    expect(checkCreditRefund(split, 250_00)).toMatchObject({ ok: false, kind: 'beyond_credit', limitMinor: 100_00 });
    expect(checkCreditRefund(split, 100_00)).toEqual({ ok: true });
  });

  it('credit below zero holds nothing to refund', () => {
    const split = splitCredit(-50_00, [{ mode: 'neft', leftMinor: 20_00 }]);
    expect(split).toEqual({ creditMinor: -50_00, byGatewayMinor: 0, byHandMinor: 0 });
    expect(checkCreditRefund(split, 1)).toMatchObject({ kind: 'beyond_credit', limitMinor: 0 });
  });

  it('never splits more than the credit, and a refund by hand never reaches the gateway part', () => {
    const source = fc.record({
      mode: fc.constantFrom(...PAYMENT_MODES),
      leftMinor: fc.integer({ min: -1_000_00, max: 1_000_00 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_00, max: 5_000_00 }),
        fc.array(source, { maxLength: 6 }),
        (credit, sources) => {
          const split = splitCredit(credit, sources);
          expect(split.byGatewayMinor).toBeGreaterThanOrEqual(0);
          expect(split.byHandMinor).toBeGreaterThanOrEqual(0);
          expect(split.byGatewayMinor + split.byHandMinor).toBeLessThanOrEqual(Math.max(0, credit));
          // Whatever is paid back by hand, the credit left still covers what the gateway may refund.
          if (checkCreditRefund(split, split.byHandMinor).ok)
            expect(Math.max(0, credit) - split.byHandMinor).toBeGreaterThanOrEqual(split.byGatewayMinor);
          expect(checkCreditRefund(split, split.byHandMinor + 1).ok).toBe(false);
        },
      ),
    );
  });
});
