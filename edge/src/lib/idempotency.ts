import { and, eq } from 'drizzle-orm';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Tx } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import type { AppContext, Deps } from './context.ts';
import { sha256Hex } from './crypto.ts';
import { AppError } from './errors.ts';

/** A claim older than this is taken to be from a crashed request and may be taken over. */
const STALE_CLAIM_MS = 60_000;
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,200}$/;

export interface Reply<T = unknown> {
  status: ContentfulStatusCode;
  body: T;
}

/** The request's Idempotency-Key header; a money-moving write without one is refused. */
export function idempotencyKeyOf(c: AppContext): string {
  const key = c.req.header('idempotency-key')?.trim();
  if (!key)
    throw new AppError(
      'validation_failed',
      'This write moves money: send an Idempotency-Key header (a fresh UUID per payment, reused on retry).',
      { fields: { 'Idempotency-Key': 'required' } },
    );
  if (!KEY_FORMAT.test(key))
    throw new AppError('validation_failed', 'The Idempotency-Key must be 8–200 letters, digits or - _ . :', {
      fields: { 'Idempotency-Key': 'bad format' },
    });
  return key;
}

/**
 * Runs a money-moving write at most once per (scope, key), in ONE transaction and so one
 * fsynced commit: the key is claimed by the transaction's first statement, the work runs,
 * the reply is stored, and all of it commits (or rolls back) together. SQLite has one writer
 * at a time, so a concurrent duplicate waits for the first to settle and then gets its
 * stored reply; it never sees a half-done claim. The same key with another request is a 422.
 * A claim left `in_progress` by the older two-commit scheme (a crash between its commits)
 * is taken over once stale, and answered 409 until then.
 */
export async function runIdempotent<T>(
  deps: Deps,
  opts: { scope: string; key: string; request: unknown },
  work: (tx: Tx) => Promise<Reply<T>>,
): Promise<Reply<T> & { replayed: boolean }> {
  const requestHash = await sha256Hex(JSON.stringify(opts.request));
  const where = and(eq(idempotencyKeys.scope, opts.scope), eq(idempotencyKeys.key, opts.key));
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ scope: opts.scope, key: opts.key, requestHash, state: 'in_progress', createdAt: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [row] = await tx.select().from(idempotencyKeys).where(where);
      if (!row) throw new AppError('idempotency_in_progress', 'That Idempotency-Key is being released; retry.');
      if (row.requestHash !== requestHash)
        throw new AppError(
          'idempotency_mismatch',
          'This Idempotency-Key was already used for a different request. Use a new key for a new payment.',
        );
      if (row.state === 'done')
        return {
          status: row.responseStatus as ContentfulStatusCode,
          body: JSON.parse(row.responseBody!) as T,
          replayed: true,
        };
      const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
      if (row.createdAt >= stale)
        throw new AppError(
          'idempotency_in_progress',
          'The same request is still being processed. Wait a moment and retry with the same key.',
          { headers: { 'retry-after': '1' } },
        );
    }
    const r = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({
        state: 'done',
        responseStatus: r.status,
        responseBody: JSON.stringify(r.body),
        createdAt: now.toISOString(),
      })
      .where(where);
    return { ...r, replayed: false };
  });
}

/** {@link runIdempotent} for a route: scoped to the route and the signed-in user; answers JSON. */
export async function idempotentJson<T>(
  c: AppContext,
  opts: { scope: string; request: unknown },
  work: (tx: Tx) => Promise<Reply<T>>,
) {
  const viewer = c.get('viewer');
  const key = idempotencyKeyOf(c);
  const r = await runIdempotent(
    c.get('deps'),
    { ...opts, key, scope: `${opts.scope}:${viewer?.id ?? 'public'}` },
    work,
  );
  if (r.replayed) c.header('idempotent-replayed', 'true');
  return c.json(r.body as never, r.status as never);
}
