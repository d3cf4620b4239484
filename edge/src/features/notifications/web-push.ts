import { eq } from 'drizzle-orm';
import { pushSubscriptions } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import type { OutboxRow } from './outbox.ts';

/** Web push to a staff member's browsers for an in-app message; lands with the web push feature. */
export async function pushToStaff(deps: Deps, row: OutboxRow): Promise<number> {
  if (!deps.env.VAPID_PUBLIC_KEY || !deps.env.VAPID_PRIVATE_KEY) return 0;
  const subs = await deps.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, row.recipient));
  return subs.length;
}
