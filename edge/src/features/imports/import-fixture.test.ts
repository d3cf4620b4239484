import { readFileSync } from 'node:fs';
import { findRepeats, guessColumnMapping, readImportRow, readSheetFile } from '@mandap/shared/leads';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../shared/src/leads/fixtures/${name}`, import.meta.url)));

/** What the front desk's messy sheet must give with the guessed mapping, row by row (by Sr No). */
function readAll(fileName: string) {
  const sheet = readSheetFile(fileName, fixture(fileName));
  const mapping = guessColumnMapping(sheet.headers);
  const read = sheet.rows.map((r) => ({ line: r.line, sr: r.cells[0], result: readImportRow(r.cells, mapping) }));
  return { sheet, mapping, read };
}

describe.each(['messy-enquiries.csv', 'messy-enquiries.xlsx'])('the messy 20-row sheet (%s)', (fileName) => {
  const { sheet, mapping, read } = readAll(fileName);
  const lead = (sr: string) => {
    const r = read.find((x) => x.sr === sr)!.result;
    if (!r.ok) throw new Error(`row ${sr} refused: ${JSON.stringify(r.errors)}`);
    return r;
  };

  it('guesses a mapping that reads it (the enquiry date is not the event date)', () => {
    expect(mapping).toEqual({
      name: 2,
      phone: 3,
      email: 4,
      source: 5,
      eventType: 6,
      eventDate: 7,
      city: 8,
      venue: 9,
      guestCount: 10,
      budget: 11,
      stage: 12,
      requirements: 13,
    });
  });

  it('keeps 19 of 20 rows; only the row with no name, phone or email is refused', () => {
    expect(sheet.rows).toHaveLength(20);
    const refused = read.filter((r) => !r.result.ok);
    expect(refused.map((r) => r.sr)).toEqual(['19']);
    expect(refused[0]!.result).toMatchObject({
      errors: [{ field: 'row', message: expect.stringMatching(/no name, phone or email/) }],
    });
  });

  it('finds the one exact duplicate (the same phone written another way) among the kept rows', () => {
    const kept = read.filter((r) => r.result.ok).map((r) => (r.result.ok ? r.result.lead : null)!);
    const repeats = findRepeats(kept);
    const dupes = repeats.flatMap((earlier, i) => (earlier === null ? [] : [[kept[i]!.name, kept[earlier]!.name]]));
    expect(dupes).toEqual([['Priya Sharma', 'Priya Sharma']]);
  });

  it('gives exact line numbers: a quoted two-line cell and a blank line do not shift them', () => {
    const line = (sr: string) => read.find((r) => r.sr === sr)!.line;
    expect(line('1')).toBe(2);
    expect(line('2')).toBe(3);
    expect(line('3')).toBe(fileName.endsWith('.csv') ? 5 : 4);
    expect(line('20')).toBe(fileName.endsWith('.csv') ? 23 : 22);
    expect(sheet.blankLines).toBe(fileName.endsWith('.csv') ? 1 : 0);
  });

  it('reads unknown sources as Other with the text kept, Hot/Warm/Cold as temperature, Indian functions as event types', () => {
    expect(lead('2').lead).toMatchObject({
      source: 'other',
      sourceDetail: 'NRI Referral',
      stage: 'new',
      temperature: 'warm',
    });
    expect(lead('2').warnings.map((w) => w.field)).toContain('source');
    expect(lead('1').lead).toMatchObject({
      source: 'meta_ads',
      temperature: 'hot',
      stage: 'new',
      eventType: 'wedding',
    });
    expect(lead('3').lead).toMatchObject({ source: 'meta_ads', eventType: 'nikah', temperature: 'cold' });
    expect(lead('4').lead).toMatchObject({ name: 'अनीता देशमुख', source: 'walk_in', eventType: 'haldi' });
    expect(lead('8').lead).toMatchObject({ source: 'wedmegood', eventType: 'mehendi' });
    expect(lead('14').lead).toMatchObject({ source: 'shaadisaga', eventType: 'roka' });
    expect(lead('9').lead.eventType).toBe('nikah');
    expect(lead('9').lead.functions.map((f) => f.name)).toEqual(['Nikah', 'Walima']);
    expect(lead('17').lead).toMatchObject({ source: 'weddingwire_india', eventType: 'wedding' });
    expect(lead('7').lead).toMatchObject({
      source: 'other',
      sourceDetail: 'Corporate Referral',
      stage: 'contacted',
      eventType: 'corporate',
    });
  });

  it('reads Indian budgets into paise, ranges as minimum and maximum', () => {
    const budget = (sr: string) => [lead(sr).lead.budgetMinMinor, lead(sr).lead.budgetMaxMinor];
    const L = 1_00_000_00;
    expect(budget('1')).toEqual([10 * L, 12 * L]);
    expect(budget('2')).toEqual([75 * L, 100 * L]);
    expect(budget('3')).toEqual([null, 20 * L]);
    expect(budget('4')).toEqual([8.5 * L, 8.5 * L]);
    expect(budget('5')).toEqual([20 * L, null]);
    expect(budget('6')).toEqual([15 * L, 15 * L]);
    expect(budget('7')).toEqual([3 * L, 3 * L]);
    expect(budget('8')).toEqual([50_000_00, 50_000_00]);
    expect(budget('9')).toEqual([120 * L, 120 * L]);
    expect(budget('10')).toEqual([200 * L, 250 * L]);
    expect(budget('12')).toEqual([5 * L, 5 * L]);
    expect(budget('14')).toEqual([12 * L, 12 * L]);
    expect(budget('20')).toEqual([8 * L, 10 * L]);
  });

  it('refuses a negative budget with its own message but keeps the lead and the text', () => {
    const r = lead('15');
    expect(r.lead.budgetMinMinor).toBeNull();
    expect(r.warnings).toContainEqual({ field: 'budget', message: expect.stringMatching(/negative amount/) });
    expect(r.lead.requirements).toMatch(/Budget \(amount or range\): -50000/);
  });

  it('reads every date form; a month-only date stays the whole month; an unreadable one is kept as text', () => {
    expect(lead('1').lead.eventDateFrom).toBe('2026-12-14');
    expect(lead('2').lead.eventDateFrom).toBe('2026-12-15');
    expect(lead('3').lead.eventDateFrom).toBe('2026-11-20');
    expect(lead('6').lead.eventDateFrom).toBe('2027-02-05');
    expect(lead('11').lead.eventDateFrom).toBe('2027-02-14');
    expect([lead('5').lead.eventDateFrom, lead('5').lead.eventDateTo]).toEqual(['2026-12-01', '2026-12-31']);
    expect(lead('5').warnings).toContainEqual({ field: 'eventDate', message: expect.stringMatching(/month only/) });
    expect(lead('12').lead.eventDateFrom).toBeNull();
    expect(lead('12').lead.requirements).toMatch(/Event date: TBD/);
  });

  it('reads phones in every form, keeps a second number, and names a lead with no name after its phone', () => {
    expect(lead('2').lead.phone).toBe('+919833054321');
    expect(lead('3').lead.phone).toBe('+919987654321');
    expect(lead('5').lead).toMatchObject({ phone: '+14155550132', email: 'arjun.mehta@outlook.com' });
    expect(lead('9').lead.phone).toBe('+971501234567');
    expect(lead('6').lead.phone).toBe('+919845011223');
    expect(lead('6').lead.requirements).toMatch(/98450 11224/);
    expect(lead('16').lead.name).toBe('Enquiry +919090909090');
    expect(lead('18').lead).toMatchObject({ name: 'Pooja Patil', phone: null, email: null });
    expect(lead('18').warnings).toContainEqual({ field: 'phone', message: expect.stringMatching(/no phone or email/) });
  });

  it('keeps the quoted multi-line remark whole', () => {
    expect(lead('2').lead.requirements).toBe("Groom's family lives in London.\nCall after 8 pm IST, not before");
  });
});

describe('the XLSX twin', () => {
  it('lists its sheets and reads the named one', () => {
    const bytes = fixture('messy-enquiries.xlsx');
    expect(readSheetFile('x.xlsx', bytes)).toMatchObject({
      sheets: ['Enquiries 2026', 'Notes'],
      sheet: 'Enquiries 2026',
    });
    expect(readSheetFile('x.xlsx', bytes, 'Notes')).toMatchObject({
      sheet: 'Notes',
      headers: ['Sheet kept by the front desk'],
    });
    expect(() => readSheetFile('x.xlsx', bytes, 'Leads')).toThrow(/no sheet "Leads".*Enquiries 2026, Notes/);
  });
});
