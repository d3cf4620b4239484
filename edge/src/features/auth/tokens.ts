import { ROLES, type Role } from '@mandap/shared/access';
import { sign, verify } from 'hono/jwt';
import { AppError } from '../../lib/errors.ts';

/** Claims of an access token. `tv` must match the user's token_version or the token is dead. */
export interface AccessClaims {
  sub: string;
  role: Role;
  tv: number;
  typ: 'access';
  iat: number;
  exp: number;
}

export async function signAccessToken(
  user: { id: string; role: Role; tokenVersion: number },
  secret: string,
  now: Date,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: AccessClaims = {
    sub: user.id,
    role: user.role,
    tv: user.tokenVersion,
    typ: 'access',
    iat,
    exp: iat + ttlSeconds,
  };
  const token = await sign({ ...claims }, secret, 'HS256');
  return { token, expiresAt: new Date((iat + ttlSeconds) * 1000) };
}

/**
 * Tokens whose signature and claims were already checked, so a signature is verified once per token
 * rather than on every request (WebCrypto's import and verify were the largest single cost of an
 * authenticated GET). A hit is used only with the same secret and before its `exp`; whether the user
 * may still act is decided by the user lookup on every request, never here. Bounded: oldest out first.
 */
const verified = new Map<string, { secret: string; claims: AccessClaims }>();
const VERIFIED_MAX = 10_000;

export async function verifyAccessToken(token: string, secret: string): Promise<AccessClaims> {
  const hit = verified.get(token);
  if (hit && hit.secret === secret && hit.claims.exp > Math.floor(Date.now() / 1000)) return hit.claims;
  if (hit) verified.delete(token);
  const claims = await verifySignedToken(token, secret);
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(token, { secret, claims });
  return claims;
}

async function verifySignedToken(token: string, secret: string): Promise<AccessClaims> {
  let payload: Record<string, unknown>;
  try {
    payload = await verify(token, secret, 'HS256');
  } catch (err) {
    const expired = err instanceof Error && err.name === 'JwtTokenExpired';
    throw new AppError(
      'unauthenticated',
      expired ? 'Your session expired. Sign in again.' : 'This access token is not valid. Sign in again.',
      { cause: err },
    );
  }
  const { sub, role, tv, typ, exp } = payload;
  // A token without an expiry would live for ever: refused (hono's verify checks exp only when present).
  if (
    typ !== 'access' ||
    typeof sub !== 'string' ||
    typeof tv !== 'number' ||
    typeof exp !== 'number' ||
    !ROLES.includes(role as Role)
  ) {
    throw new AppError('unauthenticated', 'This access token is not valid. Sign in again.');
  }
  return payload as unknown as AccessClaims;
}
