import { type AnyDocName, parseAnyDocName } from './names.ts';

/**
 * A brief share link's signed subject: `<brief document name>~<link id>`. The document name
 * lets the public page open the right room before anything is checked; the link id names the
 * edge's `brief_share_links` row, which is what makes a link revocable. Both are signed
 * (shared/src/access/signed-link.ts), so neither can be swapped.
 */
export function formatBriefShareSubject(docName: string, linkId: string): string {
  return `${docName}~${linkId}`;
}

const LINK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BriefShareSubject {
  docName: string;
  doc: AnyDocName;
  /** Null for the stateless links issued before links could be withdrawn (refused since). */
  linkId: string | null;
}

/**
 * Reads the subject of a brief share token (`<subject>.<exp>.<mac>`) without checking its
 * signature: null unless it names a brief. Only the collab-server's check makes it trusted.
 */
export function parseBriefShareToken(token: string): BriefShareSubject | null {
  const subject = token.split('.')[0] ?? '';
  const [docName = '', linkId, ...rest] = subject.split('~');
  if (rest.length > 0) return null;
  const doc = parseAnyDocName(docName);
  if (doc?.kind !== 'brief') return null;
  if (linkId === undefined) return { docName, doc, linkId: null };
  return LINK_ID.test(linkId) ? { docName, doc, linkId } : null;
}
