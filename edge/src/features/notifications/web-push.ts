import { renderTemplate, templateOf } from '@mandap/shared/notifications';
import { eq } from 'drizzle-orm';
import { pushSubscriptions } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { isWorkersRuntime } from './channels/email-smtp.ts';
import type { OutboxRow } from './outbox.ts';

/** The notification a staff browser shows for an in-app message. */
function pushPayload(row: OutboxRow) {
  const tpl = templateOf(row.template);
  const r = tpl ? renderTemplate(tpl, row.payload) : null;
  return JSON.stringify({
    title: tpl?.label ?? 'Mandap',
    body: r?.ok ? r.text : (tpl?.label ?? row.template.replaceAll('_', ' ')),
    link: typeof row.payload.link === 'string' ? row.payload.link : '/',
    id: row.id,
  });
}

/**
 * Web push (VAPID) to each browser the staff member registered, for an in-app message. The
 * `web-push` library encrypts the payload (aes128gcm) and signs the VAPID header; the request
 * goes out with fetch. Best effort: the bell already has the message. A subscription the push
 * service says is gone (404/410) is forgotten. Off on Workers (the library needs node:crypto's ECDH).
 */
export async function pushToStaff(deps: Deps, row: OutboxRow): Promise<number> {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = deps.env;
  if (!publicKey || !privateKey || isWorkersRuntime()) return 0;
  const subs = await deps.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, row.recipient));
  if (subs.length === 0) return 0;
  const webpush = (await import('web-push')).default;
  let delivered = 0;
  for (const s of subs) {
    const req = webpush.generateRequestDetails({ endpoint: s.endpoint, keys: s.keys }, pushPayload(row), {
      vapidDetails: { subject, publicKey, privateKey },
      TTL: 3600,
    });
    const res = await fetch(req.endpoint, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.body ? new Uint8Array(req.body) : null,
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 404 || res.status === 410)
      await deps.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, s.id));
    else if (res.ok) delivered++;
    else deps.log.warn('web push refused', { status: res.status, outboxId: row.id });
  }
  return delivered;
}
