import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  financialYear,
  financialYearOfDate,
  financialYearRange,
  formatIndianDate,
  formatIndianDateTime,
  formatIndianTime,
  indiaDate,
  indiaDayRange,
  indiaHour,
  indiaInstant,
  indiaInstantIso,
  indiaMinuteOfDay,
  indiaTimeOfDay,
  indiaToday,
  indiaYear,
} from './india.ts';

describe('India calendar day', () => {
  it('turns over at India midnight, 18:30 UTC', () => {
    expect(indiaDate(new Date('2026-11-30T18:29:59Z'))).toBe('2026-11-30');
    expect(indiaDate(new Date('2026-11-30T18:30:00Z'))).toBe('2026-12-01');
    expect(indiaToday(new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
    expect(indiaYear(new Date('2026-12-31T18:30:00Z'))).toBe(2027);
  });

  it('reads ISO strings as instants', () => {
    expect(indiaDate('2026-06-01T20:00:00.000Z')).toBe('2026-06-02');
  });
});

describe('India time of day', () => {
  it('gives minutes since India midnight and HH:mm', () => {
    expect(indiaMinuteOfDay('2026-11-30T00:00:00Z')).toBe(330);
    expect(indiaMinuteOfDay(new Date('2026-11-30T18:30:00Z'))).toBe(0);
    expect(indiaMinuteOfDay('2026-11-30T18:29:00Z')).toBe(1439);
    expect(indiaMinuteOfDay('not a time')).toBeNull();
    expect(indiaTimeOfDay('2026-11-30T13:00:00Z')).toBe('18:30');
    expect(indiaHour(new Date('2026-11-30T13:00:00Z'))).toBe(18);
    expect(formatIndianTime('2026-11-30T13:00:00Z')).toMatch(/^6:30\s?pm$/i);
  });
});

describe('India wall-clock instants and ranges', () => {
  it('makes the instant of a date and time in India', () => {
    expect(indiaInstantIso('2026-12-14', '18:30')).toBe('2026-12-14T13:00:00.000Z');
    expect(indiaInstantIso('2026-12-14T09:15')).toBe('2026-12-14T03:45:00.000Z');
    expect(indiaInstantIso('2026-12-14 09:15')).toBe('2026-12-14T03:45:00.000Z');
    expect(indiaInstant('2026-12-14').toISOString()).toBe('2026-12-13T18:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(() => indiaInstant('14/12/2026')).toThrow(RangeError);
    expect(() => indiaInstant('2026-12-14', '25:00')).toThrow(RangeError);
  });

  it('covers whole India days, end exclusive', () => {
    const { start, end } = indiaDayRange('2026-12-14', '2026-12-15');
    expect(start.toISOString()).toBe('2026-12-13T18:30:00.000Z');
    expect(end.toISOString()).toBe('2026-12-15T18:30:00.000Z');
    expect(indiaDayRange('2026-12-14').end.toISOString()).toBe('2026-12-14T18:30:00.000Z');
  });

  it('adds and counts calendar days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-30', '2027-01-01')).toBe(32);
    expect(daysBetween('2027-01-01', '2026-11-30')).toBe(-32);
  });
});

describe('financial year', () => {
  it('runs April to March, read in India', () => {
    expect(financialYear(new Date('2027-03-31T18:29:59Z'))).toBe('2026-27');
    expect(financialYear(new Date('2027-03-31T18:30:00Z'))).toBe('2027-28');
    expect(financialYear(new Date('2099-12-01T00:00:00Z'))).toBe('2099-00');
    expect(financialYearOfDate('2026-04-01')).toBe('2026-27');
    expect(financialYearOfDate('2026-03-31')).toBe('2025-26');
    expect(financialYearRange('2026-27')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
});

describe('dd/mm/yyyy', () => {
  it('prints dates as they are and instants in India', () => {
    expect(formatIndianDate('2026-12-14')).toBe('14/12/2026');
    expect(formatIndianDate('2026-12-13T19:00:00Z')).toBe('14/12/2026');
    expect(formatIndianDate(new Date('2026-12-13T19:00:00Z'))).toBe('14/12/2026');
    expect(formatIndianDate('soon')).toBe('soon');
    expect(formatIndianDateTime('2026-12-14T03:45:00Z')).toBe('14/12/2026, 09:15');
  });
});
