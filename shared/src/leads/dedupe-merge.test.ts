import { describe, expect, it } from 'vitest';
import { mergeRicher, namesAlike, telling } from './dedupe.ts';

describe('possible duplicates', () => {
  it.each([
    ['Priya Sharma', 'priya sharma', true],
    ['Mrs. Priya Sharma', 'Priya Sharma Kapoor', true],
    ['Priya Sharma', 'Priyaa Sharma', true],
    ['Priya Sharma', 'Rohan Sharma', false],
    ['Enquiry +919820012345', 'Enquiry +919820012345', false],
    ['अनीता देशमुख', 'अनीता  देशमुख', true],
  ])('%s ~ %s: %s', (a, b, alike) => expect(namesAlike(a, b)).toBe(alike));

  it('only an organisation or family domain tells anything', () => {
    expect(telling('a@gmail.com')).toBeNull();
    expect(telling('sandeep@guptaexports.com')).toBe('guptaexports.com');
  });
});

describe('a merge keeps the richer value of every field', () => {
  it('fills what is missing, keeps the longer name, joins the notes, never overwrites contact or dates', () => {
    const existing = {
      name: 'Priya Sharma',
      phone: '+919820012345',
      email: null,
      city: 'Mumbai',
      eventDateFrom: '2026-12-14',
      requirements: 'Floral mandap',
      guestCount: null,
    };
    const incoming = {
      name: 'Priya Sharma Kapoor',
      phone: '+919820099999',
      email: 'priya@x.in',
      city: 'Mumbai',
      eventDateFrom: '2026-12-15',
      requirements: 'Wants live band',
      guestCount: 350,
    };
    expect(mergeRicher(existing, incoming)).toEqual({
      name: 'Priya Sharma Kapoor',
      email: 'priya@x.in',
      guestCount: 350,
      requirements: 'Floral mandap\nWants live band',
    });
  });
});
