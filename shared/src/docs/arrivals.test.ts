import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type AssignedVendor, arrivalForAssignment, minutesInKolkata, vendorsNotOnLog } from './arrivals.ts';
import { dayofDoc } from './dayof.ts';

const vendor = (over: Partial<AssignedVendor>): AssignedVendor => ({
  assignmentId: 'a1',
  vendorName: 'Shree Decorators',
  scope: 'Mandap and florals',
  status: 'confirmed',
  arrivalExpectedAt: null,
  ...over,
});

describe('vendor arrivals from assignments', () => {
  it('reads expected times in IST, wrapping past midnight', () => {
    expect(minutesInKolkata('2026-11-12T09:30:00Z')).toBe(15 * 60);
    expect(minutesInKolkata('2026-11-12T20:00:00Z')).toBe(90);
    expect(minutesInKolkata('not a date')).toBeNull();
  });

  it('lists assigned vendors not yet on the log, leaving out cancelled ones', () => {
    const assigned = [
      vendor({ assignmentId: 'a1', vendorName: 'Zoya Lights' }),
      vendor({ assignmentId: 'a2', vendorName: 'Annapurna Caterers' }),
      vendor({ assignmentId: 'a3', vendorName: 'Gone Band', status: 'cancelled' }),
    ];
    const log = [arrivalForAssignment(assigned[0]!, 600)];
    expect(vendorsNotOnLog(assigned, log).map((v) => v.assignmentId)).toEqual(['a2']);
  });

  it('merges two phones adding the same assigned vendor offline into one entry', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    dayofDoc(a).arrivals.put(arrivalForAssignment(vendor({}), 600));
    dayofDoc(b).arrivals.put(arrivalForAssignment(vendor({}), 630));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(dayofDoc(a).arrivals.list()).toHaveLength(1);
    expect(dayofDoc(a).arrivals.list()).toEqual(dayofDoc(b).arrivals.list());
  });
});
