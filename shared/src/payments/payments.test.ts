import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideBookingMove } from '../events/booking-lifecycle.ts';
import { ageingBucket, ageingTotals } from './ageing.ts';
import { allocatePayment, allocateRefund } from './allocation.ts';
import { invoiceLines, paymentReceivedLines, refundPaidLines } from './entries.ts';
import { entryImbalance, reversalOf } from './ledger.ts';
import { milestoneStatus, planMilestones } from './milestones.ts';
import { DOCUMENT_FORMATS, isGstDocumentNumber } from './numbering.ts';

const amount = fc.integer({ min: 1, max: 1_000_000_000_000 });

describe('milestone plans', () => {
  it('splits any total exactly, to the paisa', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('standard', 'half_half', 'full_advance' as const), (total, t) => {
        const plan = planMilestones(t, total, { acceptedOn: '2026-05-01', eventStart: '2026-12-14' });
        expect(plan.reduce((s, m) => s + m.amountMinor, 0)).toBe(total);
      }),
    );
  });
  it('dates the 30/50/20 plan from acceptance and the event day', () => {
    const plan = planMilestones('standard', 10_000_01, { acceptedOn: '2026-05-01', eventStart: '2026-12-14' });
    expect(plan.map((m) => [m.dueDate, m.amountMinor])).toEqual([
      ['2026-05-01', 3_000_00],
      ['2026-11-14', 5_000_01],
      ['2026-12-14', 2_000_00],
    ]);
  });
  it('never dates a milestone before acceptance', () => {
    const plan = planMilestones('standard', 100, { acceptedOn: '2026-12-01', eventStart: '2026-12-10' });
    expect(plan[1]!.dueDate).toBe('2026-12-01');
  });
  it('derives status: waived, paid, overdue, partial, pending', () => {
    const m = { amountMinor: 100, paidMinor: 0, dueDate: '2026-06-10', isWaived: false };
    expect(milestoneStatus(m, '2026-06-01')).toBe('pending');
    expect(milestoneStatus({ ...m, paidMinor: 40 }, '2026-06-01')).toBe('partially_paid');
    expect(milestoneStatus({ ...m, paidMinor: 40 }, '2026-06-11')).toBe('overdue');
    expect(milestoneStatus({ ...m, paidMinor: 100 }, '2026-06-11')).toBe('paid');
    expect(milestoneStatus({ ...m, isWaived: true }, '2026-06-11')).toBe('waived');
  });
});

describe('allocation', () => {
  const ms = [
    { id: 'a', seq: 1, label: 'Advance', amountMinor: 300, paidMinor: 100, isWaived: false },
    { id: 'b', seq: 2, label: 'Second', amountMinor: 500, paidMinor: 0, isWaived: false },
    { id: 'c', seq: 3, label: 'Waived', amountMinor: 200, paidMinor: 0, isWaived: true },
  ];
  it('pays the oldest milestone first', () => {
    expect(allocatePayment(ms, 250)).toEqual({
      ok: true,
      allocations: [
        { milestoneId: 'a', amountMinor: 200 },
        { milestoneId: 'b', amountMinor: 50 },
      ],
      surplusMinor: 0,
    });
  });
  it('pays the named milestone first, then the oldest, and holds the rest as credit', () => {
    expect(allocatePayment(ms, 800, undefined, 'b')).toEqual({
      ok: true,
      allocations: [
        { milestoneId: 'b', amountMinor: 500 },
        { milestoneId: 'a', amountMinor: 200 },
      ],
      surplusMinor: 100,
    });
  });
  it('never refuses an over-payment: the excess is surplus', () => {
    expect(allocatePayment(ms, 701)).toMatchObject({ ok: true, surplusMinor: 1 });
    expect(allocatePayment(ms, 100, [{ milestoneId: 'b', amountMinor: 90 }])).toMatchObject({
      ok: true,
      surplusMinor: 10,
    });
  });
  it('refuses hand allocations beyond a milestone or beyond the payment', () => {
    expect(allocatePayment(ms, 300, [{ milestoneId: 'a', amountMinor: 300 }]).ok).toBe(false);
    expect(allocatePayment(ms, 100, [{ milestoneId: 'c', amountMinor: 100 }]).ok).toBe(false);
    expect(allocatePayment(ms, 100, [{ milestoneId: 'b', amountMinor: 110 }]).ok).toBe(false);
  });
  it('takes refunds from the latest milestone first', () => {
    expect(
      allocateRefund(
        [
          { milestoneId: 'a', amountMinor: 200, seq: 1 },
          { milestoneId: 'b', amountMinor: 50, seq: 2 },
        ],
        120,
      ),
    ).toEqual([
      { milestoneId: 'b', amountMinor: 50 },
      { milestoneId: 'a', amountMinor: 70 },
    ]);
    expect(allocateRefund([{ milestoneId: 'a', amountMinor: 20, seq: 1 }], 21)).toBeNull();
  });
});

describe('journal entries', () => {
  it('every builder balances per currency and in INR, and so does its reversal', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 1_000_000 }), (a, inr, diff) => {
        const pay = paymentReceivedLines({
          clientId: 'c1',
          mode: 'upi',
          currency: 'USD',
          amountMinor: a,
          amountInrMinor: inr,
          carriedInrMinor: inr + diff,
        });
        const refund = refundPaidLines({
          clientId: 'c1',
          mode: 'cash',
          currency: 'INR',
          amountMinor: a,
          amountInrMinor: a,
        });
        for (const lines of [pay, refund, reversalOf(pay)]) expect(entryImbalance(lines)).toBeNull();
      }),
    );
  });
  it('an invoice credits revenue and GST and balances in INR after conversion', () => {
    const lines = invoiceLines({
      clientId: 'c1',
      eventType: 'wedding',
      currency: 'USD',
      taxableMinor: 1000_01,
      cgstMinor: 0,
      sgstMinor: 0,
      igstMinor: 180_00,
      totalInrMinor: 98_333_33,
    });
    expect(entryImbalance(lines)).toBeNull();
    expect(lines.map((l) => l.account)).toEqual(['client:c1:receivable', 'revenue:wedding', 'gst:output:igst']);
  });
  it('reports an unbalanced entry', () => {
    expect(
      entryImbalance([
        { account: 'cash', currency: 'INR', amountMinor: 100, amountInrMinor: 100 },
        { account: 'client:x:receivable', currency: 'INR', amountMinor: -99, amountInrMinor: -99 },
      ]),
    ).toMatch(/INR postings sum to 1/);
  });
});

describe('booking lifecycle', () => {
  const facts = { receivedMinor: 0, milestoneCount: 3, unsettledMilestones: 3 };
  it('needs an advance for Deposit paid, and then confirms the booking', () => {
    expect(decideBookingMove('proposal_sent', 'deposit_paid', facts)).toMatchObject({ ok: false });
    expect(decideBookingMove('proposal_sent', 'deposit_paid', { ...facts, receivedMinor: 1 })).toMatchObject({
      ok: true,
      effects: ['booking.confirmed', 'lead.won', 'event.confirmed'],
    });
  });
  it('needs every milestone settled for Completed', () => {
    expect(decideBookingMove('event_day', 'completed', facts)).toMatchObject({ ok: false });
    expect(decideBookingMove('event_day', 'completed', { ...facts, unsettledMilestones: 0 })).toMatchObject({
      ok: true,
    });
  });
  it('refuses moves not in the table', () => {
    expect(decideBookingMove('completed', 'cancelled', facts)).toMatchObject({ ok: false });
    expect(decideBookingMove('enquiry', 'completed', facts)).toMatchObject({ ok: false });
  });
});

describe('ageing and numbering', () => {
  it('buckets by days past due', () => {
    expect(ageingBucket('2026-06-10', '2026-06-10')).toBe('current');
    expect(ageingBucket('2026-06-10', '2026-06-11')).toBe('d1_30');
    expect(ageingBucket('2026-06-10', '2026-08-09')).toBe('d31_60');
    expect(ageingBucket('2026-01-10', '2026-06-10')).toBe('d90_plus');
    expect(ageingTotals([{ dueDate: '2026-06-01', outstandingMinor: 5 }], '2026-06-02').d1_30).toBe(5);
  });
  it('keeps invoice numbers within 16 characters for a million invoices', () => {
    const at = new Date('2026-05-01T00:00:00+05:30');
    expect(DOCUMENT_FORMATS.invoice(at, 123)).toBe('INV/2627/000123');
    expect(isGstDocumentNumber(DOCUMENT_FORMATS.invoice(at, 999_999))).toBe(true);
    expect(DOCUMENT_FORMATS.credit_note(new Date('2027-03-31T12:00:00+05:30'), 1)).toBe('CN/2627/000001');
    expect(DOCUMENT_FORMATS.invoice(new Date('2027-04-01T00:00:00+05:30'), 1)).toBe('INV/2728/000001');
  });
});
