import { createApp } from './app.ts';
import { createDb } from './db/client.ts';
import { type Env, parseEnv } from './env.ts';
import { tick } from './jobs/tick.ts';
import type { Deps } from './lib/context.ts';
import { createLogger } from './lib/logger.ts';

/**
 * Cloudflare Workers entry (`main` in wrangler.toml). Nothing here may import node:fs or
 * bootstrap.ts: the database is migrated ahead of deploy with `npm run db:migrate`
 * against the remote libSQL server, never at runtime.
 */

/** The bits of the Workers ExecutionContext we use; avoids a dependency on @cloudflare/workers-types. */
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** Bindings: [vars] from wrangler.toml plus secrets (JWT_SECRET, DATABASE_AUTH_TOKEN). */
type Bindings = Record<string, unknown>;

/** The web build of @libsql/client (what workerd resolves) speaks only these schemes. */
const REMOTE_SCHEMES = ['libsql:', 'http:', 'https:', 'ws:', 'wss:'];

export function workerEnv(bindings: Bindings): Env {
  // Only string bindings are configuration; KV/D1/service bindings would be objects.
  const raw = Object.fromEntries(
    Object.entries(bindings).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const env = parseEnv(raw);
  const scheme = env.DATABASE_URL.slice(0, env.DATABASE_URL.indexOf(':') + 1);
  if (!REMOTE_SCHEMES.includes(scheme)) {
    throw new Error(
      `DATABASE_URL must be a libSQL server URL (${REMOTE_SCHEMES.join(' ')}) on Workers, not "${scheme}": ` +
        'a Worker has no file system. Set it in wrangler.toml [vars] or with `wrangler secret put DATABASE_URL`.',
    );
  }
  return env;
}

async function buildDeps(bindings: Bindings): Promise<Deps> {
  const env = workerEnv(bindings);
  const db = await createDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  return { db, env, now: () => new Date(), log: createLogger(env.LOG_LEVEL) };
}

// Built once per isolate: bindings do not change for an isolate's lifetime, and the
// libSQL client keeps its HTTP connection warm across requests.
let deps: Promise<Deps> | undefined;
let app: ReturnType<typeof createApp> | undefined;

export default {
  async fetch(request: Request, bindings: Bindings, _ctx: ExecutionContext): Promise<Response> {
    deps ??= buildDeps(bindings);
    try {
      await deps;
    } catch (err) {
      // Do not keep a failed build: the next request tries again and logs again.
      deps = undefined;
      console.error(err instanceof Error ? err.message : String(err));
      return Response.json(
        { error: { code: 'internal', message: 'The API is misconfigured; the Worker logs say why.' } },
        { status: 500 },
      );
    }
    const ready = deps;
    app ??= createApp(() => ready);
    // The visitor's address as Cloudflare saw it (it overwrites any CF-Connecting-IP a visitor sends).
    return app.fetch(request, { cfConnectingIp: request.headers.get('cf-connecting-ip') });
  },
  /** The cron trigger ([triggers] crons in wrangler.toml): the same idempotent job tick as Node and Deno. */
  async scheduled(controller: { scheduledTime: number }, bindings: Bindings, ctx: ExecutionContext): Promise<void> {
    deps ??= buildDeps(bindings);
    const ready = await deps;
    ctx.waitUntil(tick(ready, new Date(controller.scheduledTime)));
  },
};
