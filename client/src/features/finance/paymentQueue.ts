import { type PaymentResult, type RecordPayment, ZPaymentResult } from '@mandap/shared';
import Dexie, { type EntityTable } from 'dexie';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';

/** A payment typed in with no signal: kept with its Idempotency-Key until the server has it. */
export interface QueuedPayment {
  key: string;
  body: RecordPayment;
  queuedAt: string;
  /** The last refusal, when the server answered with a reason (the entry then stays for a person to see). */
  error?: string;
}

const db = new Dexie('mandap-finance') as Dexie & { queued: EntityTable<QueuedPayment, 'key'> };
db.version(1).stores({ queued: 'key, queuedAt' });

const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};

/** Keys being sent right now: a replay leaves them alone (the server would answer 409). */
const inFlight = new Set<string>();

async function send(q: QueuedPayment) {
  inFlight.add(q.key);
  try {
    return await api('/api/payments', {
      method: 'POST',
      body: q.body,
      headers: { 'Idempotency-Key': q.key },
      schema: ZPaymentResult,
    });
  } finally {
    inFlight.delete(q.key);
  }
}

const isOffline = (err: unknown) => err instanceof ApiError && err.status === 0;

/**
 * Records a payment: stored in IndexedDB first with a fresh Idempotency-Key, then sent. With
 * no network it stays queued ("queued") and is replayed with the same key once online, so
 * the server records it exactly once however many times it is sent.
 */
export async function submitPayment(body: RecordPayment): Promise<PaymentResult | 'queued'> {
  const q: QueuedPayment = { key: crypto.randomUUID(), body, queuedAt: new Date().toISOString() };
  await db.queued.put(q);
  changed();
  try {
    const result = await send(q);
    await db.queued.delete(q.key);
    return result;
  } catch (err) {
    if (isOffline(err)) return 'queued';
    await db.queued.delete(q.key);
    throw err;
  } finally {
    changed();
  }
}

let replaying: Promise<number> | null = null;

/** Sends every queued payment once; a refusal is kept on the entry for a person to see. Returns how many went through. */
export function replayQueued(): Promise<number> {
  replaying ??= (async () => {
    let sent = 0;
    for (const q of await db.queued.orderBy('queuedAt').toArray()) {
      if (q.error || inFlight.has(q.key)) continue;
      try {
        await send(q);
        await db.queued.delete(q.key);
        sent++;
      } catch (err) {
        if (isOffline(err)) break;
        await db.queued.update(q.key, { error: err instanceof Error ? err.message : String(err) });
      }
      changed();
    }
    return sent;
  })().finally(() => {
    replaying = null;
    changed();
  });
  return replaying;
}

export const discardQueued = async (key: string) => {
  await db.queued.delete(key);
  changed();
};

/**
 * The queued payments, kept current; replays them when the browser comes back online (and
 * once on mount). `onSent` runs after a replay sent something.
 */
export function usePaymentQueue(onSent?: () => void) {
  const [queued, setQueued] = useState<QueuedPayment[]>([]);
  useEffect(() => {
    const load = () => void db.queued.toArray().then(setQueued);
    const online = () =>
      void replayQueued().then((n) => {
        if (n > 0) onSent?.();
      });
    listeners.add(load);
    window.addEventListener('online', online);
    load();
    if (navigator.onLine) online();
    return () => {
      listeners.delete(load);
      window.removeEventListener('online', online);
    };
  }, [onSent]);
  return queued;
}
