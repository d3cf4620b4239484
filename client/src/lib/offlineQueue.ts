import Dexie, { type EntityTable } from 'dexie';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/errors.ts';
import { getSessionState, subscribeSession } from '../api/session.ts';

/** A write made with no signal: kept with its Idempotency-Key until the server has it. */
export interface QueuedRequest<B> {
  key: string;
  /** The user who made the write: only they see it, and it is only ever sent in their session. */
  owner: string;
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

/** The signed-in user (also when the app opened offline for them), or null. */
export function currentUserId(): string | null {
  const s = getSessionState();
  return s.status === 'authenticated' ? s.session.user.id : null;
}

/** Who was signed in when queues had no owner yet: their old entries stay theirs. */
function legacyOwner(): string {
  try {
    const raw = localStorage.getItem('mandap.lastUser');
    return raw ? String((JSON.parse(raw) as { id?: string }).id ?? '') : '';
  } catch {
    return '';
  }
}

/**
 * An outbox in IndexedDB (database `name`) for writes the server de-duplicates on an
 * Idempotency-Key. Each write is stored before it is sent and replayed with the same key
 * once online, so the server records it exactly once however many times it is sent. A
 * refusal (any answer but "no network") is kept on the entry with the server's reason.
 */
export function createOfflineQueue<B, R>(
  name: string,
  send: (body: B, idempotencyKey: string) => Promise<R>,
  owner: () => string | null = currentUserId,
): OfflineQueue<B, R> {
  const db = new Dexie(name) as Dexie & { queued: EntityTable<QueuedRequest<B>, 'key'> };
  db.version(1).stores({ queued: 'key, queuedAt' });
  // Entries belong to the user who made them. Entries from before owners existed go to the user
  // who was signed in then (or, if nobody is known, to no one: kept, never sent).
  db.version(2)
    .stores({ queued: 'key, queuedAt, owner' })
    .upgrade((tx) =>
      tx
        .table('queued')
        .toCollection()
        .modify((q: QueuedRequest<B>) => {
          q.owner ??= legacyOwner();
        }),
    );

  /** The signed-in user's entries, oldest first: a device shared by two crew keeps each queue apart. */
  const mine = async () => {
    const me = owner();
    if (!me) return [];
    return (await db.queued.where('owner').equals(me).toArray()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  };

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
      const me = owner();
      if (!me) throw new Error('Sign in to record this.');
      const q: QueuedRequest<B> = { key: crypto.randomUUID(), owner: me, body, queuedAt: new Date().toISOString() };
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
        for (const q of await mine()) {
          if (q.error || inFlight.has(q.key)) continue;
          // Never under another user's session: stop if someone else signed in meanwhile.
          if (q.owner !== owner()) break;
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
      const q = await db.queued.get(key);
      if (q && q.owner === owner()) await db.queued.delete(key);
      changed();
    },
    list: mine,
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
    // Another user signing in on this device sees (and sends) only their own entries.
    const unsubscribeSession = subscribeSession(() => {
      load();
      if (navigator.onLine) online();
    });
    window.addEventListener('online', online);
    load();
    if (navigator.onLine) online();
    return () => {
      unsubscribe();
      unsubscribeSession();
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
