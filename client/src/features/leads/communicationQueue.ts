import type { Communication, LogCommunication } from '@mandap/shared/leads';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call, edge } from '../../api/rpc.ts';
import { createOfflineQueue, type QueuedRequest, useOfflineQueue } from '../../lib/offlineQueue.ts';

/** A call, message or note logged against a lead, waiting on this device for the network. */
export type QueuedCommunication = QueuedRequest<{ leadId: string; body: LogCommunication }>;

const communications = createOfflineQueue<QueuedCommunication['body'], { communication: Communication }>(
  'mandap-lead-communications',
  ({ leadId, body }, key) =>
    call(
      edge.leads[':id'].communications.$post(
        { param: { id: leadId }, json: body },
        { headers: { 'Idempotency-Key': key } },
      ),
    ),
);

/**
 * Logs a communication: stored on the device with a fresh Idempotency-Key, then sent; with
 * no network it answers "queued" and is sent (once, same key) when the browser is back online.
 */
export function useSubmitCommunication(leadId: string) {
  const qc = useQueryClient();
  return useCallback(
    async (body: LogCommunication) => {
      const result = await communications.submit({ leadId, body });
      if (result !== 'queued') void qc.invalidateQueries({ queryKey: ['leads'] });
      return result;
    },
    [leadId, qc],
  );
}

/** This lead's queued communications, kept current and replayed when the browser is back online. */
export function useQueuedCommunications(leadId: string): QueuedCommunication[] {
  const qc = useQueryClient();
  const refresh = useCallback(() => void qc.invalidateQueries({ queryKey: ['leads'] }), [qc]);
  return useOfflineQueue(communications, refresh).filter((q) => q.body.leadId === leadId);
}

export const discardQueuedCommunication = (key: string) => communications.discard(key);
