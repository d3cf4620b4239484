import { type DocKind, decideDocAccess } from '@mandap/shared/docs';
import { useMemo } from 'react';
import { useMe } from '../auth/useSession.ts';
import { colorFor, type PresenceUser } from './collab/presence.ts';
import { useSharedDoc } from './collab/useSharedDoc.ts';

/**
 * One of the event's shared documents, opened as the signed-in person, with whether they may
 * edit it. External users' event access is not known here; the server enforces it either way.
 */
export function useWorkspaceDoc(eventId: string, kind: DocKind) {
  const me = useMe();
  const presence = useMemo<PresenceUser>(
    () => ({ id: me.id, name: me.name, color: colorFor(me.id) }),
    [me.id, me.name],
  );
  const shared = useSharedDoc(eventId, kind, presence);
  const readOnly = decideDocAccess(me.role, { access: 'write' }, kind) !== 'rw';
  return { shared, readOnly, me: presence };
}
