import type { Me } from '@mandap/shared/auth';
import { useSyncExternalStore } from 'react';
import { getSessionState, type SessionState, subscribeSession } from '../../api/session.ts';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState);
}

/** The signed-in user. Only call below RequireAuth. */
export function useMe(): Me {
  const s = useSession();
  if (s.status !== 'authenticated') throw new Error('useMe called without a session');
  return s.session.user;
}
