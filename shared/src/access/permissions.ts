/**
 * Roles and permissions: the one table the edge, the collab-server and the client read.
 * Deny by default: a role has exactly the permissions listed here and nothing else.
 */

export const ROLES = ['super_admin', 'manager', 'sales', 'operations', 'finance', 'vendor', 'client'] as const;
export type Role = (typeof ROLES)[number];

/** Internal staff; the rest are external users scoped to the events they are linked to. */
export const INTERNAL_ROLES: readonly Role[] = ['super_admin', 'manager', 'sales', 'operations', 'finance'];

export const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super admin',
  manager: 'Manager',
  sales: 'Sales',
  operations: 'Operations',
  finance: 'Finance',
  vendor: 'Vendor',
  client: 'Client',
};

export const PERMISSIONS = [
  'users:manage',
  'leads:read',
  'leads:write',
  'clients:read',
  'clients:write',
  'events:read',
  'events:write',
  /** Change an event's structured brief (the record of its lead): sales, who wrote it, and operations, who run it. */
  'briefs:write',
  'quotes:read',
  'quotes:write',
  /** The house rate card (quote catalogue): staff only, never a client. */
  'catalogue:read',
  'payments:read',
  'payments:record',
  'vendors:read',
  'vendors:write',
  /** See unmasked vendor bank details (each reveal is audited). */
  'vendors:bank',
  /** A vendor user's own pages: their assignments, POs, payments and call sheet. */
  'vendors:portal',
  'tasks:read',
  'tasks:write',
  'inbox:read',
  'reports:read',
  'settings:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What a route needs. `public` routes take no credentials (login, health, webhooks);
 * `authenticated` routes need any signed-in user (their own profile, password change).
 */
export type RoutePermission = Permission | 'public' | 'authenticated';

const ALL: readonly Permission[] = PERMISSIONS;

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  super_admin: ALL,
  manager: ALL.filter((p) => p !== 'settings:manage' && p !== 'vendors:bank' && p !== 'vendors:portal'),
  sales: [
    'leads:read',
    'leads:write',
    'briefs:write',
    'clients:read',
    'clients:write',
    'events:read',
    'quotes:read',
    'quotes:write',
    'catalogue:read',
    'vendors:read',
    'tasks:read',
    'tasks:write',
    'inbox:read',
    'reports:read',
  ],
  operations: [
    'leads:read',
    'clients:read',
    'events:read',
    'events:write',
    'briefs:write',
    'quotes:read',
    'catalogue:read',
    'vendors:read',
    'vendors:write',
    'tasks:read',
    'tasks:write',
    'inbox:read',
  ],
  finance: [
    'leads:read',
    'clients:read',
    'events:read',
    'quotes:read',
    'catalogue:read',
    'payments:read',
    'payments:record',
    'vendors:read',
    'vendors:bank',
    'inbox:read',
    'reports:read',
  ],
  // External users: every permission below applies only to events they are linked to.
  vendor: ['events:read', 'tasks:read', 'tasks:write', 'inbox:read', 'vendors:portal'],
  client: ['events:read', 'quotes:read', 'payments:read', 'inbox:read'],
};

const ROLE_SETS = new Map<Role, ReadonlySet<Permission>>(ROLES.map((r) => [r, new Set(ROLE_PERMISSIONS[r])]));

/** True when `role` holds `permission`. Unknown roles hold nothing. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_SETS.get(role)?.has(permission) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return [...(ROLE_SETS.get(role) ?? [])];
}

/** Vendor and client users see only the events they are linked to through event access. */
export function isScopedRole(role: Role): boolean {
  return !INTERNAL_ROLES.includes(role);
}

/**
 * Which roles a user may grant. A manager runs the team but cannot mint super admins;
 * only a super admin can.
 */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (actor === 'super_admin') return true;
  if (actor === 'manager') return target !== 'super_admin';
  return false;
}

/**
 * The workspace's navigation areas, each shown only to roles that may use it. `staffOnly` areas
 * are the house's internal screens: a vendor or client never sees them, whatever they hold
 * (a client reads its own quotes through its dashboard, never the Quotes pages; the Inbox
 * has nothing for them yet).
 */
export const NAV_AREAS = [
  { key: 'dashboard', label: 'Dashboard', path: '/', permission: 'events:read' },
  { key: 'leads', label: 'Leads', path: '/leads', permission: 'leads:read', staffOnly: true },
  { key: 'events', label: 'Events', path: '/events', permission: 'events:read' },
  { key: 'calendar', label: 'Calendar', path: '/calendar', permission: 'events:read' },
  { key: 'quotes', label: 'Quotes', path: '/quotes', permission: 'quotes:write', staffOnly: true },
  { key: 'my-tasks', label: 'My tasks', path: '/my-tasks', permission: 'tasks:read' },
  { key: 'vendors', label: 'Vendors', path: '/vendors', permission: 'vendors:read', staffOnly: true },
  { key: 'my-work', label: 'My work', path: '/my-work', permission: 'vendors:portal' },
  { key: 'finance', label: 'Finance', path: '/finance', permission: 'payments:record', staffOnly: true },
  { key: 'inbox', label: 'Inbox', path: '/inbox', permission: 'inbox:read', staffOnly: true },
  { key: 'reports', label: 'Reports', path: '/reports', permission: 'reports:read', staffOnly: true },
  { key: 'users', label: 'Users', path: '/settings/users', permission: 'users:manage', staffOnly: true },
  { key: 'settings', label: 'Settings', path: '/settings', permission: 'settings:manage', staffOnly: true },
] as const satisfies readonly { key: string; label: string; path: string; permission: Permission; staffOnly?: true }[];

export type NavArea = (typeof NAV_AREAS)[number];

/** True when `role` may open a screen needing `permission` (and, for `staffOnly` screens, is staff). */
export function canOpenScreen(role: Role, permission: Permission, staffOnly = false): boolean {
  return hasPermission(role, permission) && (!staffOnly || INTERNAL_ROLES.includes(role));
}

export function navFor(role: Role): NavArea[] {
  return NAV_AREAS.filter((a) => canOpenScreen(role, a.permission, 'staffOnly' in a && a.staffOnly));
}
