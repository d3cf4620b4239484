import { COLLAB_ACCESS_EVENT_TYPES, type CollabAccessChange } from '@mandap/shared/collab';
import { isDomainEvent } from '@mandap/shared/journal';
import { sql } from 'drizzle-orm';
import { streamSSE } from 'hono/streaming';
import type { Db } from '../../db/client.ts';
import type { AppContext } from '../../lib/context.ts';

const PAGE = 200;

/** Access changes in the event log after `afterSeq` (users: the aggregate; event access: the payload; share links: the document). */
export async function readAccessChanges(
  db: Db,
  afterSeq: number,
): Promise<{ changes: CollabAccessChange[]; lastSeq: number }> {
  const types = sql.join(
    COLLAB_ACCESS_EVENT_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = await db.all<{
    seq: number;
    type: string;
    aggregate_type: string;
    aggregate_id: string;
    payload: string | null;
  }>(
    sql`SELECT seq, type, aggregate_type, aggregate_id, payload FROM event_log
        WHERE seq > ${afterSeq} AND type IN (${types}) ORDER BY seq LIMIT ${PAGE}`,
  );
  const changes = rows.map((r): CollabAccessChange => {
    const payload = parsePayload(r.payload);
    const seq = Number(r.seq);
    // A withdrawn share link concerns the connections of exactly one document (its brief).
    const line = { type: r.type, payload };
    const document = isDomainEvent(line, 'brief.share_link_revoked') ? stringOr(line.payload.document) : null;
    if (document) return { seq, type: r.type, userId: null, eventId: null, document };
    const userId = r.aggregate_type === 'user' ? r.aggregate_id : stringOr(payload.userId);
    const eventId = r.aggregate_type === 'event' ? r.aggregate_id : stringOr(payload.eventId);
    return { seq, type: r.type, userId, eventId, document: null };
  });
  return { changes, lastSeq: changes.at(-1)?.seq ?? afterSeq };
}

function parsePayload(raw: string | null): Record<string, unknown> {
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const stringOr = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Streams access changes to the collab-server as they are committed (SSE, `id` = event-log
 * sequence). Without Last-Event-ID it starts at the log's end: connections opened before then
 * were authorised against the state at their opening. It reads its own event log every
 * `pollMs` (an indexed range scan), so the collab-server never reads the users table to find out.
 */
export function streamAccessChanges(c: AppContext, db: Db, opts: { after: number | null; pollMs?: number }) {
  const pollMs = opts.pollMs ?? 200;
  c.header('Cache-Control', 'no-cache, no-transform');
  return streamSSE(c, async (stream) => {
    let last = opts.after;
    if (last === null) {
      const [row] = await db.all<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM event_log`);
      last = Number(row?.seq ?? 0);
    }
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ after: last }), retry: 1000 });
    let sinceBeat = 0;
    while (!stream.aborted) {
      const page = await readAccessChanges(db, last);
      for (const change of page.changes) {
        await stream.writeSSE({ id: String(change.seq), event: 'access', data: JSON.stringify(change) });
      }
      last = page.lastSeq;
      if (page.changes.length === PAGE) continue;
      sinceBeat += pollMs;
      if (sinceBeat >= 15_000) {
        sinceBeat = 0;
        await stream.writeSSE({ event: 'ping', data: '{}' });
      }
      await stream.sleep(pollMs);
    }
  });
}
