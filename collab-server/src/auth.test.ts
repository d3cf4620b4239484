import { describe, expect, it } from 'vitest';
import { decideAccess } from './auth.ts';

describe('decideAccess', () => {
  it('gives internal staff read-write on every document, finance read-only', () => {
    for (const role of ['super_admin', 'manager', 'sales', 'operations']) {
      for (const kind of ['brief', 'tasks', 'dayof'] as const) expect(decideAccess(role, null, kind)).toBe('rw');
    }
    for (const kind of ['brief', 'tasks', 'dayof'] as const) expect(decideAccess('finance', null, kind)).toBe('ro');
  });

  it('scopes vendors to their event access', () => {
    expect(decideAccess('vendor', null, 'tasks')).toBe('refuse');
    expect(decideAccess('vendor', { access: 'write' }, 'brief')).toBe('ro');
    expect(decideAccess('vendor', { access: 'write' }, 'tasks')).toBe('rw');
    expect(decideAccess('vendor', { access: 'write' }, 'dayof')).toBe('rw');
    for (const kind of ['brief', 'tasks', 'dayof'] as const) {
      expect(decideAccess('vendor', { access: 'read' }, kind)).toBe('ro');
    }
  });

  it('lets clients read only the brief of their own event', () => {
    expect(decideAccess('client', null, 'brief')).toBe('refuse');
    expect(decideAccess('client', { access: 'read' }, 'brief')).toBe('ro');
    expect(decideAccess('client', { access: 'write' }, 'brief')).toBe('ro');
    expect(decideAccess('client', { access: 'write' }, 'tasks')).toBe('refuse');
    expect(decideAccess('client', { access: 'read' }, 'dayof')).toBe('refuse');
  });

  it('refuses unknown roles', () => {
    expect(decideAccess('intruder', { access: 'write' }, 'brief')).toBe('refuse');
  });
});
