import type { Role } from '@mandap/shared/access';
import type { Db } from '../db/client.ts';

/** What authenticate needs of a user, read on every authenticated request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: string;
  tokenVersion: number;
}

/** Reads one user by id, fresh from the database every time (never cached). */
export type UserLookup = (id: string) => Promise<AuthUser | undefined>;

/**
 * One primary-key read as plain SQL: building it through the query builder on every request cost
 * more than running it. Kept in step with db/schema/auth.ts by middleware/authenticate.test.ts.
 */
export const USER_SQL = 'SELECT id, email, name, role, status, token_version FROM users WHERE id = ? LIMIT 1';

type Row = readonly unknown[] | Record<string, unknown>;

/** A result row (an array, or the database client's row, which is both) as an AuthUser. */
export function toAuthUser(row: Row): AuthUser {
  const at = (i: number) => (row as Record<number, unknown>)[i];
  return {
    id: String(at(0)),
    email: String(at(1)),
    name: String(at(2)),
    role: at(3) as Role,
    status: String(at(4)),
    tokenVersion: Number(at(5)),
  };
}

/**
 * The user with this id: through `deps.userLookup` where the runtime supplies one (the Node edge on
 * a local file, lib/user-lookup-native.ts), otherwise through the database client (every runtime).
 */
export async function lookupUser(deps: { db: Db; userLookup?: UserLookup }, id: string): Promise<AuthUser | undefined> {
  if (deps.userLookup) return deps.userLookup(id);
  const { rows } = await deps.db.$client.execute({ sql: USER_SQL, args: [id] });
  return rows[0] ? toAuthUser(rows[0]) : undefined;
}
