import { describe, expect, it } from 'vitest';
import {
  canAssignRole,
  canOpenScreen,
  hasPermission,
  isScopedRole,
  navFor,
  PERMISSIONS,
  permissionsOf,
  ROLES,
} from './permissions.ts';

describe('permissions', () => {
  it('super_admin holds every permission; manager all but settings', () => {
    expect(permissionsOf('super_admin').sort()).toEqual([...PERMISSIONS].sort());
    expect(hasPermission('manager', 'settings:manage')).toBe(false);
    expect(hasPermission('manager', 'users:manage')).toBe(true);
  });

  it('denies by default: an unknown role holds nothing', () => {
    expect(hasPermission('boss' as never, 'leads:read')).toBe(false);
    expect(permissionsOf('boss' as never)).toEqual([]);
  });

  it('keeps money with finance and records with their owners', () => {
    expect(hasPermission('finance', 'payments:record')).toBe(true);
    expect(hasPermission('sales', 'payments:record')).toBe(false);
    expect(hasPermission('operations', 'leads:write')).toBe(false);
    expect(hasPermission('sales', 'users:manage')).toBe(false);
  });

  it('scopes vendors and clients, and gives them no internal areas', () => {
    expect(ROLES.filter(isScopedRole)).toEqual(['vendor', 'client']);
    for (const role of ['vendor', 'client'] as const) {
      expect(hasPermission(role, 'leads:read')).toBe(false);
      expect(hasPermission(role, 'users:manage')).toBe(false);
      const tasks = role === 'vendor' ? ['my-tasks', 'my-work'] : [];
      // No Inbox: there is nothing in it for them yet; no internal screen whatever they hold.
      expect(navFor(role).map((a) => a.key)).toEqual(['dashboard', 'events', 'calendar', ...tasks]);
      expect(canOpenScreen(role, 'quotes:read', true)).toBe(false);
    }
  });

  it('lets only a super admin mint super admins', () => {
    expect(canAssignRole('super_admin', 'super_admin')).toBe(true);
    expect(canAssignRole('manager', 'super_admin')).toBe(false);
    expect(canAssignRole('manager', 'finance')).toBe(true);
    expect(canAssignRole('sales', 'sales')).toBe(false);
  });

  it('shows each role the navigation it can use', () => {
    expect(navFor('finance').map((a) => a.key)).toEqual([
      'dashboard',
      'leads',
      'events',
      'calendar',
      'vendors',
      'finance',
      'inbox',
      'reports',
    ]);
    expect(navFor('super_admin').map((a) => a.key)).toContain('settings');
  });
});
