import { verifyAccessToken } from '../features/auth/tokens.ts';
import type { AppContext, Viewer } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { lookupUser } from '../lib/user-lookup.ts';

/**
 * Reads the Bearer access token and loads its user. The user row is read on every request,
 * so deactivation, a role change or a password change (each bumps `token_version`) takes
 * effect at once rather than when the token expires: no cache stands between a write and the
 * next request, whichever process or isolate made the write.
 */
export async function authenticate(c: AppContext): Promise<Viewer> {
  const header = c.req.header('authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (!token) throw new AppError('unauthenticated', 'Sign in to continue: this request has no access token.');
  const deps = c.get('deps');
  const claims = await verifyAccessToken(token, deps.env.JWT_SECRET);
  const user = await lookupUser(deps, claims.sub);
  if (!user || user.tokenVersion !== claims.tv) {
    throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
  }
  if (user.status !== 'active') throw new AppError('account_deactivated', 'This account has been deactivated.');
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
