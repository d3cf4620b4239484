import { streamSSE } from 'hono/streaming';
import type { AppContext, Deps } from '../../lib/context.ts';
import { dashboardPulseFor, type Pulse, readPulse } from './dashboard-pulse.ts';

/** Workers cut long streams: end early and let the browser resume (as the client page's stream does). */
const isWorkers = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';

export interface DashboardStreamOptions {
  /** The event-log position the browser's figures were read at (Last-Event-ID or `after`). */
  afterSeq: number;
  heartbeatMs?: number;
  maxDurationMs?: number;
  pollMs?: number;
}

/**
 * "The figures moved" as server-sent events, `id` = the event-log head. On connect (and on a
 * resume with Last-Event-ID) a log that moved past the browser's position is announced at
 * once, so a dashboard that was offline refetches; after that, every change of the log head
 * or of the collab projections is announced once (several changes inside one poll make one
 * message: the browser refetches everything anyway).
 */
export function streamDashboardChanges(c: AppContext, deps: Deps, opts: DashboardStreamOptions) {
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const maxDurationMs = opts.maxDurationMs ?? (isWorkers ? 25_000 : Number.POSITIVE_INFINITY);
  c.header('Cache-Control', 'no-cache, no-transform');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(
    c,
    async (stream) => {
      let latest: Pulse | null = null;
      let wake: (() => void) | null = null;
      const unsubscribe = dashboardPulseFor(
        deps.db,
        (err) => deps.log.error('dashboard pulse failed', { error: String(err) }),
        opts.pollMs,
      ).subscribe((p) => {
        latest = p;
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      try {
        let seen = await readPulse(deps.db);
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ seq: seen.seq }), retry: 2000 });
        if (seen.seq > opts.afterSeq)
          await stream.writeSSE({ id: String(seen.seq), event: 'changed', data: JSON.stringify({ seq: seen.seq }) });
        const started = Date.now();
        let nextBeat = started + heartbeatMs;
        while (!stream.aborted) {
          const p = latest as Pulse | null;
          if (p && (p.seq !== seen.seq || p.projections !== seen.projections)) {
            seen = p;
            await stream.writeSSE({ id: String(p.seq), event: 'changed', data: JSON.stringify({ seq: p.seq }) });
          }
          const now = Date.now();
          if (now - started >= maxDurationMs) break;
          if (now >= nextBeat) {
            nextBeat = now + heartbeatMs;
            await stream.write(': keep-alive\n\n');
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, Math.max(0, Math.min(nextBeat - Date.now(), maxDurationMs - (Date.now() - started))));
          });
          wake = null;
        }
      } finally {
        unsubscribe();
      }
    },
    async (err, stream) => {
      deps.log.error('dashboard stream failed', { error: String(err) });
      await stream.writeSSE({
        event: 'error',
        data: JSON.stringify({ message: 'The live feed stopped. Reconnecting…' }),
      });
    },
  );
}
