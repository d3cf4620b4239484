import type { PaymentResult, RecordPayment } from '@mandap/shared/payments';
import { call, edge } from '../../api/rpc.ts';
import { createOfflineQueue, type QueuedRequest, useOfflineQueue } from '../../lib/offlineQueue.ts';

/** A payment typed in with no signal: kept with its Idempotency-Key until the server has it. */
export type QueuedPayment = QueuedRequest<RecordPayment>;

const payments = createOfflineQueue<RecordPayment, PaymentResult>('mandap-finance', (body, key) =>
  call(edge.payments.$post({ json: body, header: { 'idempotency-key': key } })),
);

/**
 * Records a payment: stored in IndexedDB first with a fresh Idempotency-Key, then sent. With
 * no network it stays queued ("queued") and is replayed with the same key once online, so
 * the server records it exactly once however many times it is sent.
 */
export const submitPayment = (body: RecordPayment) => payments.submit(body);

export const discardQueued = (key: string) => payments.discard(key);

/** The queued payments, kept current; replayed when the browser comes back online. */
export const usePaymentQueue = (onSent?: () => void): QueuedPayment[] => useOfflineQueue(payments, onSent);
