import type { Session } from '@mandap/shared/auth';
import { edgePath } from './edge-path.ts';
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
  | { status: 'authenticated'; session: Session; offline?: boolean };

/**
 * Who was signed in on this device last (profile only, never a token), so the app opens
 * with no network — in a basement banquet hall — and shows the documents cached offline.
 * It is forgotten on sign-out and whenever the server says the session has ended.
 */
const LAST_USER_KEY = 'mandap.lastUser';

function rememberUser(session: Session | null): void {
  try {
    if (session) localStorage.setItem(LAST_USER_KEY, JSON.stringify(session.user));
    else localStorage.removeItem(LAST_USER_KEY);
  } catch {
    // Storage can be unavailable (private mode); the app then simply needs the network to open.
  }
}

function offlineSession(): Session | null {
  try {
    const raw = localStorage.getItem(LAST_USER_KEY);
    const user = raw ? (JSON.parse(raw) as Session['user']) : null;
    if (!user?.id || !user.role) return null;
    return { accessToken: '', expiresAt: new Date(0).toISOString(), user };
  } catch {
    return null;
  }
}

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
  rememberUser(session);
  if (session) scheduleRefresh(session);
  notify();
}

function notify(): void {
  for (const l of listeners) l();
}

/** Opens the app for the last user with no token while the network is down; a real session follows when it returns. */
function startOffline(session: Session): void {
  state = { status: 'authenticated', session, offline: true };
  window.addEventListener('online', () => void refreshSession(), { once: true });
  notify();
}

export function accessToken(): string | null {
  return state.session?.accessToken || null;
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

/**
 * A sign-out made with no network could not revoke the refresh cookie on the server; on a shared
 * device the next load would restore that session. The sign-out is finished before anything else.
 */
const PENDING_LOGOUT_KEY = 'mandap.pendingLogout';

function pendingLogout(on?: boolean): boolean {
  try {
    if (on === true) localStorage.setItem(PENDING_LOGOUT_KEY, '1');
    if (on === false) localStorage.removeItem(PENDING_LOGOUT_KEY);
    return localStorage.getItem(PENDING_LOGOUT_KEY) === '1';
  } catch {
    return false;
  }
}

/** Revokes the cookie of a sign-out made offline, if one is pending; true when none is left pending. */
export async function finishPendingLogout(): Promise<boolean> {
  if (!pendingLogout()) return true;
  try {
    const out = await fetch(edgePath('/api/auth/logout'), { method: 'POST', credentials: 'include' });
    if (out.ok) pendingLogout(false);
  } catch {
    // Still offline.
  }
  return !pendingLogout();
}

async function doRefresh(): Promise<Session | null> {
  if (pendingLogout()) {
    // Nobody is signed in until the sign-out has reached the server.
    await finishPendingLogout();
    setSession(null);
    return null;
  }
  let res: Response;
  try {
    res = await fetch(edgePath('/api/auth/refresh'), { method: 'POST', credentials: 'include' });
  } catch {
    // Offline: keep a live session if we have one, else open for the last user on this device.
    if (state.status === 'loading') {
      const cached = offlineSession();
      if (cached) startOffline(cached);
      else setSession(null);
    }
    return state.status === 'authenticated' && !state.offline ? state.session : null;
  }
  // 204: no refresh cookie, nobody signed in on this browser (answered without an error status).
  if (res.status === 204) {
    setSession(null);
    return null;
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
    const res = await fetch(edgePath('/api/auth/logout'), {
      method: 'POST',
      credentials: 'include',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    pendingLogout(!res.ok);
  } catch {
    // No network: finish revoking the cookie on the next load or sign-in.
    pendingLogout(true);
  } finally {
    setSession(null);
  }
}
