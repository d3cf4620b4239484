import type { DashboardQuery } from '@mandap/shared/dashboard';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { paths } from '../../api/paths.ts';
import { call, edge, withSignal } from '../../api/rpc.ts';
import { accessToken, refreshSession } from '../../api/session.ts';

export const dashboardKeys = { all: ['dashboard'] as const };

/** The operations dashboard's figures, counted by the server. */
export function useDashboard(filters: DashboardQuery) {
  const query = {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.owner ? { owner: filters.owner } : {}),
  };
  return useQuery({
    queryKey: [...dashboardKeys.all, filters.from ?? '', filters.to ?? '', filters.owner ?? ''],
    queryFn: ({ signal }) => call(edge.dashboard.$get({ query }, withSignal(signal))),
    placeholderData: keepPreviousData,
  });
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows /api/dashboard/stream and refetches the figures whenever the server says they moved.
 * EventSource cannot send the bearer token, so this reads the stream with fetch; on a drop (or
 * a stream gone quiet) it reconnects after 2 s with Last-Event-ID, and the server says at once
 * if anything was missed.
 */
export function useDashboardLive(seq: number | undefined): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const ready = seq !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one stream per page; `seq` only seeds the first connection.
  useEffect(() => {
    if (!ready) return;
    const ctl = new AbortController();
    let last = String(seq);
    let pending: ReturnType<typeof setTimeout> | null = null;
    // Several changes in a burst make one refetch.
    const refresh = () => {
      pending ??= setTimeout(() => {
        pending = null;
        void qc.invalidateQueries({ queryKey: dashboardKeys.all });
      }, 250);
    };
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    void (async () => {
      while (!ctl.signal.aborted) {
        // One attempt: its own abort, so a stream that goes quiet (no "ready" within 5 s, or no
        // byte, not even the 15 s keep-alive, for 40 s) is dropped and opened again.
        const attempt = new AbortController();
        const stop = () => attempt.abort();
        ctl.signal.addEventListener('abort', stop);
        let watchdog = setTimeout(stop, 5_000);
        const heard = (ms: number) => {
          clearTimeout(watchdog);
          watchdog = setTimeout(stop, ms);
        };
        try {
          const token = accessToken();
          const res = await fetch(paths.dashboard.stream.$path(), {
            headers: {
              Accept: 'text/event-stream',
              'Last-Event-ID': last,
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
            },
            credentials: 'include',
            signal: attempt.signal,
          });
          if (res.status === 401) await refreshSession();
          else if (res.ok && res.body) {
            for await (const msg of sseMessages(res.body, () => heard(40_000))) {
              if (msg.event === 'ready') setState('live');
              if (msg.event === 'changed') {
                if (msg.id) last = msg.id;
                refresh();
              }
            }
          }
        } catch {
          // Dropped, offline or gone quiet: try again below.
        } finally {
          clearTimeout(watchdog);
          ctl.signal.removeEventListener('abort', stop);
        }
        if (ctl.signal.aborted) return;
        setState('reconnecting');
        await sleep(2000);
      }
    })();
    return () => {
      ctl.abort();
      if (pending) clearTimeout(pending);
    };
  }, [ready, qc]);
  return state;
}

/** Server-sent events from a response body (the EventSource wire format). */
async function* sseMessages(body: ReadableStream<Uint8Array>, onBytes: () => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onBytes();
    buffer += decoder.decode(value, { stream: true }).replaceAll('\r\n', '\n');
    for (let idx = buffer.indexOf('\n\n'); idx >= 0; idx = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, idx);
      buffer = buffer.slice(idx + 2);
      const msg = { id: null as string | null, event: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') msg.id = val;
        else if (field === 'event') msg.event = val;
        else if (field === 'data') msg.data += val;
      }
      yield msg;
    }
  }
}
