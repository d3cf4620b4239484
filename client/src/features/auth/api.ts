import { call, edge, publicEdge } from '../../api/rpc.ts';
import { finishPendingLogout, setSession } from '../../api/session.ts';

const open = publicEdge.auth;

export async function login(email: string, password: string) {
  // A sign-out made offline on this device is finished first, so it cannot end this new session later.
  await finishPendingLogout();
  const session = await call(open.login.$post({ json: { email, password } }));
  setSession(session);
  return session;
}

export function requestPasswordReset(email: string) {
  return call(open['password-reset'].request.$post({ json: { email } }));
}

/** A client asks for a one-time sign-in link to their event page (same answer for any address). */
export function requestClientSignInLink(email: string) {
  return call(publicEdge.portal['sign-in'].request.$post({ json: { email } }));
}

export function confirmPasswordReset(token: string, newPassword: string) {
  return call(open['password-reset'].confirm.$post({ json: { token, newPassword } }));
}

export function acceptInvite(token: string, newPassword: string) {
  return call(open.invite.accept.$post({ json: { token, newPassword } }));
}

/** Changes the password; the server answers with a new session for this device, which replaces the old one. */
export async function changePassword(currentPassword: string, newPassword: string) {
  const session = await call(edge.auth.password.$post({ json: { currentPassword, newPassword } }));
  setSession(session);
  return session;
}
