import { describe, expect, it } from 'vitest';
import { daysOf } from './calendar.ts';
import { buildIcs, foldLine, icsText } from './ics.ts';

describe('ics', () => {
  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(icsText('Haldi; Mehendi, Sangeet\nday 2 \\ evening')).toBe(
      'Haldi\\; Mehendi\\, Sangeet\\nday 2 \\\\ evening',
    );
    const line = `SUMMARY:${'शादी '.repeat(30)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(unescape(encodeURIComponent(part)).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('writes all-day events with an exclusive end date and timed ones in UTC', () => {
    const ics = buildIcs({
      name: 'Test',
      events: [
        { uid: 'a', title: 'Wedding', allDay: true, start: '2031-03-10', end: '2031-03-12', stamp: new Date(0) },
        {
          uid: 'b',
          title: 'Meet',
          allDay: false,
          start: '2031-03-05T05:30:00.000Z',
          end: '2031-03-05T06:00:00.000Z',
          stamp: new Date(0),
        },
      ],
    });
    expect(ics).toContain('DTSTART;VALUE=DATE:20310310\r\nDTEND;VALUE=DATE:20310313');
    expect(ics).toContain('DTSTART:20310305T053000Z');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('puts a multi-day entry on each of its days, clipped to the range', () => {
    const e = { allDay: true, start: '2031-02-27', end: '2031-03-02' };
    expect(daysOf(e, '2031-03-01', '2031-03-31')).toEqual(['2031-03-01', '2031-03-02']);
    // A timed entry at 23:00 IST belongs to that Kolkata day, not the UTC one.
    expect(
      daysOf(
        { allDay: false, start: '2031-03-05T17:30:00.000Z', end: '2031-03-05T18:00:00.000Z' },
        '2031-03-01',
        '2031-03-31',
      ),
    ).toEqual(['2031-03-05']);
  });
});
