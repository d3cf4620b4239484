import { clientLiveUpdate, type LiveUpdate } from '@mandap/shared/live';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** A client-visible update for one event, from one event-log row. */
export interface EventUpdate extends LiveUpdate {
  eventId: string;
}

interface LogRow {
  seq: number;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: string;
  occurred_at: string;
  [k: string]: unknown;
}

const PAGE = 500;

/**
 * The client-visible updates in the event log after `afterSeq` (at most one page), each tagged
 * with the event it concerns, and the last sequence number read (visible or not), so a caller
 * can walk the log in pages. Which event a row concerns: an `event` aggregate, a payload
 * naming `eventId`, or a quote's event.
 */
export async function readUpdates(
  db: Db,
  afterSeq: number,
  opts: { eventId?: string } = {},
): Promise<{ updates: EventUpdate[]; lastSeq: number; more: boolean }> {
  const rows = await db.all<LogRow>(sql`
    SELECT seq, type, aggregate_type, aggregate_id, payload, occurred_at FROM event_log
    WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${PAGE}`);
  const candidates: { row: LogRow; payload: Record<string, unknown>; area: LiveUpdate['area']; label: string }[] = [];
  const quoteIds = new Set<string>();
  for (const row of rows) {
    let payload: Record<string, unknown> = {};
    try {
      payload = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
      // A payload we cannot read is not news for a client.
    }
    const visible = clientLiveUpdate(row.type, payload);
    if (!visible) continue;
    candidates.push({ row, payload, ...visible });
    if (row.aggregate_type === 'quote') quoteIds.add(row.aggregate_id);
  }
  const quoteEvent = new Map<string, string>();
  if (quoteIds.size > 0) {
    const qs = await db.all<{ id: string; event_id: string | null }>(sql`
      SELECT id, event_id FROM quotes WHERE id IN (${sql.join(
        [...quoteIds].map((id) => sql`${id}`),
        sql`, `,
      )})`);
    for (const q of qs) if (q.event_id) quoteEvent.set(q.id, q.event_id);
  }
  const updates: EventUpdate[] = [];
  for (const c of candidates) {
    const eventId =
      c.row.aggregate_type === 'event'
        ? c.row.aggregate_id
        : typeof c.payload.eventId === 'string'
          ? c.payload.eventId
          : c.row.aggregate_type === 'quote'
            ? quoteEvent.get(c.row.aggregate_id)
            : undefined;
    if (!eventId || (opts.eventId && eventId !== opts.eventId)) continue;
    updates.push({ seq: Number(c.row.seq), eventId, area: c.area, label: c.label, at: c.row.occurred_at });
  }
  const lastSeq = rows.length > 0 ? Number(rows.at(-1)!.seq) : afterSeq;
  return { updates, lastSeq, more: rows.length === PAGE };
}
