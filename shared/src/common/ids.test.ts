import { describe, expect, it } from 'vitest';
import { financialYear } from '../time/india.ts';
import { CODE_FORMATS, codeSequenceKey, newId } from './ids.ts';

describe('ids and codes', () => {
  it('makes time-sortable UUIDv7 ids', () => {
    const a = newId();
    const b = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('counts the financial year April to March in India', () => {
    expect(financialYear(new Date('2026-11-21T10:00:00Z'))).toBe('2026-27');
    expect(financialYear(new Date('2027-03-31T18:00:00Z'))).toBe('2026-27');
    // 1 April 2027 00:30 IST is still 31 March in UTC.
    expect(financialYear(new Date('2027-03-31T19:00:00Z'))).toBe('2027-28');
  });

  it('formats human codes', () => {
    const at = new Date('2026-11-21T10:00:00Z');
    expect(CODE_FORMATS.lead(at, 1)).toBe('LD-2026-0001');
    expect(CODE_FORMATS.quote(at, 12)).toBe('QT/2026-27/0012');
    expect(codeSequenceKey('quote', at)).toBe('quote:2026-27');
    expect(codeSequenceKey('lead', at)).toBe('lead:2026');
  });
});
