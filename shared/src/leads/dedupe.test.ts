import { describe, expect, it } from 'vitest';
import { dedupeKeys, findRepeats } from './dedupe.ts';

describe('de-duplication', () => {
  it('keys by phone and lower-cased email', () => {
    expect(dedupeKeys({ phone: '+919820012345', email: 'Asha@Example.com ' })).toEqual([
      'phone:+919820012345',
      'email:asha@example.com',
    ]);
    expect(dedupeKeys({ phone: null, email: undefined })).toEqual([]);
  });

  it('finds rows repeating an earlier row by phone or by email', () => {
    const rows = [
      { phone: '+919820012345', email: null },
      { phone: '+919820099999', email: 'a@b.in' },
      { phone: '+919820012345', email: 'x@y.in' },
      { phone: null, email: 'A@B.in' },
      { phone: null, email: null },
    ];
    expect(findRepeats(rows)).toEqual([null, null, 0, 1, null]);
  });
});
