import { renderTemplate, templateOf } from '@mandap/shared/notifications';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notificationOutbox } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';

/** Text for an in-app message: its template filled in, else the template's label. */
function textOf(template: string, payload: Record<string, unknown>) {
  const tpl = templateOf(template);
  if (!tpl) return template.replaceAll('_', ' ');
  const r = renderTemplate(tpl, payload);
  return r.ok ? r.text : tpl.label;
}

/** The bell: the viewer's delivered in-app messages, newest first, and how many are unread. */
export async function myNotifications(deps: Deps, viewer: Viewer) {
  const mine = and(
    eq(notificationOutbox.channel, 'in_app'),
    eq(notificationOutbox.recipient, viewer.id),
    eq(notificationOutbox.status, 'sent'),
  );
  const rows = await deps.db
    .select()
    .from(notificationOutbox)
    .where(mine)
    .orderBy(desc(notificationOutbox.sentAt))
    .limit(30);
  const [unread] = await deps.db
    .select({ n: sql<number>`count(*)` })
    .from(notificationOutbox)
    .where(and(mine, isNull(notificationOutbox.readAt)));
  return {
    unread: Number(unread?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      template: r.template,
      text: textOf(r.template, r.payload),
      link: typeof r.payload.link === 'string' ? r.payload.link : null,
      at: r.sentAt ?? r.createdAt,
      read: r.readAt !== null,
    })),
  };
}

/** Marks the viewer's in-app messages read (these ids, or all). */
export async function markNotificationsRead(deps: Deps, viewer: Viewer, ids: string[] | undefined) {
  await deps.db
    .update(notificationOutbox)
    .set({ readAt: deps.now().toISOString() })
    .where(
      and(
        eq(notificationOutbox.channel, 'in_app'),
        eq(notificationOutbox.recipient, viewer.id),
        isNull(notificationOutbox.readAt),
        ids ? inArray(notificationOutbox.id, ids) : undefined,
      ),
    );
}
