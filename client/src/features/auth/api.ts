import { ZOk, ZSession } from '@mandap/shared';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { finishPendingLogout, setSession } from '../../api/session.ts';

const ZAccepted = z.object({ ok: z.boolean() }).passthrough();

export async function login(email: string, password: string) {
  // A sign-out made offline on this device is finished first, so it cannot end this new session later.
  await finishPendingLogout();
  const session = await api('/api/auth/login', {
    method: 'POST',
    body: { email, password },
    schema: ZSession,
    auth: false,
  });
  setSession(session);
  return session;
}

export function requestPasswordReset(email: string) {
  return api('/api/auth/password-reset/request', { method: 'POST', body: { email }, schema: ZAccepted, auth: false });
}

/** A client asks for a one-time sign-in link to their event page (same answer for any address). */
export function requestClientSignInLink(email: string) {
  return api('/api/portal/sign-in/request', { method: 'POST', body: { email }, schema: ZAccepted, auth: false });
}

export function confirmPasswordReset(token: string, newPassword: string) {
  return api('/api/auth/password-reset/confirm', {
    method: 'POST',
    body: { token, newPassword },
    schema: ZOk,
    auth: false,
  });
}

export function acceptInvite(token: string, newPassword: string) {
  return api('/api/auth/invite/accept', { method: 'POST', body: { token, newPassword }, schema: ZOk, auth: false });
}

export function changePassword(currentPassword: string, newPassword: string) {
  return api('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword }, schema: ZOk });
}
