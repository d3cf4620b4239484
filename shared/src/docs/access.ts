import { hasPermission, INTERNAL_ROLES, type Role } from '../permissions.ts';
import type { DocKind } from './names.ts';

/** Read-write, read-only, or refused. */
export type DocAccessDecision = 'rw' | 'ro' | 'refuse';

/**
 * Who may do what with one event document. Pure: the caller has loaded the user's role and
 * their `event_access` row for the event (null when there is none). Staff read-write (finance
 * read-only); vendors per event access (write → tasks and day-of, brief read-only; read → all
 * read-only); clients read their own event's brief only.
 */
export function decideDocAccess(
  role: string,
  accessRow: { access: 'read' | 'write' } | null,
  kind: DocKind,
): DocAccessDecision {
  if ((INTERNAL_ROLES as readonly string[]).includes(role)) return role === 'finance' ? 'ro' : 'rw';
  if (role === 'vendor') {
    if (!accessRow) return 'refuse';
    if (accessRow.access === 'write') return kind === 'brief' ? 'ro' : 'rw';
    return 'ro';
  }
  if (role === 'client') {
    if (!accessRow) return 'refuse';
    return kind === 'brief' ? 'ro' : 'refuse';
  }
  return 'refuse';
}

/**
 * Who may open a lead's brief: staff who may change leads edit it, staff who may read leads
 * read it; nobody outside the company (they reach it through the converted event's name).
 */
export function decideLeadDocAccess(role: string): DocAccessDecision {
  if (!(INTERNAL_ROLES as readonly string[]).includes(role)) return 'refuse';
  if (hasPermission(role as Role, 'leads:write')) return 'rw';
  return hasPermission(role as Role, 'leads:read') ? 'ro' : 'refuse';
}
