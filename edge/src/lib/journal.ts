import { CODE_FORMATS, type CodeKind, codeSequenceKey, newId } from '@mandap/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { auditLog, codeSequences, eventLog, notificationOutbox } from '../db/schema/index.ts';

/**
 * The record of a change: a domain event in the append-only event log and, when it changes
 * a record, an audit entry with before and after. Call inside the change's own transaction.
 */
export interface Change {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
  actorId: string | null;
  at: Date;
  audit?: {
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    ip?: string | null;
    requestId?: string | null;
  };
}

export async function recordChange(tx: DbOrTx, change: Change): Promise<void> {
  const at = change.at.toISOString();
  await tx.insert(eventLog).values({
    id: newId(),
    type: change.type,
    aggregateType: change.aggregateType,
    aggregateId: change.aggregateId,
    payload: change.payload ?? {},
    actorId: change.actorId,
    occurredAt: at,
  });
  if (change.audit) {
    await tx.insert(auditLog).values({
      id: newId(),
      actorId: change.actorId,
      action: change.type,
      entityType: change.aggregateType,
      entityId: change.aggregateId,
      before: change.audit.before,
      after: change.audit.after,
      ip: change.audit.ip ?? null,
      requestId: change.audit.requestId ?? null,
      at,
    });
  }
}

/** Queues a message for delivery. A repeated `dedupeKey` is ignored, so retries enqueue once. */
export async function enqueueMessage(
  tx: DbOrTx,
  msg: {
    channel: 'email' | 'whatsapp' | 'sms' | 'in_app';
    template: string;
    recipient: string;
    payload: Record<string, unknown>;
    at: Date;
    dedupeKey?: string;
  },
): Promise<void> {
  await tx
    .insert(notificationOutbox)
    .values({
      id: newId(),
      channel: msg.channel,
      template: msg.template,
      recipient: msg.recipient,
      payload: msg.payload,
      status: 'pending',
      nextAttemptAt: msg.at.toISOString(),
      dedupeKey: msg.dedupeKey ?? null,
      createdAt: msg.at.toISOString(),
    })
    .onConflictDoNothing();
}

/**
 * The next human code of a kind (LD-2026-0001, QT/2026-27/0001). One atomic upsert per
 * call: inside a transaction it is gapless, and concurrent callers never share a number.
 */
export async function nextCode(tx: DbOrTx, kind: CodeKind, at: Date): Promise<string> {
  const key = codeSequenceKey(kind, at);
  const [row] = await tx
    .insert(codeSequences)
    .values({ key, value: 1 })
    .onConflictDoUpdate({ target: codeSequences.key, set: { value: sql`${codeSequences.value} + 1` } })
    .returning({ value: codeSequences.value });
  return CODE_FORMATS[kind](at, row!.value);
}
