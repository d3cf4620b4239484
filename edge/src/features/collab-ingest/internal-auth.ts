import { timingSafeEqual } from '@mandap/shared/access';
import { collabInternalSecret } from '@mandap/shared/collab';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';

const encoder = new TextEncoder();

/**
 * The collab-server's internal routes: no user, one shared secret (`Authorization: Bearer …`),
 * COLLAB_INTERNAL_SECRET when set, else a key derived from JWT_SECRET for this purpose only.
 */
export const requireCollabSecret: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { env } = c.get('deps');
  const expected = await collabInternalSecret(env.JWT_SECRET, env.COLLAB_INTERNAL_SECRET);
  const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  if (!given || !timingSafeEqual(encoder.encode(given), encoder.encode(expected))) {
    throw new AppError('unauthenticated', 'This route is for the collab-server only: send its internal secret.');
  }
  await next();
};
