import { canAssignRole, ROLE_LABELS, ROLES, type Role } from '@mandap/shared/access';

/** The roles `actor` may grant, as select options. */
export function assignableRoleOptions(actor: Role) {
  return ROLES.filter((r) => canAssignRole(actor, r)).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}
