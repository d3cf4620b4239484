import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { paths } from '../../api/paths.ts';
import { accessToken, refreshSession } from '../../api/session.ts';

/** Where the inbox's live feed stands: the page polls slowly only while it is not live. */
export type InboxLiveState = 'connecting' | 'live' | 'down';

/** While the live feed is down, the inbox still refreshes this often. */
export const INBOX_FALLBACK_POLL_MS = 20_000;

let state: InboxLiveState = 'connecting';
const listeners = new Set<() => void>();
function setState(next: InboxLiveState) {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useInboxLiveState(): InboxLiveState {
  return useSyncExternalStore(subscribe, () => state);
}

/** A query's refetch interval: none while the feed is live, slow while it is down. */
export function useInboxFallbackInterval(): number | false {
  return useInboxLiveState() === 'live' ? false : INBOX_FALLBACK_POLL_MS;
}

interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

/** Splits an event-stream body into events (the EventSource wire format). */
async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      for (let idx = buffer.indexOf('\n\n'); idx >= 0; idx = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        const ev: SseEvent = { id: null, event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (!line || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') ev.id = value;
          else if (field === 'event') ev.event = value;
          else if (field === 'data') ev.data = ev.data ? `${ev.data}\n${value}` : value;
        }
        yield ev;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/**
 * Follows the inbox's server-sent events while the page is open. The stream needs the bearer
 * token, which EventSource cannot send, so it is read with fetch; it resumes with Last-Event-ID
 * (the server replays what was missed) and backs off while the server is unreachable. Each
 * update refetches the inbox's lists and threads (coalesced); on (re)connect they are refetched
 * once, for anything that happened while the feed was down.
 */
export function useInboxLive() {
  const qc = useQueryClient();
  useEffect(() => {
    const stop = new AbortController();
    let lastId: string | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = null;
        void qc.invalidateQueries({ queryKey: ['inbox'] });
      }, 100);
    };
    async function follow() {
      let delay = 1000;
      while (!stop.signal.aborted) {
        let endedCleanly = false;
        try {
          const token = accessToken() ?? (await refreshSession())?.accessToken ?? null;
          const res = await fetch(paths.inbox.stream.$path(), {
            headers: {
              Accept: 'text/event-stream',
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
              ...(lastId ? { 'Last-Event-ID': lastId } : {}),
            },
            credentials: 'include',
            signal: stop.signal,
          });
          if (res.status === 401) await refreshSession();
          if (res.ok && res.body) {
            for await (const ev of events(res.body)) {
              if (ev.event === 'ready') {
                setState('live');
                delay = 1000;
                refresh();
              } else if (ev.event === 'update') {
                if (ev.id) lastId = ev.id;
                refresh();
              } else if (ev.event === 'closed' || ev.event === 'error') break;
            }
            // The server ends a stream now and then (a fresh token, Workers' limits): resume at once.
            endedCleanly = state === 'live';
          }
        } catch {
          // Offline, or the server went away: try again after a pause.
        }
        if (stop.signal.aborted) break;
        if (endedCleanly) {
          await sleep(250, stop.signal);
          continue;
        }
        setState('down');
        await sleep(delay, stop.signal);
        delay = Math.min(delay * 2, 30_000);
      }
    }
    setState('connecting');
    void follow();
    return () => {
      stop.abort();
      if (timer) clearTimeout(timer);
      setState('connecting');
    };
  }, [qc]);
}
