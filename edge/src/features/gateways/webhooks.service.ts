import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { webhookInbox } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { logDelivery } from './inbox.ts';

export interface Delivery {
  provider: 'razorpay' | 'stripe';
  /** Why the delivery is refused before any effect (bad signature, no secret); null when verified. */
  rejection: string | null;
  providerEventId: string | null;
  raw: string;
  headers: Record<string, string>;
  /** The effect, inside the transaction that also records the delivery; returns a note for the inbox. */
  apply: (tx: Tx) => Promise<string>;
}

/**
 * An inbox line on its own: written in a (short) transaction so it takes its turn with the
 * other writers in this process instead of waiting on a busy lock (see db/client.ts).
 */
const logAlone = (deps: Deps, line: Parameters<typeof logDelivery>[1]) =>
  deps.db.transaction((tx) => logDelivery(tx, line));

export type DeliveryReply = { status: 200 | 401 | 422; body: { ok: boolean; status: string; reason?: string } };

/**
 * Takes one webhook delivery: refused ones get an inbox line saying why and a 4xx; a repeat
 * of a processed event id is a duplicate (200, no effect); otherwise the effect and its
 * inbox line commit together. An effect refused (unknown link, wrong currency) rolls back
 * and the inbox says why.
 */
export async function receiveDelivery(deps: Deps, d: Delivery): Promise<DeliveryReply> {
  const at = deps.now();
  const line = { provider: d.provider, headers: d.headers, body: d.raw, at };
  if (d.rejection) {
    await logAlone(deps, {
      ...line,
      providerEventId: null,
      signatureValid: false,
      status: 'rejected',
      reason: d.rejection,
    });
    return { status: 401, body: { ok: false, status: 'rejected', reason: d.rejection } };
  }
  if (!d.providerEventId) {
    const reason = 'no event id: cannot de-duplicate, refused';
    await logAlone(deps, { ...line, providerEventId: null, signatureValid: true, status: 'rejected', reason });
    return { status: 422, body: { ok: false, status: 'rejected', reason } };
  }
  const eventId = d.providerEventId;
  try {
    const note = await deps.db.transaction(async (tx) => {
      const [seen] = await tx
        .select({ id: webhookInbox.id })
        .from(webhookInbox)
        .where(and(eq(webhookInbox.provider, d.provider), eq(webhookInbox.providerEventId, eventId)));
      if (seen) return null;
      await logDelivery(tx, {
        ...line,
        providerEventId: eventId,
        signatureValid: true,
        status: 'processed',
        reason: null,
      });
      const note = await d.apply(tx);
      await tx
        .update(webhookInbox)
        .set({ reason: note })
        .where(and(eq(webhookInbox.provider, d.provider), eq(webhookInbox.providerEventId, eventId)));
      return note;
    });
    if (note === null) {
      const reason = `duplicate of ${eventId}: already processed, no effect`;
      await logAlone(deps, { ...line, providerEventId: null, signatureValid: true, status: 'duplicate', reason });
      return { status: 200, body: { ok: true, status: 'duplicate' } };
    }
    return { status: 200, body: { ok: true, status: 'processed', reason: note } };
  } catch (err) {
    if (!(err instanceof AppError)) {
      await logAlone(deps, {
        ...line,
        providerEventId: null,
        signatureValid: true,
        status: 'failed',
        reason: String(err),
      });
      throw err;
    }
    await logAlone(deps, {
      ...line,
      providerEventId: null,
      signatureValid: true,
      status: 'rejected',
      reason: err.message,
    });
    return { status: 422, body: { ok: false, status: 'rejected', reason: err.message } };
  }
}
