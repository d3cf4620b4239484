import { PERMISSIONS } from '@mandap/shared/access';
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Deps } from './context.ts';
import { ROUTE_PERMISSION } from './route.ts';

type RouteEntry = Hono['routes'][number];

/**
 * Every route the app registers, grouped by method and path. Middleware mounted with
 * `use` shows up with method ALL; those are not routes.
 */
function registeredRoutes(app: { routes: RouteEntry[] }) {
  const byRoute = new Map<string, RouteEntry[]>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), r]);
  }
  return byRoute;
}

function declaredPermission(handlers: RouteEntry[]): string | undefined {
  for (const h of handlers) {
    const p = (h.handler as unknown as Record<symbol, string>)[ROUTE_PERMISSION];
    if (p) return p;
  }
  return undefined;
}

const app = createApp(() => ({}) as Deps);

describe('route permissions', () => {
  it('every registered route declares the permission it needs', () => {
    const routes = registeredRoutes(app);
    expect(routes.size).toBeGreaterThan(10);
    const missing = [...routes].filter(([, hs]) => !declaredPermission(hs)).map(([k]) => k);
    expect(missing, `routes without a declared permission: ${missing.join(', ')}`).toEqual([]);
  });

  it('every declared permission is a known one', () => {
    const known = new Set<string>([...PERMISSIONS, 'public', 'authenticated']);
    for (const [key, hs] of registeredRoutes(app)) expect(known.has(declaredPermission(hs)!), key).toBe(true);
  });

  it('catches a route added without a permission', () => {
    const extended = createApp(() => ({}) as Deps);
    extended.get('/api/sneaky', (c) => c.text('no permission here'));
    const missing = [...registeredRoutes(extended)].filter(([, hs]) => !declaredPermission(hs)).map(([k]) => k);
    expect(missing).toEqual(['GET /api/sneaky']);
  });

  it('only the sign-in flow, health, webhooks and docs are public', () => {
    const publicRoutes = [...registeredRoutes(app)]
      .filter(([, hs]) => declaredPermission(hs) === 'public')
      .map(([k]) => k)
      .sort();
    expect(publicRoutes).toEqual([
      'GET /api/calendar/feed/:file',
      'GET /api/config',
      'GET /api/docs',
      'GET /api/health',
      'GET /api/intake/meta',
      // Internal (collab-server): no user; the shared internal secret is checked first.
      'GET /api/internal/collab/access-changes',
      'GET /api/openapi.json',
      'GET /api/portal/:token',
      'GET /api/portal/:token/documents/:id/pdf',
      'GET /api/portal/:token/receipts/:id/pdf',
      'GET /api/portal/:token/stream',
      // A vendor's PO share link (signed, expiring, revocable): see, download, accept.
      'GET /api/public/po/:token',
      'GET /api/public/po/:token/pdf',
      'GET /api/public/quotes/:token',
      'GET /api/public/quotes/:token/pdf',
      'GET /api/webhooks/whatsapp',
      'POST /api/auth/invite/accept',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/password-reset/confirm',
      'POST /api/auth/password-reset/request',
      'POST /api/auth/refresh',
      'POST /api/intake/google',
      'POST /api/intake/meta',
      'POST /api/intake/website',
      'POST /api/internal/collab/projections',
      // A client's one-time sign-in link: asked for by email, traded for a session.
      'POST /api/portal/sign-in/redeem',
      'POST /api/portal/sign-in/request',
      'POST /api/public/po/:token/accept',
      'POST /api/public/quotes/:token/accept',
      'POST /api/public/quotes/:token/decline',
      'POST /api/public/quotes/:token/request-changes',
      'POST /api/webhooks/razorpay',
      'POST /api/webhooks/stripe',
      'POST /api/webhooks/whatsapp',
      // Interakt's deliveries, checked by their HMAC signature before anything is read.
      'POST /api/webhooks/whatsapp/interakt',
    ]);
  });
});
