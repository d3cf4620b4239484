import { newId } from '@mandap/shared/common';
import type { DbOrTx } from '../../db/client.ts';
import { webhookInbox } from '../../db/schema/index.ts';
import { inboxBody } from '../../lib/webhook-guard.ts';

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
  // Unsigned or badly signed: only a capped excerpt and the body's hash are kept.
  const stored = await inboxBody(line.body, line.signatureValid, line.headers);
  await db.insert(webhookInbox).values({
    id: newId(),
    provider: line.provider,
    providerEventId: line.providerEventId,
    signatureValid: line.signatureValid,
    status: line.status,
    reason: line.reason,
    headers: stored.headers,
    body: stored.body,
    receivedAt: line.at.toISOString(),
    processedAt: line.at.toISOString(),
  });
}
