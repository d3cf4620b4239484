import { describe, expect, it } from 'vitest';
import { parseIndianDate } from './dates.ts';
import { guessColumnMapping, readImportRow } from './import-mapping.ts';
import { parseListingPlatforms } from './listing-platforms.ts';
import { parseRupees } from './money-text.ts';

describe('dates as written in India', () => {
  it.each([
    ['14/12/2026', '2026-12-14'],
    ['1-2-2027', '2027-02-01'],
    ['29/02/2028', '2028-02-29'],
    ['2026-12-14', '2026-12-14'],
  ])('reads %s', (raw, iso) => expect(parseIndianDate(raw)).toBe(iso));

  it.each(['31/02/2026', '29/02/2027', '12/13/2026', '00/01/2026', 'next Sunday', '14/12/26'])('refuses %s', (raw) =>
    expect(parseIndianDate(raw)).toBeNull(),
  );
});

describe('rupee amounts as written in sheets', () => {
  it.each([
    ['5,00,000', 5_00_000_00],
    ['₹ 5 lakh', 5_00_000_00],
    ['12L', 12_00_000_00],
    ['1.5 cr', 1_50_00_000_00],
    ['Rs. 75000', 75_000_00],
    ['75000.50', 75_000_50],
  ])('reads %s', (raw, minor) => expect(parseRupees(raw)).toBe(minor));
  it.each(['five lakh', '5 bags', '1.234', ''])('refuses %j', (raw) => expect(parseRupees(raw)).toBeNull());
});

describe('column mapping and row validation', () => {
  const headers = ['Full Name', 'Mobile', 'Email ID', 'Wedding Date', 'City', 'Budget', 'Status', 'Pax', 'Remarks'];
  const mapping = guessColumnMapping(headers);

  it('guesses the mapping from common header names', () => {
    expect(mapping).toEqual({
      name: 0,
      phone: 1,
      email: 2,
      eventDate: 3,
      city: 4,
      budget: 5,
      stage: 6,
      guestCount: 7,
      requirements: 8,
    });
  });

  it('reads a good row into a lead', () => {
    const r = readImportRow(
      [
        'Asha Mehta',
        '098200 12345',
        'Asha@X.in',
        '14/12/2026',
        'Udaipur',
        '25 lakh',
        'Meeting scheduled',
        '300',
        'Needs mehendi',
      ],
      mapping,
    );
    expect(r).toEqual({
      ok: true,
      warnings: [],
      lead: expect.objectContaining({
        name: 'Asha Mehta',
        phone: '+919820012345',
        email: 'asha@x.in',
        eventDateFrom: '2026-12-14',
        city: 'Udaipur',
        budgetMinMinor: 25_00_000_00,
        budgetMaxMinor: 25_00_000_00,
        stage: 'meeting_scheduled',
        guestCount: 300,
        source: 'manual',
        temperature: 'warm',
      }),
    });
  });

  it('keeps a row whose optional fields cannot be read: one warning each, the text kept in the notes', () => {
    const r = readImportRow(['A', '12345', 'not-an-email', '31/02/2026', '', 'lots', 'Booked', 'many', ''], mapping);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((e) => e.field)).toEqual([
      'phone',
      'email',
      'phone',
      'stage',
      'eventDate',
      'guestCount',
      'budget',
    ]);
    expect(r.warnings.find((e) => e.field === 'eventDate')?.message).toMatch(/31\/02\/2026.*dd\/mm\/yyyy/);
    expect(r.warnings.find((e) => e.field === 'stage')?.message).toMatch(/won leads come from confirmed bookings/);
    expect(r.lead).toMatchObject({ name: 'A', phone: null, email: null, stage: 'negotiation' });
    expect(r.lead.requirements).toMatch(
      /^Imported as written: Phone: 12345; Email: not-an-email; .*Event date: 31\/02\/2026/,
    );
  });

  it('reads Hot, Warm and Cold in a status column as the temperature, not the stage', () => {
    const r = readImportRow(['Asha Mehta', '9820012345', '', '', '', '', 'HOT', '', ''], mapping);
    expect(r).toMatchObject({ ok: true, warnings: [], lead: { temperature: 'hot', stage: 'new' } });
  });

  it('refuses only a row with no name, no phone and no email', () => {
    expect(readImportRow(['', '', '', '14/12/2026', 'Pune', '', '', '', ''], mapping)).toMatchObject({
      ok: false,
      errors: [{ field: 'row', message: expect.stringMatching(/no name, phone or email/) }],
    });
    expect(readImportRow(['Asha Mehta', '', '', '', '', '', '', '', ''], mapping)).toMatchObject({
      ok: true,
      warnings: [{ field: 'phone', message: expect.stringMatching(/no phone or email/) }],
    });
  });
});

describe("sources from the house's listing platforms", () => {
  const mapping = { name: 0, phone: 1, source: 2 };
  const platforms = parseListingPlatforms('wedmegood,justdial,weddingbazaar:WeddingBazaar');
  const read = (source: string) => readImportRow(['Asha Mehta', '9820012345', source], mapping, platforms);

  it('imports a configured extra platform as listing with its name as detail', () => {
    expect(read('Wedding Bazaar')).toMatchObject({
      ok: true,
      lead: { source: 'listing', sourceDetail: 'WeddingBazaar' },
    });
  });

  it('keeps built-in platforms and channels as their own sources', () => {
    expect(read('WedMeGood')).toMatchObject({ ok: true, lead: { source: 'wedmegood', sourceDetail: null } });
    expect(read('Facebook')).toMatchObject({ ok: true, lead: { source: 'meta_ads', sourceDetail: null } });
  });

  it('keeps "listing" without the platform and an unconfigured platform as Other, with the text, and a warning', () => {
    for (const cell of ['listing', 'ShaadiBaraati']) {
      const r = read(cell);
      expect(r).toMatchObject({ ok: true, lead: { source: 'other', sourceDetail: cell } });
      if (r.ok) expect(r.warnings).toEqual([{ field: 'source', message: expect.stringMatching(/kept as Other/) }]);
    }
  });
});
