import { ROLES, type Role } from '@mandap/shared/access';
import type { Session } from '@mandap/shared/auth';
import type { ErrorBody } from '@mandap/shared/common';

/**
 * Hand-written checks for the two shapes the app shell must read before any page loads
 * (the session and the error body). They mirror ZSession and ZErrorBody in @mandap/shared;
 * keeping zod out of the shell chunk saves ~34 kB gzip on first load. Pages parse their
 * data with the shared zod schemas.
 */
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

export function asSession(v: unknown): Session | null {
  if (!isObj(v) || !isStr(v.accessToken) || !isStr(v.expiresAt) || !isObj(v.user)) return null;
  const u = v.user;
  if (!isStr(u.id) || !isStr(u.email) || !isStr(u.name) || !ROLES.includes(u.role as Role)) return null;
  if (!Array.isArray(u.permissions) || !u.permissions.every(isStr)) return null;
  return v as unknown as Session;
}

export function asErrorBody(v: unknown): ErrorBody | null {
  if (!isObj(v) || !isObj(v.error) || !isStr(v.error.code) || !isStr(v.error.message)) return null;
  const fields = v.error.fields;
  if (fields !== undefined && !(isObj(fields) && Object.values(fields).every(isStr))) return null;
  return v as ErrorBody;
}
