import { hasPermission } from '@mandap/shared/access';
import type { DomainEventName } from '@mandap/shared/journal';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { AppContext, Deps } from '../../lib/context.ts';
import { recordChange } from '../../lib/journal.ts';
import { streamLogUpdates } from '../live/event-stream.ts';
import { liveFeedHub } from '../live/live-hub.ts';

/** What changed in the team inbox: a message came in, a sent message's status moved, or a conversation changed. */
export interface InboxUpdate {
  seq: number;
  kind: 'message' | 'status' | 'conversation';
  phones: string[];
  at: string;
}

const TOPIC = 'inbox';
/** Workers cut long streams: end early there too (as the event pages do). */
const isWorkers = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';
const PAGE = 500;
/** The domain events the inbox listens to. */
type InboxEvent = DomainEventName<
  'whatsapp.message_received' | 'whatsapp.status_changed' | 'inbox.conversation_updated'
>;
const KINDS: Record<string, InboxUpdate['kind']> = {
  'whatsapp.message_received': 'message',
  'whatsapp.status_changed': 'status',
  'inbox.conversation_updated': 'conversation',
} satisfies Record<InboxEvent, InboxUpdate['kind']>;

/** The inbox's updates in the event log after `afterSeq` (one page), and the last sequence read. */
export async function readInboxUpdates(db: Db, afterSeq: number) {
  const rows = await db.all<{ seq: number; type: string; payload: string; occurred_at: string }>(sql`
    SELECT seq, type, payload, occurred_at FROM event_log
    WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${PAGE}`);
  const updates: InboxUpdate[] = [];
  for (const r of rows) {
    const kind = KINDS[r.type];
    if (!kind) continue;
    let p: { phone?: unknown; phones?: unknown } = {};
    try {
      p = JSON.parse(r.payload);
    } catch {
      // An unreadable payload still says the inbox changed.
    }
    const phones = Array.isArray(p.phones)
      ? p.phones.filter((x): x is string => typeof x === 'string')
      : typeof p.phone === 'string'
        ? [p.phone]
        : [];
    updates.push({ seq: Number(r.seq), kind, phones, at: r.occurred_at });
  }
  const lastSeq = rows.length > 0 ? Number(rows.at(-1)!.seq) : afterSeq;
  return { updates, lastSeq, more: rows.length === PAGE };
}

/** Journals an inbox change (inside the change's own transaction), so open inboxes hear of it. */
export function noteInboxChange(
  tx: DbOrTx,
  at: Date,
  change:
    | { type: DomainEventName<'whatsapp.message_received'>; phone: string }
    | { type: DomainEventName<'whatsapp.status_changed'>; phones: string[] }
    | { type: DomainEventName<'inbox.conversation_updated'>; phone: string; change: string; actorId: string | null },
) {
  if (change.type === 'whatsapp.status_changed')
    return recordChange(tx, {
      type: change.type,
      aggregateType: 'whatsapp_contact',
      aggregateId: change.phones.length === 1 ? change.phones[0]! : 'many',
      payload: { phones: change.phones },
      actorId: null,
      at,
    });
  if (change.type === 'whatsapp.message_received')
    return recordChange(tx, {
      type: change.type,
      aggregateType: 'whatsapp_contact',
      aggregateId: change.phone,
      payload: { phone: change.phone },
      actorId: null,
      at,
    });
  return recordChange(tx, {
    type: change.type,
    aggregateType: 'whatsapp_contact',
    aggregateId: change.phone,
    payload: { phone: change.phone, change: change.change },
    actorId: change.actorId,
    at,
  });
}

/** The newest sequence number in the event log: where a fresh stream starts. */
export async function logEnd(db: Db): Promise<number> {
  const [row] = await db.all<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM event_log`);
  return Number(row?.seq ?? 0);
}

/**
 * The check each heartbeat makes: the user is still active, still may read the inbox, and has not
 * ended their sessions since the stream began (a password change or sign-out everywhere bumps
 * `token_version`). Returns the reason to close, or null.
 */
export async function sessionStillAllows(deps: Deps, userId: string) {
  const read = () =>
    deps.db
      .select({ role: users.role, status: users.status, tokenVersion: users.tokenVersion })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
  const [start] = await read();
  return async () => {
    const [now] = await read();
    if (now?.status !== 'active' || now.tokenVersion !== start?.tokenVersion)
      return 'Your session has ended. Sign in again.';
    if (!hasPermission(now.role, 'leads:read')) return 'Your role no longer allows the inbox.';
    return null;
  };
}

/**
 * The inbox over server-sent events: every inbox change after the resume point, from the event
 * log (so a reconnect with Last-Event-ID misses nothing), then live from this process's hub.
 * The stream ends when the viewer's session no longer allows the inbox.
 */
export function streamInbox(c: AppContext, deps: Deps, afterSeq: number, stillAllowed: () => Promise<string | null>) {
  const hub = liveFeedHub(
    deps.db,
    TOPIC,
    readInboxUpdates,
    () => TOPIC,
    (err) => deps.log.error('inbox live hub poll failed', { error: String(err) }),
  );
  return streamLogUpdates<InboxUpdate>(c, deps, {
    topic: TOPIC,
    afterSeq,
    stillAllowed,
    // The browser opened it with an access token that expires: end now and then, and it resumes with a fresh one.
    maxDurationMs: isWorkers ? 25_000 : 10 * 60_000,
    hub,
    replay: (cursor) => readInboxUpdates(deps.db, cursor),
    encode: (u) => ({ seq: u.seq, kind: u.kind, phones: u.phones, at: u.at }),
  });
}
