import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSheetDate } from './dates.ts';
import { parseBudget, parseRupees } from './money-text.ts';

const indian = (n: number) => n.toLocaleString('en-IN', { maximumFractionDigits: 0 });
const western = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const rupees = fc.integer({ min: 0, max: 10_000_000_000 });
const prefix = fc.constantFrom('', '₹', '₹ ', 'Rs.', 'Rs ', 'INR ', 'rs.');
const suffix = fc.constantFrom('', '/-', ' /-', ' only');
const lakhUnit = fc.constantFrom('L', 'l', ' lakh', ' Lakh', ' lakhs', ' lac', ' Lacs', ' LAKH');
const croreUnit = fc.constantFrom('Cr', ' cr', ' crore', ' Crores', 'CR');
/** An amount with at most two decimals, as text ("12", "12.5", "12.25"), and its hundredths. */
const decimal = fc
  .integer({ min: 0, max: 99_999 })
  .map((h) => ({ h, text: h % 100 === 0 ? String(h / 100) : (h / 100).toFixed(2).replace(/0$/, '') }));

describe('parseRupees (property)', () => {
  it('reads any whole rupee amount however it is grouped and decorated', () => {
    fc.assert(
      fc.property(rupees, prefix, suffix, fc.constantFrom(indian, western, String), (n, p, s, fmt) => {
        expect(parseRupees(`${p}${fmt(n)}${s}`)).toBe(n * 100);
      }),
    );
  });

  it('reads lakh and crore with up to two decimals exactly, in paise', () => {
    fc.assert(
      fc.property(decimal, lakhUnit, croreUnit, (d, l, c) => {
        expect(parseRupees(`${d.text}${l}`)).toBe(d.h * 1_000_00);
        expect(parseRupees(`${d.text}${c}`)).toBe(d.h * 1_00_000_00);
        expect(parseRupees(`${d.text}K`)).toBe(d.h * 10_00);
      }),
    );
  });

  it('never throws, and anything it reads is a whole non-negative number of paise', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseRupees(s);
        expect(v === null || (Number.isSafeInteger(v) && v >= 0)).toBe(true);
      }),
    );
  });
});

describe('parseBudget (property)', () => {
  it('reads a range with the unit on the second amount only as minimum and maximum', () => {
    fc.assert(
      fc.property(decimal, decimal, lakhUnit, fc.constantFrom('-', ' - ', ' to ', '–'), (a, b, unit, sep) => {
        const [lo, hi] = a.h <= b.h ? [a, b] : [b, a];
        expect(parseBudget(`${lo.text}${sep}${hi.text}${unit}`)).toEqual({
          ok: true,
          minMinor: lo.h * 1_000_00,
          maxMinor: hi.h * 1_000_00,
        });
      }),
    );
  });

  it('reads ranges across units ("75 lakh - 1 cr") and bounds ("under 20L", "20L+")', () => {
    fc.assert(
      fc.property(decimal, lakhUnit, fc.integer({ min: 1, max: 50 }), croreUnit, (l, lu, cr, cu) => {
        fc.pre(l.h * 1_000_00 <= cr * 1_00_00_000_00);
        expect(parseBudget(`${l.text}${lu} - ${cr}${cu}`)).toEqual({
          ok: true,
          minMinor: l.h * 1_000_00,
          maxMinor: cr * 1_00_00_000_00,
        });
        expect(parseBudget(`under ${l.text}${lu}`)).toEqual({ ok: true, minMinor: null, maxMinor: l.h * 1_000_00 });
        expect(parseBudget(`upto ₹${l.text}${lu}`)).toEqual({ ok: true, minMinor: null, maxMinor: l.h * 1_000_00 });
        expect(parseBudget(`${l.text}${lu}+`)).toEqual({ ok: true, minMinor: l.h * 1_000_00, maxMinor: null });
        expect(parseBudget(`above ${l.text}${lu}`)).toEqual({ ok: true, minMinor: l.h * 1_000_00, maxMinor: null });
      }),
    );
  });

  it('refuses every negative amount with a message that says so', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), prefix, fc.constantFrom(indian, String), (n, p, fmt) => {
        for (const text of [`${p}-${fmt(n)}`, `-${p}${fmt(n)}`, `(${fmt(n)})`, `−${fmt(n)} lakh`]) {
          const r = parseBudget(text);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message).toMatch(/negative amount/);
        }
      }),
    );
  });

  it('never throws; whatever it reads is non-negative with the minimum at most the maximum', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[₹Rs. 0-9,.\-+LlakhcrK to]{0,20}$/)), (s) => {
        const r = parseBudget(s);
        if (!r.ok) return;
        for (const v of [r.minMinor, r.maxMinor]) expect(v === null || (Number.isSafeInteger(v) && v >= 0)).toBe(true);
        if (r.minMinor !== null && r.maxMinor !== null) expect(r.minMinor).toBeLessThanOrEqual(r.maxMinor);
        expect(r.minMinor !== null || r.maxMinor !== null).toBe(true);
      }),
    );
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');
const day = fc.date({
  min: new Date('1950-01-01T00:00:00Z'),
  max: new Date('2150-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('parseSheetDate (property)', () => {
  it('reads any real day in every Indian form as that day', () => {
    fc.assert(
      fc.property(day, (dt) => {
        const [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
        const iso = `${y}-${pad(m)}-${pad(d)}`;
        for (const text of [
          `${pad(d)}/${pad(m)}/${y}`,
          `${d}-${m}-${y}`,
          `${pad(d)}.${pad(m)}.${y}`,
          iso,
          `${d} ${MONTHS[m - 1]} ${y}`,
          `${d}-${MONTHS[m - 1]}-${y}`,
          `${LONG[m - 1]} ${d}, ${y}`,
        ])
          expect(parseSheetDate(text)).toEqual({ kind: 'day', iso });
      }),
    );
  });

  it('keeps a month-only date as the whole month, never as its 1st', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const want = {
          kind: 'month',
          month: `${y}-${pad(m)}`,
          from: `${y}-${pad(m)}-01`,
          to: `${y}-${pad(m)}-${pad(last)}`,
        };
        for (const text of [
          `${MONTHS[m - 1]} ${y}`,
          `${LONG[m - 1]} ${y}`,
          `${MONTHS[m - 1]}-${y}`,
          `${pad(m)}/${y}`,
          `${y}-${pad(m)}`,
        ])
          expect(parseSheetDate(text)).toEqual(want);
      }),
    );
  });

  it('refuses days that do not exist (no rolling over into the next month)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2150 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (y, m, extra) => {
          const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
          expect(parseSheetDate(`${last + extra}/${pad(m)}/${y}`)).toBeNull();
        },
      ),
    );
  });

  it('never throws; any day it returns is a real calendar date', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9/.\- a-zA-Z,]{0,16}$/)), (s) => {
        const r = parseSheetDate(s);
        if (r?.kind === 'day') expect(new Date(`${r.iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.iso);
      }),
    );
  });
});
