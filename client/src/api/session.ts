import type { Session } from '@mandap/shared';
import { errorFromResponse } from './errors.ts';
import { asSession } from './guards.ts';

/**
 * The access token lives only in memory. The refresh token is an HttpOnly cookie the
 * browser sends to /api/auth; on load we trade it for a session, and again shortly
 * before each access token expires.
 */
export type SessionState =
  | { status: 'loading'; session: null }
  | { status: 'anonymous'; session: null }
  | { status: 'authenticated'; session: Session };

let state: SessionState = { status: 'loading', session: null };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<Session | null> | null = null;

/** Refresh this long before the access token expires. */
const REFRESH_LEAD_MS = 60_000;

export function getSessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSession(session: Session | null): void {
  clearTimeout(refreshTimer);
  state = session ? { status: 'authenticated', session } : { status: 'anonymous', session: null };
  if (session) scheduleRefresh(session);
  for (const l of listeners) l();
}

export function accessToken(): string | null {
  return state.session?.accessToken ?? null;
}

function scheduleRefresh(session: Session): void {
  const expires = Date.parse(session.expiresAt);
  if (Number.isNaN(expires)) return;
  const delay = Math.max(5_000, expires - Date.now() - REFRESH_LEAD_MS);
  refreshTimer = setTimeout(() => {
    void refreshSession();
  }, delay);
}

/** Trades the refresh cookie for a new session. Concurrent callers share one request. */
export function refreshSession(): Promise<Session | null> {
  inflight ??= doRefresh().finally(() => {
    inflight = null;
  });
  return inflight;
}

async function doRefresh(): Promise<Session | null> {
  let res: Response;
  try {
    res = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'include' });
  } catch {
    // Offline: keep a live session if we have one; otherwise we cannot restore one.
    if (state.status === 'loading') setSession(null);
    return state.session;
  }
  if (!res.ok) {
    if (res.status !== 401) console.warn('session refresh failed', (await errorFromResponse(res)).message);
    setSession(null);
    return null;
  }
  const session = asSession(await res.json().catch(() => null));
  if (!session) console.error('refresh answered with an unexpected body');
  setSession(session);
  return session;
}

/** Signs out on the server (revokes the refresh token, clears the cookie) and forgets the session here. */
export async function endSession(): Promise<void> {
  const token = accessToken();
  try {
    await fetch('/api/auth/logout', {
      method: 'POST',
      credentials: 'include',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } finally {
    setSession(null);
  }
}
