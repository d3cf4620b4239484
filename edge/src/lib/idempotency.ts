import { and, eq, lt } from 'drizzle-orm';
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

function isUniqueViolation(err: unknown): boolean {
  const text = String((err as { cause?: unknown })?.cause ?? '') + String(err);
  return text.includes('UNIQUE constraint failed');
}

/**
 * Runs a money-moving write at most once per (scope, key). The same key with the same
 * request returns the stored reply; with another request it is a 422; while the first is
 * still running it is a 409. The reply is stored in the write's own transaction, so a
 * crash leaves either both or neither; a failed write releases the key for a retry.
 */
export async function runIdempotent<T>(
  deps: Deps,
  opts: { scope: string; key: string; request: unknown },
  work: (tx: Tx) => Promise<Reply<T>>,
): Promise<Reply<T> & { replayed: boolean }> {
  const requestHash = await sha256Hex(JSON.stringify(opts.request));
  const where = and(eq(idempotencyKeys.scope, opts.scope), eq(idempotencyKeys.key, opts.key));
  const now = deps.now();
  try {
    await deps.db.insert(idempotencyKeys).values({
      scope: opts.scope,
      key: opts.key,
      requestHash,
      state: 'in_progress',
      createdAt: now.toISOString(),
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const [row] = await deps.db.select().from(idempotencyKeys).where(where);
    if (!row) throw new AppError('idempotency_in_progress', 'That Idempotency-Key is being released; retry.');
    if (row.requestHash !== requestHash)
      throw new AppError(
        'idempotency_mismatch',
        'This Idempotency-Key was already used for a different request. Use a new key for a new payment.',
      );
    if (row.state === 'done')
      return {
        status: row.responseStatus as ContentfulStatusCode,
        body: JSON.parse(row.responseBody!),
        replayed: true,
      };
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    const taken = await deps.db
      .update(idempotencyKeys)
      .set({ createdAt: now.toISOString() })
      .where(and(where, eq(idempotencyKeys.state, 'in_progress'), lt(idempotencyKeys.createdAt, stale)))
      .returning();
    if (taken.length === 0)
      throw new AppError(
        'idempotency_in_progress',
        'The same request is still being processed. Wait a moment and retry with the same key.',
        { headers: { 'retry-after': '1' } },
      );
  }
  try {
    const reply = await deps.db.transaction(async (tx) => {
      const r = await work(tx);
      await tx
        .update(idempotencyKeys)
        .set({ state: 'done', responseStatus: r.status, responseBody: JSON.stringify(r.body) })
        .where(where);
      return r;
    });
    return { ...reply, replayed: false };
  } catch (err) {
    await deps.db.delete(idempotencyKeys).where(and(where, eq(idempotencyKeys.state, 'in_progress')));
    throw err;
  }
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
