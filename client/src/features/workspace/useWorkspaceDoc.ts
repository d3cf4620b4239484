import { decideDocAccess, decideLeadDocAccess } from '@mandap/shared/access';
import { colorFor } from '@mandap/shared/collab';
import { parseAnyDocName } from '@mandap/shared/docs';
import { useMemo } from 'react';
import { useMe } from '../auth/useSession.ts';
import type { PresenceUser } from './collab/presence.ts';
import { type OpenAs, useSharedDoc } from './collab/useSharedDoc.ts';

/** Whether a role may edit a document, by the shared rule (external users' event access is the server's to check). */
export function canEditDoc(role: string, docName: string): boolean {
  const parsed = parseAnyDocName(docName);
  if (!parsed) return false;
  const decision =
    parsed.scope === 'lead' ? decideLeadDocAccess(role) : decideDocAccess(role, { access: 'write' }, parsed.kind);
  return decision === 'rw';
}

/**
 * One shared document (`event:<id>:…` or `lead:<id>:brief`), opened as the signed-in person,
 * with whether they may edit it. The server enforces access either way.
 */
export function useWorkspaceDoc(docName: string) {
  const me = useMe();
  const presence = useMemo<PresenceUser>(
    () => ({ id: me.id, name: me.name, color: colorFor(me.id) }),
    [me.id, me.name],
  );
  const openAs = useMemo<OpenAs>(() => ({ kind: 'session', me: presence }), [presence]);
  const shared = useSharedDoc(docName, openAs);
  return { shared, readOnly: !canEditDoc(me.role, docName), me: presence };
}
