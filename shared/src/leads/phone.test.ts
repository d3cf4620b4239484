import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, phoneDigits } from './phone.ts';

describe('normalisePhone', () => {
  it.each([
    '098200 12345',
    '+91-98200-12345',
    '9820012345',
    '+91 98200 12345',
    '0091 98200 12345',
    '(+91) 98200-12345',
  ])('reads %s as +919820012345', (raw) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, e164: '+919820012345' });
  });

  it('keeps foreign numbers with their own country code', () => {
    expect(normalisePhone('+971 50 123 4567')).toEqual({ ok: true, e164: '+971501234567' });
  });

  it('reads a Mumbai landline with its STD code', () => {
    expect(normalisePhone('022 2345 6789')).toEqual({ ok: true, e164: '+912223456789' });
  });

  it.each(['12345', '98200123456', 'call me', '', '0000000000'])('refuses %j with a message', (raw) => {
    const r = normalisePhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
  });

  it('formats for people and links', () => {
    expect(formatPhone('+919820012345')).toBe('+91 98200 12345');
    expect(phoneDigits('+919820012345')).toBe('919820012345');
  });
});
