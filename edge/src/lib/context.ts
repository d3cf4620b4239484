import type { Role } from '@mandap/shared/access';
import type { Context } from 'hono';
import type { Db } from '../db/client.ts';
import type { Env } from '../env.ts';
import { connectionAddress, parseTrustProxy, resolveClientIp, type TrustProxy } from './client-ip.ts';
import { AppError } from './errors.ts';
import type { Origin } from './journal.ts';
import type { Logger } from './logger.ts';
import type { UserLookup } from './user-lookup.ts';

/** What every request can reach: built once per process on Node/Deno, per isolate on Workers. */
export interface Deps {
  db: Db;
  env: Env;
  now: () => Date;
  log: Logger;
  /** How authenticate reads a user on every request, where the runtime has a faster way than `db` (lib/user-lookup.ts). */
  userLookup?: UserLookup;
}

/** The signed-in user making the request. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export type AppEnv = {
  Variables: { deps: Deps; viewer: Viewer | undefined; requestId: string };
};

export type AppContext = Context<AppEnv>;

/** The viewer of a route that declared a permission; routes declared `public` have none. */
export function viewerOf(c: AppContext): Viewer {
  const viewer = c.get('viewer');
  if (!viewer) throw new AppError('unauthenticated', 'Sign in to continue.');
  return viewer;
}

/** Where a change came from, for the audit log. */
export function originOf(c: AppContext): Origin & { requestId: string; userAgent: string | null } {
  return {
    ip: clientIpOf(c),
    requestId: c.get('requestId'),
    userAgent: c.req.header('user-agent') ?? null,
  };
}

const trustCache = new Map<string, TrustProxy>();

/**
 * The real client address (see client-ip.ts): the connection's address, or X-Forwarded-For as far
 * as TRUST_PROXY trusts it. Rate limits, login throttles and acceptance evidence all key on this.
 */
export function clientIpOf(c: AppContext): string | null {
  const raw = c.get('deps').env.TRUST_PROXY;
  let trust = trustCache.get(raw);
  if (!trust) {
    trust = parseTrustProxy(raw);
    trustCache.set(raw, trust);
  }
  return resolveClientIp(connectionAddress(c.env), c.req.header('x-forwarded-for'), trust);
}
