import { describe, expect, it } from 'vitest';
import { chooseOwner } from './assignment.ts';
import { followUpBucket } from './follow-ups.ts';

const lead = { source: 'wedmegood' as const, city: 'Udaipur', eventType: 'wedding' as const };

describe('owner assignment', () => {
  it('round-robins among active sales users after the last one assigned', () => {
    const ids = ['a', 'b', 'c'];
    expect(chooseOwner({ lead, rules: [], activeSalesIds: ids, lastAssignedId: null })).toEqual({
      ownerId: 'a',
      why: 'round_robin',
    });
    expect(chooseOwner({ lead, rules: [], activeSalesIds: ids, lastAssignedId: 'a' })?.ownerId).toBe('b');
    expect(chooseOwner({ lead, rules: [], activeSalesIds: ids, lastAssignedId: 'c' })?.ownerId).toBe('a');
    expect(chooseOwner({ lead, rules: [], activeSalesIds: ids, lastAssignedId: 'gone' })?.ownerId).toBe('a');
    expect(chooseOwner({ lead, rules: [], activeSalesIds: [], lastAssignedId: null })).toBeNull();
  });

  it('the first matching rule wins; city matches ignoring case; rules for inactive owners are skipped', () => {
    const rules = [
      { ownerId: 'gone', city: 'udaipur' },
      { ownerId: 'b', source: 'justdial' as const },
      { ownerId: 'c', city: 'UDAIPUR', eventType: 'wedding' as const },
    ];
    expect(chooseOwner({ lead, rules, activeSalesIds: ['a', 'b', 'c'], lastAssignedId: null })).toEqual({
      ownerId: 'c',
      why: 'rule',
    });
  });
});

describe('follow-up buckets (Asia/Kolkata days)', () => {
  const now = new Date('2026-06-10T12:00:00+05:30');
  it('sorts by the Indian calendar', () => {
    expect(followUpBucket(new Date('2026-06-10T11:00:00+05:30'), now)).toBe('overdue');
    expect(followUpBucket(new Date('2026-06-10T23:30:00+05:30'), now)).toBe('today');
    // 00:30 IST on the 11th is still the 10th in UTC, yet it is tomorrow in Mumbai.
    expect(followUpBucket(new Date('2026-06-11T00:30:00+05:30'), now)).toBe('upcoming');
  });
});
