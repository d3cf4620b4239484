import { describe, expect, it } from 'vitest';
import { asErrorBody, asSession } from './guards.ts';

const user = { id: 'u1', email: 'a@b.in', name: 'A', role: 'sales', permissions: ['leads:read'] };

describe('API answer guards', () => {
  it('accepts a well-formed session and refuses anything else', () => {
    expect(asSession({ accessToken: 't', expiresAt: '2026-11-21T10:00:00Z', user })).not.toBeNull();
    expect(asSession({ accessToken: 't', user })).toBeNull();
    expect(asSession({ accessToken: 't', expiresAt: 'x', user: { ...user, role: 'boss' } })).toBeNull();
    expect(asSession(null)).toBeNull();
  });

  it('recognises the API error shape', () => {
    expect(asErrorBody({ error: { code: 'forbidden', message: 'No.' } })?.error.code).toBe('forbidden');
    expect(asErrorBody({ message: 'plain' })).toBeNull();
  });
});
