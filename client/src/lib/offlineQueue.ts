import Dexie, { type EntityTable } from 'dexie';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/errors.ts';

/** A write made with no signal: kept with its Idempotency-Key until the server has it. */
export interface QueuedRequest<B> {
  key: string;
  body: B;
  queuedAt: string;
  /** The last refusal, when the server answered with a reason (the entry then stays for a person to see). */
  error?: string;
}

/** A device-local outbox for one kind of write; see {@link createOfflineQueue}. */
export interface OfflineQueue<B, R> {
  /** Stores the write with a fresh key, then sends it; `'queued'` when there was no network. */
  submit(body: B): Promise<R | 'queued'>;
  /** Sends every queued write once; returns how many went through. */
  replay(): Promise<number>;
  /** Drops a queued write (a refused one, after a person has read why). */
  discard(key: string): Promise<void>;
  /** Every queued write, oldest first. */
  list(): Promise<QueuedRequest<B>[]>;
  /** Runs `listener` whenever the queue changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const isOffline = (err: unknown) => err instanceof ApiError && err.status === 0;

/**
 * An outbox in IndexedDB (database `name`) for writes the server de-duplicates on an
 * Idempotency-Key. Each write is stored before it is sent and replayed with the same key
 * once online, so the server records it exactly once however many times it is sent. A
 * refusal (any answer but "no network") is kept on the entry with the server's reason.
 */
export function createOfflineQueue<B, R>(
  name: string,
  send: (body: B, idempotencyKey: string) => Promise<R>,
): OfflineQueue<B, R> {
  const db = new Dexie(name) as Dexie & { queued: EntityTable<QueuedRequest<B>, 'key'> };
  db.version(1).stores({ queued: 'key, queuedAt' });

  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  /** Keys being sent right now: a replay leaves them alone (the server would answer 409). */
  const inFlight = new Set<string>();
  const sendOne = async (q: QueuedRequest<B>) => {
    inFlight.add(q.key);
    try {
      return await send(q.body, q.key);
    } finally {
      inFlight.delete(q.key);
    }
  };

  let replaying: Promise<number> | null = null;

  return {
    async submit(body) {
      const q: QueuedRequest<B> = { key: crypto.randomUUID(), body, queuedAt: new Date().toISOString() };
      await db.queued.put(q);
      changed();
      try {
        const result = await sendOne(q);
        await db.queued.delete(q.key);
        return result;
      } catch (err) {
        if (isOffline(err)) return 'queued';
        await db.queued.delete(q.key);
        throw err;
      } finally {
        changed();
      }
    },
    replay() {
      replaying ??= (async () => {
        let sent = 0;
        for (const q of await db.queued.orderBy('queuedAt').toArray()) {
          if (q.error || inFlight.has(q.key)) continue;
          try {
            await sendOne(q);
            await db.queued.delete(q.key);
            sent++;
          } catch (err) {
            if (isOffline(err)) break;
            const error = err instanceof Error ? err.message : String(err);
            await db.queued.update(q.key, (entry) => {
              entry.error = error;
            });
          }
          changed();
        }
        return sent;
      })().finally(() => {
        replaying = null;
        changed();
      });
      return replaying;
    },
    async discard(key) {
      await db.queued.delete(key);
      changed();
    },
    list: () => db.queued.orderBy('queuedAt').toArray(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The queue's entries, kept current; replays them when the browser comes back online (and
 * once on mount). `onSent` runs after a replay sent something.
 */
export function useOfflineQueue<B>(queue: OfflineQueue<B, unknown>, onSent?: () => void): QueuedRequest<B>[] {
  const [queued, setQueued] = useState<QueuedRequest<B>[]>([]);
  useEffect(() => {
    const load = () => void queue.list().then(setQueued);
    const online = () =>
      void queue.replay().then((n) => {
        if (n > 0) onSent?.();
      });
    const unsubscribe = queue.subscribe(load);
    window.addEventListener('online', online);
    load();
    if (navigator.onLine) online();
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
    };
  }, [queue, onSent]);
  return queued;
}

/** Whether the browser believes it has a network, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
