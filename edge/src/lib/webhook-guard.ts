import type { MiddlewareHandler } from 'hono';
import { type AppEnv, clientIpOf } from './context.ts';
import { sha256Hex } from './crypto.ts';
import { AppError } from './errors.ts';
import { hitRateLimit } from './rate-limit.ts';

/** How much of an unverified delivery's body the inbox keeps. */
export const UNVERIFIED_EXCERPT_CHARS = 2048;

/**
 * What the webhook inbox stores of a delivery's body. A verified delivery (or one the caller vouches
 * for, like a schema-checked form) is kept whole for replay; an unsigned or badly signed one keeps
 * only a capped excerpt, with its size and SHA-256 in the headers, so these endpoints cannot be used
 * to fill the disk.
 */
export async function inboxBody(
  body: string,
  keepWhole: boolean,
  headers: Record<string, string>,
): Promise<{ body: string; headers: Record<string, string> }> {
  if (keepWhole || body.length <= UNVERIFIED_EXCERPT_CHARS) return { body, headers };
  return {
    body: body.slice(0, UNVERIFIED_EXCERPT_CHARS),
    headers: {
      ...headers,
      'x-mandap-body-excerpt': `first ${UNVERIFIED_EXCERPT_CHARS} of ${body.length} characters`,
      'x-mandap-body-sha256': await sha256Hex(body),
    },
  };
}

/**
 * Per-source limit on webhook endpoints: each client address (lib/client-ip) may deliver at most
 * `WEBHOOK_MAX_PER_MINUTE` requests a minute to one endpoint; more answer 429 (providers retry).
 */
export const limitWebhooks: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const ip = clientIpOf(c);
  if (ip) {
    const deps = c.get('deps');
    const wait = await hitRateLimit(
      deps.db,
      `webhook:${c.req.path}:${ip}`,
      deps.env.WEBHOOK_MAX_PER_MINUTE,
      60_000,
      deps.now(),
    );
    if (wait > 0)
      throw new AppError('too_many_attempts', `Too many deliveries from ${ip}. Try again in ${wait} seconds.`, {
        headers: { 'retry-after': String(wait) },
      });
  }
  return next();
};
