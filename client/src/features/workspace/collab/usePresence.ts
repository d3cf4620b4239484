import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { PresenceUser } from './presence.ts';

/** Everyone with this document open (one entry per person, however many tabs), self included. */
export function usePresence(provider: WebsocketProvider | null): PresenceUser[] {
  const [people, setPeople] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!provider) return;
    const read = () => {
      const byId = new Map<string, PresenceUser>();
      for (const state of provider.awareness.getStates().values()) {
        const user = (state as { user?: PresenceUser }).user;
        if (user?.id && !byId.has(user.id)) byId.set(user.id, user);
      }
      setPeople([...byId.values()]);
    };
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);
  return people;
}

/** Tells the others what this person is looking at (a checklist, a task). */
export function setFocus(provider: WebsocketProvider | null, focus: string | null): void {
  const user = provider?.awareness.getLocalState()?.user as PresenceUser | undefined;
  if (provider && user) provider.awareness.setLocalStateField('user', { ...user, focus });
}
