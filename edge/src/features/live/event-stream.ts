import { streamSSE } from 'hono/streaming';
import type { AppContext, Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { type EventUpdate, readUpdates } from './event-feed.ts';
import { type LiveHub, liveHubFor } from './live-hub.ts';

/** Workers cut long streams (runtime updates, 30 s CPU-less limits): end early and let the browser resume. */
const isWorkers = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';

export interface StreamOptions {
  eventId: string;
  /** Where to resume: the Last-Event-ID header, else the page's `after`. */
  afterSeq: number;
  /** Re-checked on every heartbeat: a revoked or expired link ends the stream with a reason. */
  stillAllowed: () => Promise<string | null>;
  heartbeatMs?: number;
  /** Close after this long (Workers: 25 s); the browser reconnects with Last-Event-ID. */
  maxDurationMs?: number;
}

/** Reads the resume point: Last-Event-ID wins over the query's `after`; anything else is a 400 naming it. */
export function resumePoint(c: AppContext, after: string | undefined): number {
  const header = c.req.header('last-event-id');
  const raw = header ?? after ?? '0';
  if (!/^\d{1,15}$/.test(raw)) {
    const field = header !== undefined ? 'Last-Event-ID' : 'after';
    throw new AppError('validation_failed', `Check the ${field}: it must be a whole number.`, {
      fields: { [field]: 'must be a whole number' },
    });
  }
  return Number(raw);
}

/**
 * Server-sent events for one event's page. Each update's `id` is its event-log sequence number.
 * It subscribes to the live hub first, then replays the log after the resume point, then sends
 * what the hub delivered, skipping anything at or below the last id sent: so across a
 * disconnect or an edge restart every update arrives exactly once and in order.
 */
export function streamEventUpdates(c: AppContext, deps: Deps, opts: StreamOptions) {
  return streamLogUpdates<EventUpdate>(c, deps, {
    ...opts,
    topic: opts.eventId,
    hub: liveHubFor(deps.db, (err) => deps.log.error('live hub poll failed', { error: String(err) })),
    replay: (cursor) => readUpdates(deps.db, cursor, { eventId: opts.eventId }),
    encode: (u) => ({ seq: u.seq, area: u.area, label: u.label, at: u.at }),
  });
}

export interface LogStreamOptions<U> extends Omit<StreamOptions, 'eventId'> {
  /** The hub's topic this stream follows. */
  topic: string;
  hub: LiveHub<U>;
  /** One page of this topic's updates after a sequence number, read from the log itself. */
  replay: (afterSeq: number) => Promise<{ updates: U[]; lastSeq: number; more: boolean }>;
  /** The `update` event's data for one update. */
  encode: (u: U) => Record<string, unknown>;
}

/**
 * Server-sent events for one topic of the event log (an event's page, the team inbox). Each
 * update's `id` is its event-log sequence number: subscribe to the hub first, replay the log
 * after the resume point, then send what the hub delivered, skipping anything at or below the
 * last id sent.
 */
export function streamLogUpdates<U extends { seq: number }>(c: AppContext, deps: Deps, opts: LogStreamOptions<U>) {
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const maxDurationMs = opts.maxDurationMs ?? (isWorkers ? 25_000 : Number.POSITIVE_INFINITY);
  c.header('Cache-Control', 'no-cache, no-transform');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(
    c,
    async (stream) => {
      let last = opts.afterSeq;
      const queue: U[] = [];
      let wake: (() => void) | null = null;
      const nudge = () => {
        wake?.();
        wake = null;
      };
      const unsubscribe = await opts.hub.subscribe(opts.topic, (u) => {
        queue.push(u);
        nudge();
      });
      stream.onAbort(() => {
        unsubscribe();
        nudge();
      });
      const send = async (u: U) => {
        if (u.seq <= last) return;
        last = u.seq;
        await stream.writeSSE({ id: String(u.seq), event: 'update', data: JSON.stringify(opts.encode(u)) });
      };
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ after: last }), retry: 2000 });
        // Replay what was missed, page by page, from the log itself.
        for (let cursor = last, more = true; more && !stream.aborted; ) {
          const page = await opts.replay(cursor);
          for (const u of page.updates) await send(u);
          cursor = page.lastSeq;
          more = page.more;
        }
        const started = Date.now();
        let nextBeat = started + heartbeatMs;
        while (!stream.aborted) {
          while (queue.length > 0) await send(queue.shift()!);
          const now = Date.now();
          if (now - started >= maxDurationMs) break;
          if (now >= nextBeat) {
            nextBeat = now + heartbeatMs;
            const refusal = await opts.stillAllowed();
            if (refusal) {
              await stream.writeSSE({ event: 'closed', data: JSON.stringify({ message: refusal }) });
              break;
            }
            await stream.write(': keep-alive\n\n');
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, Math.min(nextBeat - Date.now(), maxDurationMs - (Date.now() - started), heartbeatMs));
          });
        }
      } finally {
        unsubscribe();
      }
    },
    async (err, stream) => {
      deps.log.error('live stream failed', { error: String(err) });
      await stream.writeSSE({
        event: 'error',
        data: JSON.stringify({ message: 'The live feed stopped. Reconnecting…' }),
      });
    },
  );
}
