import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { hasPermission, type RoutePermission } from '@mandap/shared/access';
import type { MiddlewareHandler } from 'hono';
import { authenticate } from '../middleware/authenticate.ts';
import type { AppEnv } from './context.ts';
import { AppError } from './errors.ts';

/** Marks the middleware that enforces a route's permission; the route-permission test looks for it. */
export const ROUTE_PERMISSION = Symbol.for('mandap.routePermission');

export type PermissionMiddleware = MiddlewareHandler<AppEnv> & { [ROUTE_PERMISSION]: RoutePermission };

/** Deny by default: a route reaches its handler only if the viewer's role holds `permission`. */
export function requirePermission(permission: RoutePermission): PermissionMiddleware {
  const mw: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (permission !== 'public') {
      const viewer = await authenticate(c);
      if (permission !== 'authenticated' && !hasPermission(viewer.role, permission)) {
        throw new AppError('forbidden', `Your role (${viewer.role}) does not allow this: it needs ${permission}.`);
      }
      c.set('viewer', viewer);
    }
    await next();
    // What a signed-in user receives is theirs alone: never kept by a browser or shared cache.
    if (permission !== 'public' && !c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
  };
  return Object.assign(mw, { [ROUTE_PERMISSION]: permission });
}

/**
 * Every API route is declared through here: an OpenAPI route plus the permission it needs,
 * enforced before validation and shown in the OpenAPI document as `x-permission`.
 */
export function defineRoute<
  P extends string,
  R extends Omit<RouteConfig, 'middleware' | 'security' | 'path'> & { path: P },
>(config: R & { permission: RoutePermission }): DefinedRoute<R> {
  const { permission, ...rest } = config;
  return createRoute({
    ...rest,
    middleware: [requirePermission(permission)],
    security: permission === 'public' ? [] : [{ bearerAuth: [] }],
    'x-permission': permission,
  } as RouteConfig) as DefinedRoute<R>;
}

/**
 * A declared route. The path stays a literal type (`P` above): `createRoute` needs it to type the
 * router, and the client's `hc<App>` builds its paths and request/response types from it.
 */
export type DefinedRoute<R> = R & { middleware: PermissionMiddleware[]; getRoutingPath(): string };
