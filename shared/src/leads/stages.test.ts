import { describe, expect, it } from 'vitest';
import { LEAD_STAGES } from './lifecycle.ts';
import { decideBookingConfirmed, decideLeadMove, manualTargets } from './stages.ts';

const lead = (stage: (typeof LEAD_STAGES)[number], eventType: string | null = 'wedding') => ({ stage, eventType });

describe('lead stage rules', () => {
  it('moves a new lead to contacted', () => {
    expect(decideLeadMove(lead('new', null), 'contacted')).toEqual({
      ok: true,
      from: 'new',
      to: 'contacted',
      lostReason: null,
    });
  });

  it('refuses Brief captured until the event type is set', () => {
    const r = decideLeadMove(lead('contacted', null), 'brief_captured');
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/event type/) });
    expect(decideLeadMove(lead('contacted'), 'brief_captured').ok).toBe(true);
  });

  it('Lost needs a reason, and keeps it trimmed', () => {
    expect(decideLeadMove(lead('negotiation'), 'lost')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/why/),
    });
    expect(decideLeadMove(lead('negotiation'), 'lost', { lostReason: '  ' }).ok).toBe(false);
    expect(decideLeadMove(lead('negotiation'), 'lost', { lostReason: ' Went with a cheaper planner ' })).toMatchObject({
      ok: true,
      lostReason: 'Went with a cheaper planner',
    });
  });

  it('never makes a lead Won by hand; only a confirmed booking does', () => {
    for (const s of LEAD_STAGES) {
      const r = decideLeadMove(lead(s), 'won');
      expect(r.ok, s).toBe(false);
    }
    expect(decideLeadMove(lead('quote_sent'), 'won')).toMatchObject({
      reason: expect.stringMatching(/booking is confirmed/),
    });
    expect(decideBookingConfirmed(lead('negotiation'))).toMatchObject({ ok: true, to: 'won' });
    expect(decideBookingConfirmed(lead('new')).ok).toBe(false);
    expect(decideBookingConfirmed(lead('lost')).ok).toBe(false);
  });

  it('refuses skipping straight from New to Negotiation, naming both stages', () => {
    expect(decideLeadMove(lead('new'), 'negotiation')).toEqual({
      ok: false,
      reason: 'A lead cannot move from New straight to Negotiation.',
    });
  });

  it('refuses going back to New and moving a Won lead', () => {
    expect(decideLeadMove(lead('contacted'), 'new')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/back to New/),
    });
    expect(decideLeadMove(lead('won'), 'negotiation')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Won/),
    });
  });

  it('reopens a lost lead only to Contacted', () => {
    expect(decideLeadMove(lead('lost'), 'contacted').ok).toBe(true);
    expect(decideLeadMove(lead('lost'), 'negotiation')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/reopened/),
    });
  });

  it('lists the stages a card may be dragged to', () => {
    expect(manualTargets('new')).toEqual(['contacted', 'brief_captured', 'meeting_scheduled', 'lost']);
    expect(manualTargets('won')).toEqual([]);
  });
});
