import { CODE_FORMATS, type CodeKind, codeSequenceKey, newId } from '@mandap/shared/common';
import { type DomainEventPayload, type DomainEventType, domainEventPayloadProblem } from '@mandap/shared/journal';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { auditLog, codeSequences, eventLog, notificationOutbox } from '../db/schema/index.ts';
import { AppError } from './errors.ts';

/**
 * Where a change came from: the request's address, id and browser. A job, a webhook or the
 * collab server has no request, so its fields are null. The one origin type of the edge.
 */
export interface Origin {
  ip: string | null;
  requestId: string | null;
  userAgent?: string | null;
}

/** Who made a change: a user's id, or null for the system; with where it came from. The one actor type. */
export interface Actor {
  actorId: string | null;
  ip?: string | null;
  requestId?: string | null;
}

/** The system itself (a job, a webhook): no user, no request. */
export const SYSTEM_ACTOR: Actor = { actorId: null, ip: null, requestId: null };

/**
 * The record of a change: a domain event (named in the shared catalogue, `DOMAIN_EVENTS`) in the
 * append-only event log and, when it changes a record, an audit entry with before and after,
 * linked to its domain event by id. Write it inside the change's own transaction. The payload
 * may be left out only where the catalogue's schema has no required key.
 */
export type Change<T extends DomainEventType = DomainEventType> = ChangeFields<T> &
  (Record<never, never> extends DomainEventPayload<T>
    ? { payload?: DomainEventPayload<T> }
    : { payload: DomainEventPayload<T> });

interface ChangeFields<T extends DomainEventType> {
  type: T;
  aggregateType: string;
  aggregateId: string;
  actorId: string | null;
  at: Date;
  audit?: {
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    ip?: string | null;
    requestId?: string | null;
  };
}

/** Any one change, each name paired with its own payload (what a bulk writer passes). */
export type AnyChange = { [T in DomainEventType]: Change<T> }[DomainEventType];

/** Rows per INSERT: well under SQLite's limit on bound variables. */
const CHUNK = 200;

/**
 * A payload that does not fit its catalogue schema is a programming error: refused (500, nothing
 * written, the transaction rolls back) under the tests (vitest, and the browser tests' edge, which
 * sets JOURNAL_STRICT=1). A running product logs it and keeps the change: a client's payment, or
 * anything else someone did, is never lost over the shape of its journal line.
 */
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
const REFUSE_BAD_PAYLOADS = env?.VITEST !== undefined || env?.JOURNAL_STRICT === '1';

function checkPayload(change: AnyChange): void {
  const problem = domainEventPayloadProblem(change.type, change.payload ?? {});
  if (problem === null) return;
  const message = `The journal refused ${change.type} on ${change.aggregateType} ${change.aggregateId}: ${problem}.`;
  if (REFUSE_BAD_PAYLOADS) throw new AppError('internal', message);
  console.error(JSON.stringify({ t: new Date().toISOString(), level: 'error', msg: message }));
}

/**
 * The one writer of the journal: every change and domain event goes through here, one at a time
 * (`recordChange`) or in bulk (imports), as batched inserts, each payload checked against its
 * schema in the catalogue first (see REFUSE_BAD_PAYLOADS). Returns the domain events' ids.
 */
export async function recordChanges(tx: DbOrTx, changes: readonly AnyChange[]): Promise<string[]> {
  for (const c of changes) checkPayload(c);
  const domainEventIds = changes.map(() => newId());
  for (let i = 0; i < changes.length; i += CHUNK) {
    const part = changes.slice(i, i + CHUNK);
    const partIds = domainEventIds.slice(i, i + CHUNK);
    await tx.insert(eventLog).values(
      part.map((c, k) => ({
        id: partIds[k]!,
        type: c.type,
        aggregateType: c.aggregateType,
        aggregateId: c.aggregateId,
        payload: (c.payload ?? {}) as Record<string, unknown>,
        actorId: c.actorId,
        occurredAt: c.at.toISOString(),
      })),
    );
    const audits = part.flatMap((c, k) =>
      c.audit
        ? [
            {
              id: newId(),
              domainEventId: partIds[k]!,
              actorId: c.actorId,
              action: c.type,
              entityType: c.aggregateType,
              entityId: c.aggregateId,
              before: c.audit.before,
              after: c.audit.after,
              ip: c.audit.ip ?? null,
              requestId: c.audit.requestId ?? null,
              at: c.at.toISOString(),
            },
          ]
        : [],
    );
    if (audits.length) await tx.insert(auditLog).values(audits);
  }
  return domainEventIds;
}

/** Records one change (see {@link recordChanges}); the type names the payload it takes. */
export async function recordChange<T extends DomainEventType>(tx: DbOrTx, change: Change<T>): Promise<void> {
  await recordChanges(tx, [change as AnyChange]);
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
