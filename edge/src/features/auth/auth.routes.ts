import {
  ZChangePassword,
  ZLoginRequest,
  ZMe,
  ZPasswordResetRequest,
  ZSession,
  ZTokenWithPassword,
} from '@mandap/shared/auth';
import { ZOk } from '@mandap/shared/common';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type AppContext, originOf, viewerOf } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import * as auth from './auth.service.ts';

const COOKIE = 'mandap_refresh';
const COOKIE_PATH = '/api/auth';

export function answerWithSession(c: AppContext, session: auth.IssuedSession) {
  const { env } = c.get('deps');
  setCookie(c, COOKIE, session.refreshToken, {
    httpOnly: true,
    secure: env.COOKIE_SECURE,
    sameSite: 'Strict',
    path: COOKIE_PATH,
    maxAge: env.REFRESH_TOKEN_TTL_DAYS * 86_400,
  });
  const { refreshToken: _, ...body } = session;
  c.header('Cache-Control', 'no-store');
  return c.json(body, 200);
}

/**
 * Refresh and logout act on the cookie, so beyond SameSite they accept a browser's request only
 * from our own origin (the request's, PUBLIC_URL's, or a CORS_ORIGINS entry). No Origin header:
 * not a browser's cross-site request.
 */
function assertOwnOrigin(c: AppContext) {
  const origin = c.req.header('origin');
  if (!origin) return;
  const { env } = c.get('deps');
  const own = [
    new URL(c.req.url).origin,
    new URL(env.PUBLIC_URL).origin,
    ...env.CORS_ORIGINS.split(',').filter(Boolean),
  ];
  if (!own.includes(origin))
    throw new AppError('forbidden', 'This request came from another site; sign in here instead.');
}

const login = defineRoute({
  method: 'post',
  path: '/login',
  permission: 'public',
  summary: 'Sign in with email and password',
  request: { body: jsonBody(ZLoginRequest) },
  responses: {
    200: jsonResponse(ZSession, 'Signed in; the refresh token is set as an HttpOnly cookie.'),
    ...errorResponses,
    429: jsonResponse(ZSession, 'Too many failed attempts; see Retry-After.'),
  },
});

const refresh = defineRoute({
  method: 'post',
  path: '/refresh',
  permission: 'public',
  summary: 'Trade the refresh cookie for a new access token (rotates the cookie)',
  responses: {
    200: jsonResponse(ZSession, 'A fresh session.'),
    204: { description: 'No refresh cookie: nobody is signed in on this browser.' },
    ...errorResponses,
  },
});

const logout = defineRoute({
  method: 'post',
  path: '/logout',
  permission: 'public',
  summary: 'Sign out: revokes the refresh token family and clears the cookie',
  responses: { 200: jsonResponse(ZOk, 'Signed out.') },
});

const me = defineRoute({
  method: 'get',
  path: '/me',
  permission: 'authenticated',
  summary: 'The signed-in user and their permissions',
  responses: { 200: jsonResponse(ZMe, 'The signed-in user.'), ...errorResponses },
});

const changePassword = defineRoute({
  method: 'post',
  path: '/password',
  permission: 'authenticated',
  summary: 'Change your password; other sessions end',
  request: { body: jsonBody(ZChangePassword) },
  responses: { 200: jsonResponse(ZSession, 'Changed; a new session for this device.'), ...errorResponses },
});

const requestReset = defineRoute({
  method: 'post',
  path: '/password-reset/request',
  permission: 'public',
  summary: 'Send a password reset link (queued in the notification outbox)',
  request: { body: jsonBody(ZPasswordResetRequest) },
  responses: { 202: jsonResponse(ZOk, 'Accepted, whether or not the email has an account.'), ...errorResponses },
});

const confirmReset = defineRoute({
  method: 'post',
  path: '/password-reset/confirm',
  permission: 'public',
  summary: 'Set a new password from a reset link',
  request: { body: jsonBody(ZTokenWithPassword) },
  responses: { 200: jsonResponse(ZOk, 'Password set.'), ...errorResponses },
});

const acceptInvite = defineRoute({
  method: 'post',
  path: '/invite/accept',
  permission: 'public',
  summary: 'Accept an invite by choosing a password',
  request: { body: jsonBody(ZTokenWithPassword) },
  responses: { 200: jsonResponse(ZOk, 'Account active.'), ...errorResponses },
});

export const authRoutes = createRouter()
  .openapi(login, async (c) => answerWithSession(c, await auth.login(c.get('deps'), c.req.valid('json'), originOf(c))))
  .openapi(refresh, async (c) => {
    assertOwnOrigin(c);
    const cookie = getCookie(c, COOKIE);
    // No cookie: nobody to restore (a sign-in page on load). Not an error, so the browser logs none.
    if (!cookie) {
      c.header('Cache-Control', 'no-store');
      return c.body(null, 204);
    }
    return answerWithSession(c, await auth.refresh(c.get('deps'), cookie, originOf(c)));
  })
  .openapi(logout, async (c) => {
    assertOwnOrigin(c);
    await auth.logout(c.get('deps'), getCookie(c, COOKIE));
    deleteCookie(c, COOKIE, { path: COOKIE_PATH, secure: c.get('deps').env.COOKIE_SECURE });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(me, async (c) => c.json(await auth.getMe(c.get('deps'), viewerOf(c).id), 200))
  .openapi(changePassword, async (c) =>
    answerWithSession(c, await auth.changePassword(c.get('deps'), viewerOf(c).id, c.req.valid('json'), originOf(c))),
  )
  .openapi(requestReset, async (c) => {
    await auth.requestPasswordReset(c.get('deps'), c.req.valid('json').email);
    return c.json({ ok: true as const }, 202);
  })
  .openapi(confirmReset, async (c) => {
    await auth.redeemLinkToken(c.get('deps'), 'password_reset', c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(acceptInvite, async (c) => {
    await auth.redeemLinkToken(c.get('deps'), 'invite', c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
