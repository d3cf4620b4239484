import { canAssignRole, type Role } from '@mandap/shared/access';
import type { InviteUser, UpdateUser, User } from '@mandap/shared/auth';
import { newId } from '@mandap/shared/common';
import { asc, eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';
import { sendLinkToken } from '../auth/auth.service.ts';
import { revokeAllSessions } from '../auth/sessions.ts';

type UserRow = typeof users.$inferSelect;

function toUser(u: UserRow): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role: u.role,
    status: u.status,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

const publicFields = (u: UserRow) => ({ email: u.email, name: u.name, phone: u.phone, role: u.role, status: u.status });

export async function listUsers(deps: Deps): Promise<User[]> {
  const rows = await deps.db.select().from(users).orderBy(asc(users.name));
  return rows.map(toUser);
}

function assertMayGrant(actor: Viewer, role: Role) {
  if (!canAssignRole(actor.role, role)) {
    throw new AppError('forbidden', `A ${actor.role} cannot give the ${role} role. Ask a super admin.`);
  }
}

/** A manager may manage everyone but super admins; nobody may lock themselves out. */
async function loadManageable(deps: Deps, actor: Viewer, id: string): Promise<UserRow> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw notFound('That user');
  if (user.role === 'super_admin' && actor.role !== 'super_admin') {
    throw new AppError('forbidden', 'Only a super admin can change a super admin.');
  }
  return user;
}

export async function inviteUser(deps: Deps, actor: Viewer, input: InviteUser, origin: Origin): Promise<User> {
  assertMayGrant(actor, input.role);
  const now = deps.now();
  const [existing] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing)
    throw new AppError('conflict', `${input.email} already has an account.`, { fields: { email: 'taken' } });
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        id: newId(),
        email: input.email,
        name: input.name,
        phone: input.phone ?? null,
        role: input.role,
        status: 'invited',
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    await sendLinkToken(tx, deps, user!, 'invite', { invitedBy: actor.name, role: input.role });
    await recordChange(tx, {
      type: 'user.invited',
      aggregateType: 'user',
      aggregateId: user!.id,
      payload: { role: input.role },
      actorId: actor.id,
      at: now,
      audit: { before: null, after: publicFields(user!), ...origin },
    });
    return toUser(user!);
  });
}

export async function updateUser(
  deps: Deps,
  actor: Viewer,
  id: string,
  input: UpdateUser,
  origin: Origin,
): Promise<User> {
  const before = await loadManageable(deps, actor, id);
  if (input.role) assertMayGrant(actor, input.role);
  if (input.role && id === actor.id && input.role !== before.role) {
    throw new AppError('forbidden', 'You cannot change your own role. Ask another admin.');
  }
  const now = deps.now();
  const roleChanged = input.role !== undefined && input.role !== before.role;
  return deps.db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({
        ...input,
        // A new role takes effect at once: older access tokens carry the old one.
        ...(roleChanged ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}),
        updatedAt: now.toISOString(),
      })
      .where(eq(users.id, id))
      .returning();
    await recordChange(tx, {
      type: roleChanged ? 'user.role_changed' : 'user.updated',
      aggregateType: 'user',
      aggregateId: id,
      payload: roleChanged && input.role ? { from: before.role, to: input.role } : {},
      actorId: actor.id,
      at: now,
      audit: { before: publicFields(before), after: publicFields(after!), ...origin },
    });
    return toUser(after!);
  });
}

/** Deactivation ends every session and invalidates access tokens at once (token_version bump). */
export async function setUserActive(
  deps: Deps,
  actor: Viewer,
  id: string,
  active: boolean,
  origin: Origin,
): Promise<User> {
  const before = await loadManageable(deps, actor, id);
  if (id === actor.id) throw new AppError('forbidden', 'You cannot deactivate your own account.');
  const status = active ? (before.passwordHash ? 'active' : 'invited') : 'deactivated';
  if (status === before.status) return toUser(before);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ status, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: now.toISOString() })
      .where(eq(users.id, id))
      .returning();
    if (!active) await revokeAllSessions(tx, id, now);
    await recordChange(tx, {
      type: active ? 'user.reactivated' : 'user.deactivated',
      aggregateType: 'user',
      aggregateId: id,
      actorId: actor.id,
      at: now,
      audit: { before: publicFields(before), after: publicFields(after!), ...origin },
    });
    return toUser(after!);
  });
}
