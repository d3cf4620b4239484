import { z } from '@hono/zod-openapi';
import { jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';

export const ZHealth = z.object({ status: z.literal('ok'), runtime: z.string(), time: z.string() });

const health = defineRoute({
  method: 'get',
  path: '/',
  permission: 'public',
  summary: 'Liveness: answers without touching the database',
  responses: { 200: jsonResponse(ZHealth, 'Up.') },
});

/** Which runtime answered, so the cross-runtime tests can tell Node, Deno and workerd apart. */
function runtimeName(): string {
  const g = globalThis as { Deno?: unknown; navigator?: { userAgent?: string } };
  if (g.Deno) return 'deno';
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  return 'node';
}

export const healthRoutes = createRouter().openapi(health, (c) =>
  c.json({ status: 'ok' as const, runtime: runtimeName(), time: new Date().toISOString() }, 200),
);
