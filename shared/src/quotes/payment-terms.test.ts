import { describe, expect, it } from 'vitest';
import { pipelineTargets } from '../leads/lifecycle.ts';
import { decideQuoteMove } from './lifecycle.ts';
import { adjustForChangeOrder, DEFAULT_PAYMENT_TERMS, describePaymentTerm, planFromTerms } from './payment-terms.ts';

describe('payment terms → milestone plan', () => {
  it('splits exactly the signed percents, due dates against acceptance and the event', () => {
    const plan = planFromTerms(DEFAULT_PAYMENT_TERMS, 1_00_001, {
      acceptedOn: '2026-01-10',
      eventStart: '2026-03-20',
      eventEnd: '2026-03-22',
    });
    expect(plan.map((p) => p.amountMinor)).toEqual([50_001, 40_000, 10_000]);
    expect(plan.map((p) => p.dueDate)).toEqual(['2026-01-10', '2026-03-13', '2026-03-22']);
    expect(DEFAULT_PAYMENT_TERMS.map(describePaymentTerm)).toEqual([
      '50% on acceptance',
      '40% 7 days before the event',
      '10% on completion',
    ]);
  });

  it('moves a due date that falls before acceptance to acceptance, and refuses terms not adding to 100%', () => {
    const plan = planFromTerms(DEFAULT_PAYMENT_TERMS, 100, {
      acceptedOn: '2026-03-18',
      eventStart: '2026-03-20',
      eventEnd: '2026-03-20',
    });
    expect(plan[1]!.dueDate).toBe('2026-03-18');
    expect(() =>
      planFromTerms([{ label: 'x', percent: 90, anchor: 'acceptance', days: 0 }], 100, {
        acceptedOn: '2026-01-01',
        eventStart: '2026-01-02',
        eventEnd: '2026-01-02',
      }),
    ).toThrow(/90%/);
  });

  it('a change order keeps paid milestones and re-sizes open ones, never below what is paid', () => {
    const plan = [
      { id: 'a', amountMinor: 500, paidMinor: 500, status: 'paid' as const },
      { id: 'b', amountMinor: 400, paidMinor: 100, status: 'partially_paid' as const },
      { id: 'c', amountMinor: 100, paidMinor: 0, status: 'pending' as const },
    ];
    const up = adjustForChangeOrder(plan, 1_300);
    expect(up.amounts.get('a')).toBeUndefined();
    expect((up.amounts.get('b') ?? 0) + (up.amounts.get('c') ?? 0)).toBe(800);
    expect(up.extraMinor).toBe(0);
    const down = adjustForChangeOrder(plan, 550);
    expect(down.amounts.get('b')).toBe(100);
    expect(down.amounts.get('c')).toBe(0);
    expect(down.extraMinor).toBe(-50);
    const allPaid = adjustForChangeOrder([{ id: 'a', amountMinor: 500, paidMinor: 500, status: 'paid' }], 700);
    expect(allPaid.extraMinor).toBe(200);
  });
});

describe('lifecycle tables', () => {
  it('a quote version moves only along the table', () => {
    expect(decideQuoteMove('draft', 'sent').ok).toBe(true);
    expect(decideQuoteMove('accepted', 'sent')).toMatchObject({ ok: false, reason: /Accepted to Sent/ });
    expect(decideQuoteMove('viewed', 'accepted').ok).toBe(true);
  });

  it('the pipeline only moves forward, and an advance wins even a New or Lost lead', () => {
    expect(pipelineTargets('advance_received', { leadStage: 'new', bookingState: 'enquiry' })).toEqual({
      lead: 'won',
      booking: 'deposit_paid',
    });
    expect(pipelineTargets('advance_received', { leadStage: 'lost' }).lead).toBe('won');
    expect(pipelineTargets('quote_sent', { leadStage: 'won', bookingState: 'deposit_paid' })).toEqual({
      lead: null,
      booking: null,
    });
    expect(pipelineTargets('changes_requested', { leadStage: 'quote_sent', bookingState: 'proposal_sent' })).toEqual({
      lead: 'negotiation',
      booking: 'discussion',
    });
  });
});
