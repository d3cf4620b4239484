import { type DocKind, parseAnyDocName } from '../docs/names.ts';
import { hasPermission, type Role } from './permissions.ts';
import { audienceOf, canSeeUnderEvent, canWriteUnderEvent, type EventLink } from './scope.ts';

/** Read-write, read-only, or refused. */
export type DocAccessDecision = 'rw' | 'ro' | 'refuse';

/**
 * Who may do what with one event document, from the one scoping rule: staff read-write (finance
 * read-only); vendors per event access (write → tasks and day-of, brief read-only; read → all
 * read-only); clients read their own event's brief only.
 */
export function decideDocAccess(role: string, link: EventLink, kind: DocKind): DocAccessDecision {
  if (!canSeeUnderEvent(role, link, kind)) return 'refuse';
  return canWriteUnderEvent(role, link, kind) ? 'rw' : 'ro';
}

/**
 * Who may open a lead's brief: staff who may change leads edit it, staff who may read leads
 * read it; nobody outside the company (they reach it through the converted event's name).
 */
export function decideLeadDocAccess(role: string): DocAccessDecision {
  if (audienceOf(role) !== 'internal') return 'refuse';
  if (hasPermission(role as Role, 'leads:write')) return 'rw';
  return hasPermission(role as Role, 'leads:read') ? 'ro' : 'refuse';
}

/**
 * The collab-server's whole decision for a document name: given the user's role and their
 * `event_access` row for the event the name points at (null when none; ignored for lead briefs).
 */
export function decideDocNameAccess(role: string, docName: string, link: EventLink): DocAccessDecision {
  const doc = parseAnyDocName(docName);
  if (!doc) return 'refuse';
  return doc.scope === 'lead' ? decideLeadDocAccess(role) : decideDocAccess(role, link, doc.kind);
}
