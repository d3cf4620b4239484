import type { Client } from '@libsql/client';
import { ROLES, type Role } from '@mandap/shared';
import { decideDocAccess } from '@mandap/shared/docs';
import { verify } from 'hono/jwt';
import { z } from 'zod';
import { type DocKind, parseDocName } from './doc-names.ts';

export type Access = 'rw' | 'ro';
export type AccessDecision = Access | 'refuse';
export type EventAccessRow = { access: 'read' | 'write' };

/** Who may do what with one event document: the shared rule, also used by the client to show read-only views. */
export function decideAccess(role: string, accessRow: EventAccessRow | null, kind: DocKind): AccessDecision {
  return decideDocAccess(role, accessRow, kind);
}

/** Close codes sent to refused peers, before any sync message. */
export const CLOSE = {
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
} as const;

export type AuthResult =
  | { ok: true; access: Access; userId: string; role: Role | 'share' }
  | { ok: false; code: number; reason: string };

const ZAccessClaims = z.object({
  sub: z.string().min(1),
  role: z.string(),
  tv: z.number().int(),
  typ: z.literal('access'),
  exp: z.number(),
});

const ZShareClaims = z.object({ typ: z.literal('share') }).loose();

export interface AuthDeps {
  jwtSecret: string;
  /** The edge's database: users, events, event_access. */
  edgeDb: Client;
}

const refuse = (code: number, reason: string): AuthResult => ({ ok: false, code, reason });

/** Decides whether `token` may open `docName`, and with what access. Never throws. */
export async function authorize(deps: AuthDeps, token: string | null, docName: string): Promise<AuthResult> {
  const doc = parseDocName(docName);
  if (!doc) return refuse(CLOSE.badRequest, 'unknown document name');
  if (!token) return refuse(CLOSE.unauthorized, 'missing token');

  let payload: Record<string, unknown>;
  try {
    payload = (await verify(token, deps.jwtSecret, 'HS256')) as Record<string, unknown>;
  } catch {
    return refuse(CLOSE.unauthorized, 'invalid or expired token');
  }

  const share = ZShareClaims.safeParse(payload);
  if (share.success) return authorizeShareLink(deps, share.data, doc.eventId, doc.kind);

  const claims = ZAccessClaims.safeParse(payload);
  if (!claims.success) return refuse(CLOSE.unauthorized, 'not an access token');

  try {
    const userRes = await deps.edgeDb.execute({
      sql: 'SELECT role, status, token_version FROM users WHERE id = ?',
      args: [claims.data.sub],
    });
    const user = userRes.rows[0];
    if (user?.status !== 'active' || Number(user.token_version) !== claims.data.tv) {
      return refuse(CLOSE.unauthorized, 'session no longer valid');
    }
    const role = String(user.role);
    if (!(ROLES as readonly string[]).includes(role)) return refuse(CLOSE.forbidden, 'no access');

    const [eventRes, accessRes] = await deps.edgeDb.batch(
      [
        { sql: 'SELECT 1 FROM events WHERE id = ?', args: [doc.eventId] },
        {
          sql: 'SELECT access FROM event_access WHERE event_id = ? AND user_id = ?',
          args: [doc.eventId, claims.data.sub],
        },
      ],
      'read',
    );
    if (!eventRes?.rows.length) return refuse(CLOSE.notFound, 'no such event');
    const accessValue = accessRes?.rows[0]?.access;
    const row: EventAccessRow | null =
      accessValue === 'write' ? { access: 'write' } : accessValue === undefined ? null : { access: 'read' };

    const decision = decideAccess(role, row, doc.kind);
    if (decision === 'refuse') return refuse(CLOSE.forbidden, 'no access to this document');
    return { ok: true, access: decision, userId: claims.data.sub, role: role as Role };
  } catch (err) {
    console.error('collab-server: access lookup failed', err);
    return refuse(1011, 'access check failed');
  }
}

/**
 * Seam for share-link tokens (a signed `typ: 'share'` token naming an event and documents, for
 * clients without an account). Not implemented yet: every share token is refused.
 */
export async function authorizeShareLink(
  _deps: AuthDeps,
  _claims: Record<string, unknown>,
  _eventId: string,
  _kind: DocKind,
): Promise<AuthResult> {
  return refuse(CLOSE.unauthorized, 'share links are not supported yet');
}
