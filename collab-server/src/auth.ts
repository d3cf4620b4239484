import type { Client } from '@libsql/client';
import { LINK_PURPOSE, ROLES, type Role, verifyLink } from '@mandap/shared';
import {
  type AnyDocName,
  briefStorageName,
  decideDocAccess,
  decideLeadDocAccess,
  formatDocName,
  formatLeadBriefName,
  parseAnyDocName,
} from '@mandap/shared/docs';
import { verify } from 'hono/jwt';
import { z } from 'zod';
import type { DocKind } from './doc-names.ts';

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
  /** An update that decodes but cannot be applied to the document; never stored or relayed. */
  invalidUpdate: 4422,
  /** Over the per-peer message or byte rate. */
  rateLimited: 4429,
  /** The peer does not read fast enough: its send buffer passed the cap. */
  slowReader: 4408,
  /** Access changed while connected (deactivated, demoted, token expired, link revoked). */
  accessRevoked: 4401,
} as const;

export type AuthResult =
  | {
      ok: true;
      access: Access;
      userId: string;
      /** Shown to the other peers in presence (the peer cannot choose it). */
      name: string;
      /** When the token stops being valid (ms since epoch): the connection must re-authenticate by then. */
      expiresAt: number;
      role: Role | 'share';
      /** Where the document is kept: an event brief converted from a lead is the lead's brief. */
      storageName: string;
    }
  | { ok: false; code: number; reason: string };

const ZAccessClaims = z.object({
  sub: z.string().min(1),
  role: z.string(),
  tv: z.number().int(),
  typ: z.literal('access'),
  exp: z.number(),
});

export interface AuthDeps {
  jwtSecret: string;
  /**
   * The edge's database, read-only: users, events, leads, event_access (the columns and why: the
   * README's "What it reads from the edge's database"). The edge is its only writer.
   */
  edgeDb: Client;
  /** Clock for share-link expiry (tests). */
  now?: () => Date;
}

/** Share-link peers have no account; the projection never sees them (briefs are not projected). */
export const SHARE_LINK_USER = 'share-link';

const refuse = (code: number, reason: string): AuthResult => ({ ok: false, code, reason });

/** Share tokens are `<document name>.<exp>.<mac>`; access tokens are JWTs (never a document name first). */
const isShareToken = (token: string) => parseAnyDocName(token.split('.')[0] ?? '') !== null;

/** Decides whether `token` may open `docName`, and with what access. Never throws. */
export async function authorize(deps: AuthDeps, token: string | null, docName: string): Promise<AuthResult> {
  const doc = parseAnyDocName(docName);
  if (!doc) return refuse(CLOSE.badRequest, 'unknown document name');
  if (!token) return refuse(CLOSE.unauthorized, 'missing token');
  if (isShareToken(token)) return authorizeShareLink(deps, token, docName, doc);

  let payload: unknown;
  try {
    payload = await verify(token, deps.jwtSecret, 'HS256');
  } catch {
    return refuse(CLOSE.unauthorized, 'invalid or expired token');
  }
  const claims = ZAccessClaims.safeParse(payload);
  if (!claims.success) return refuse(CLOSE.unauthorized, 'not an access token');

  try {
    const userRes = await deps.edgeDb.execute({
      sql: 'SELECT role, status, token_version, name FROM users WHERE id = ?',
      args: [claims.data.sub],
    });
    const user = userRes.rows[0];
    if (user?.status !== 'active' || Number(user.token_version) !== claims.data.tv) {
      return refuse(CLOSE.unauthorized, 'session no longer valid');
    }
    const role = String(user.role);
    if (!(ROLES as readonly string[]).includes(role)) return refuse(CLOSE.forbidden, 'no access');

    const target = await lookUp(deps.edgeDb, doc, claims.data.sub);
    if (!target) return refuse(CLOSE.notFound, doc.scope === 'lead' ? 'no such lead' : 'no such event');
    const decision = doc.scope === 'lead' ? decideLeadDocAccess(role) : decideAccess(role, target.accessRow, doc.kind);
    if (decision === 'refuse') return refuse(CLOSE.forbidden, 'no access to this document');
    return {
      ok: true,
      access: decision,
      userId: claims.data.sub,
      name: typeof user.name === 'string' && user.name !== '' ? user.name : 'Unnamed user',
      expiresAt: claims.data.exp * 1000,
      role: role as Role,
      storageName: target.storageName,
    };
  } catch (err) {
    console.error('collab-server: access lookup failed', err);
    return refuse(1011, 'access check failed');
  }
}

interface Target {
  storageName: string;
  accessRow: EventAccessRow | null;
}

/** The lead or event behind a document (null when it does not exist), with the user's event access. */
async function lookUp(edgeDb: Client, doc: AnyDocName, userId: string | null): Promise<Target | null> {
  if (doc.scope === 'lead') {
    const res = await edgeDb.execute({ sql: 'SELECT 1 FROM leads WHERE id = ?', args: [doc.leadId] });
    return res.rows.length ? { storageName: formatLeadBriefName(doc.leadId), accessRow: null } : null;
  }
  const [eventRes, accessRes] = await edgeDb.batch(
    [
      { sql: 'SELECT lead_id FROM events WHERE id = ?', args: [doc.eventId] },
      { sql: 'SELECT access FROM event_access WHERE event_id = ? AND user_id = ?', args: [doc.eventId, userId] },
    ],
    'read',
  );
  const event = eventRes?.rows[0];
  if (!event) return null;
  const leadId = event.lead_id === null || event.lead_id === undefined ? null : String(event.lead_id);
  const accessValue = accessRes?.rows[0]?.access;
  return {
    storageName: doc.kind === 'brief' ? briefStorageName(doc.eventId, leadId) : formatDocName(doc.eventId, doc.kind),
    accessRow: accessValue === undefined ? null : { access: accessValue === 'write' ? 'write' : 'read' },
  };
}

/**
 * A share link (issued by the edge, signed with a key derived from JWT_SECRET for brief links
 * only) opens exactly the brief it names, read-only. Altered or expired → 4401; any other
 * document → 4403; the event or lead gone → 4404.
 */
export async function authorizeShareLink(
  deps: AuthDeps,
  token: string,
  docName: string,
  doc: AnyDocName,
): Promise<AuthResult> {
  const check = await verifyLink(deps.jwtSecret, LINK_PURPOSE.briefShare, token, deps.now?.() ?? new Date());
  if (!check.ok) {
    return refuse(CLOSE.unauthorized, check.reason === 'expired' ? 'share link expired' : 'invalid share link');
  }
  if (doc.kind !== 'brief' || check.subject.toLowerCase() !== docName.toLowerCase()) {
    return refuse(CLOSE.forbidden, 'this link opens another document');
  }
  try {
    const target = await lookUp(deps.edgeDb, doc, null);
    if (!target) return refuse(CLOSE.notFound, 'no such brief');
    return {
      ok: true,
      access: 'ro',
      userId: SHARE_LINK_USER,
      name: 'Guest (share link)',
      expiresAt: check.expiresAt.getTime(),
      role: 'share',
      storageName: target.storageName,
    };
  } catch (err) {
    console.error('collab-server: share-link lookup failed', err);
    return refuse(1011, 'access check failed');
  }
}
