import { newId } from '@mandap/shared/common';
import type { DbOrTx } from '../../db/client.ts';
import { webhookInbox } from '../../db/schema/index.ts';
import { inboxBody } from '../../lib/webhook-guard.ts';

export type InboxStatus = 'processed' | 'rejected' | 'duplicate' | 'failed';

/** Headers worth keeping with a delivery (never cookies or authorization). */
export function keptHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['content-type', 'user-agent', 'x-hub-signature-256', 'x-forwarded-for']) {
    const v = headers.get(name);
    if (v) out[name] = v.slice(0, 300);
  }
  return out;
}

/** Records one inbound delivery and why it was accepted or refused. */
export async function recordDelivery(
  db: DbOrTx,
  d: {
    provider: string;
    providerEventId?: string | null;
    signatureValid: boolean;
    status: InboxStatus;
    reason: string;
    headers: Record<string, string>;
    body: string;
    at: Date;
    /** Keep the whole body even though unsigned (a schema-checked website form). */
    keepWhole?: boolean;
  },
): Promise<void> {
  // Unsigned or badly signed and refused: only a capped excerpt and the body's hash are kept.
  const stored = await inboxBody(d.body, d.keepWhole || d.signatureValid || d.status !== 'rejected', d.headers);
  await db.insert(webhookInbox).values({
    id: newId(),
    provider: d.provider,
    providerEventId: d.providerEventId ?? null,
    signatureValid: d.signatureValid,
    status: d.status,
    reason: d.reason,
    headers: stored.headers,
    body: stored.body.slice(0, 64_000),
    receivedAt: d.at.toISOString(),
    processedAt: d.status === 'processed' ? d.at.toISOString() : null,
  });
}
