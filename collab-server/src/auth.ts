import type { Client } from '@libsql/client';
import {
  decideDocAccess,
  decideLeadDocAccess,
  LINK_PURPOSE,
  type LinkCheck,
  ROLES,
  type Role,
  verifyLink,
} from '@mandap/shared/access';
import {
  type AnyDocName,
  briefStorageName,
  formatDocName,
  formatLeadBriefName,
  parseAnyDocName,
  parseBriefShareToken,
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
  /** Access changed while connected (deactivated, demoted, token expired). */
  accessRevoked: 4401,
  /** The share link was withdrawn by the house (at connect, or while connected). */
  linkWithdrawn: 4410,
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

/** Share tokens are `<document name>~<link id>.<exp>.<mac>`; access tokens are JWTs (never a document name first). */
const isShareToken = (token: string) => parseAnyDocName((token.split('.')[0] ?? '').split('~')[0] ?? '') !== null;

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
 * Checks a link token as a brief share link, else as the brief token of a client's event page
 * (another purpose, another key: short-lived and stateless, issued inside a page whose own link is
 * revocable). `invalid` only when it is neither.
 */
async function verifyBriefToken(deps: AuthDeps, token: string): Promise<{ check: LinkCheck; inPortal: boolean }> {
  const now = deps.now?.() ?? new Date();
  const check = await verifyLink(deps.jwtSecret, LINK_PURPOSE.briefShare, token, now);
  if (check.ok || check.reason === 'expired') return { check, inPortal: false };
  const portal = await verifyLink(deps.jwtSecret, LINK_PURPOSE.portalBrief, token, now);
  return portal.ok || portal.reason === 'expired' ? { check: portal, inPortal: true } : { check, inPortal: false };
}

/**
 * A share link (issued by the edge, signed with a key derived from JWT_SECRET for brief links
 * only) opens exactly the brief it names, read-only, while the edge's row for it
 * (`brief_share_links`, read-only here) is not revoked. Altered, expired, unknown or issued before
 * links had rows → 4401; withdrawn → 4410; any other document → 4403; the event or lead gone → 4404.
 * A client page's brief token (no row; at most a day) opens its brief the same way.
 */
export async function authorizeShareLink(
  deps: AuthDeps,
  token: string,
  docName: string,
  doc: AnyDocName,
): Promise<AuthResult> {
  const { check, inPortal } = await verifyBriefToken(deps, token);
  if (!check.ok) {
    return refuse(CLOSE.unauthorized, check.reason === 'expired' ? 'share link expired' : 'invalid share link');
  }
  const subject = parseBriefShareToken(check.subject);
  if (doc.kind !== 'brief' || subject?.docName.toLowerCase() !== docName.toLowerCase()) {
    return refuse(CLOSE.forbidden, 'this link opens another document');
  }
  if (!inPortal && subject.linkId === null) {
    return refuse(CLOSE.unauthorized, 'share link from before links could be withdrawn');
  }
  try {
    if (!inPortal) {
      const linkRes = await deps.edgeDb.execute({
        sql: 'SELECT document, revoked_at FROM brief_share_links WHERE id = ?',
        args: [subject.linkId],
      });
      const link = linkRes.rows[0];
      if (!link || String(link.document).toLowerCase() !== docName.toLowerCase()) {
        return refuse(CLOSE.unauthorized, 'unknown share link');
      }
      if (link.revoked_at !== null && link.revoked_at !== undefined) {
        return refuse(CLOSE.linkWithdrawn, 'share link withdrawn');
      }
    }
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
