import { newId } from '@mandap/shared';
import type { DbOrTx } from '../../db/client.ts';
import { webhookInbox } from '../../db/schema/index.ts';

export type InboxStatus = 'processed' | 'rejected' | 'duplicate' | 'failed';

/** One line in the webhook inbox: every delivery, verified or not, with why it was taken or refused. */
export async function logDelivery(
  db: DbOrTx,
  line: {
    provider: 'razorpay' | 'stripe';
    providerEventId: string | null;
    signatureValid: boolean;
    status: InboxStatus;
    reason: string | null;
    headers: Record<string, string>;
    body: string;
    at: Date;
  },
) {
  await db.insert(webhookInbox).values({
    id: newId(),
    provider: line.provider,
    providerEventId: line.providerEventId,
    signatureValid: line.signatureValid,
    status: line.status,
    reason: line.reason,
    headers: line.headers,
    body: line.body,
    receivedAt: line.at.toISOString(),
    processedAt: line.at.toISOString(),
  });
}
