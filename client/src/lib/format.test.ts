import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateRange, formatDateTime, humanize } from './format.ts';

describe('Indian display conventions', () => {
  it('shows dates as dd/mm/yyyy, date-only values without a timezone shift', () => {
    expect(formatDate('2026-12-14')).toBe('14/12/2026');
    expect(formatDate(null)).toBe('—');
  });

  it('reads instants in Asia/Kolkata: 20:00 UTC is already the next day in Mumbai', () => {
    expect(formatDate('2026-12-14T20:00:00Z')).toBe('15/12/2026');
    expect(formatDateTime('2026-12-14T04:30:00Z')).toMatch(/^14\/12\/2026, 10:00\s?am$/i);
  });

  it('collapses a one-day range', () => {
    expect(formatDateRange('2026-12-14', '2026-12-14')).toBe('14/12/2026');
    expect(formatDateRange('2026-12-14', '2026-12-16')).toBe('14/12/2026 – 16/12/2026');
  });

  it('groups counts in lakhs', () => {
    expect(formatCount(1234567)).toBe('12,34,567');
  });

  it('turns codes into words', () => {
    expect(humanize('weddingwire_india')).toBe('Weddingwire india');
  });
});
