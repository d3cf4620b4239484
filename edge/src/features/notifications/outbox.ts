import { newId } from '@mandap/shared/common';
import type { DbOrTx } from '../../db/client.ts';
import { notificationOutbox } from '../../db/schema/index.ts';

export type OutboxRow = typeof notificationOutbox.$inferSelect;
export type Channel = OutboxRow['channel'];

/** Template key of a free-text message (an inbox reply); its text is `payload.text`. */
export const FREE_TEXT = 'free_text';

/**
 * Queues one message. The dedupe key makes a repeat (a replayed domain event, a double
 * click) queue nothing; answers whether this call queued it.
 */
export async function queueMessage(
  tx: DbOrTx,
  msg: {
    channel: Channel;
    template: string;
    recipient: string;
    payload: Record<string, unknown>;
    at: Date;
    dedupeKey: string | null;
    broadcastId?: string | null;
    sentBy?: string | null;
    category?: string | null;
  },
): Promise<string | null> {
  const id = newId();
  const rows = await tx
    .insert(notificationOutbox)
    .values({
      id,
      channel: msg.channel,
      template: msg.template,
      recipient: msg.recipient,
      payload: msg.payload,
      status: 'pending',
      nextAttemptAt: msg.at.toISOString(),
      dedupeKey: msg.dedupeKey,
      createdAt: msg.at.toISOString(),
      broadcastId: msg.broadcastId ?? null,
      sentBy: msg.sentBy ?? null,
      category: msg.category ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: notificationOutbox.id });
  return rows[0]?.id ?? null;
}
