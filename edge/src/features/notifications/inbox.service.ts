import {
  consentRefusal,
  type InboxReply,
  isInsideServiceWindow,
  renderTemplate,
  serviceWindowReason,
  templateOf,
} from '@mandap/shared/notifications';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { events, leads, notificationOutbox, users, whatsappContacts, whatsappInbound } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordConsent } from './contacts.service.ts';
import { deliverDue } from './deliver.ts';
import { noteInboxChange } from './inbox-feed.ts';
import { FREE_TEXT, queueMessage } from './outbox.ts';

async function contactOf(deps: Deps, phone: string) {
  const [c] = await deps.db.select().from(whatsappContacts).where(eq(whatsappContacts.phone, phone));
  if (!c) throw new AppError('not_found', `No conversation with ${phone}.`);
  return c;
}

/** The shared inbox: every WhatsApp contact with a conversation, newest first. */
export async function listConversations(deps: Deps, viewer: Viewer, filter: 'all' | 'mine' | 'unassigned') {
  const now = deps.now();
  const where =
    filter === 'mine'
      ? eq(whatsappContacts.assigneeId, viewer.id)
      : filter === 'unassigned'
        ? isNull(whatsappContacts.assigneeId)
        : undefined;
  const rows = await deps.db
    .select({
      c: whatsappContacts,
      leadCode: leads.code,
      eventCode: events.code,
      eventName: events.name,
      assigneeName: users.name,
    })
    .from(whatsappContacts)
    .leftJoin(leads, eq(leads.id, whatsappContacts.leadId))
    .leftJoin(events, eq(events.id, whatsappContacts.eventId))
    .leftJoin(users, eq(users.id, whatsappContacts.assigneeId))
    .where(and(sql`${whatsappContacts.lastMessageAt} IS NOT NULL`, where))
    .orderBy(desc(whatsappContacts.lastMessageAt))
    .limit(200);
  return {
    conversations: rows.map((r) => ({
      phone: r.c.phone,
      name: r.c.name,
      leadId: r.c.leadId,
      leadCode: r.leadCode,
      eventId: r.c.eventId,
      eventCode: r.eventCode,
      eventName: r.eventName,
      assigneeId: r.c.assigneeId,
      assigneeName: r.assigneeName,
      unread: r.c.unread,
      consent: r.c.consent,
      lastMessageAt: r.c.lastMessageAt,
      lastPreview: r.c.lastPreview,
      windowOpen: isInsideServiceWindow(r.c.lastInboundAt, now),
    })),
  };
}

/** One conversation: inbound messages and what we sent (from the outbox), oldest first. */
export async function conversationThread(deps: Deps, phone: string) {
  const c = await contactOf(deps, phone);
  const inbound = await deps.db
    .select()
    .from(whatsappInbound)
    .where(eq(whatsappInbound.phone, phone))
    .orderBy(desc(whatsappInbound.sentAt))
    .limit(200);
  const outbound = await deps.db
    .select({ o: notificationOutbox, byName: users.name })
    .from(notificationOutbox)
    .leftJoin(users, eq(users.id, notificationOutbox.sentBy))
    .where(and(eq(notificationOutbox.channel, 'whatsapp'), eq(notificationOutbox.recipient, phone)))
    .orderBy(desc(notificationOutbox.createdAt))
    .limit(200);
  const messages = [
    ...inbound.map((m) => ({
      id: m.id,
      direction: 'in' as const,
      text: m.body ?? '',
      at: m.sentAt,
      status: null as string | null,
      error: null as string | null,
      template: null as string | null,
      by: null as string | null,
    })),
    ...outbound.map(({ o, byName }) => {
      const tpl = templateOf(o.template);
      const r = tpl ? renderTemplate(tpl, o.payload) : null;
      return {
        id: o.id,
        direction: 'out' as const,
        text: o.template === FREE_TEXT ? String(o.payload.text ?? '') : r?.ok ? r.text : `[${o.template}]`,
        at: o.sentAt ?? o.createdAt,
        status: o.status === 'sent' ? (o.providerStatus ?? 'sent') : o.status,
        error: o.lastError,
        template: o.template === FREE_TEXT ? null : o.template,
        by: byName,
      };
    }),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const now = deps.now();
  return {
    contact: {
      phone: c.phone,
      name: c.name,
      consent: c.consent,
      consentSource: c.consentSource,
      consentAt: c.consentAt,
      assigneeId: c.assigneeId,
      leadId: c.leadId,
      eventId: c.eventId,
      unread: c.unread,
      windowOpen: isInsideServiceWindow(c.lastInboundAt, now),
      windowReason: serviceWindowReason(c.lastInboundAt, now),
    },
    messages,
  };
}

export async function markConversationRead(deps: Deps, phone: string, actorId: string | null = null) {
  const c = await contactOf(deps, phone);
  if (c.unread === 0) return;
  await deps.db.transaction(async (tx) => {
    await tx.update(whatsappContacts).set({ unread: 0 }).where(eq(whatsappContacts.phone, phone));
    await noteInboxChange(tx, deps.now(), { type: 'inbox.conversation_updated', phone, change: 'read', actorId });
  });
}

export async function assignConversation(
  deps: Deps,
  phone: string,
  assigneeId: string | null,
  actorId: string | null = null,
) {
  await contactOf(deps, phone);
  if (assigneeId) {
    const [u] = await deps.db
      .select({ role: users.role, status: users.status })
      .from(users)
      .where(eq(users.id, assigneeId));
    if (u?.status !== 'active' || u.role === 'vendor' || u.role === 'client')
      throw new AppError('unprocessable', 'Assign the conversation to an active staff member.', {
        fields: { assigneeId: 'not an active staff member' },
      });
  }
  await deps.db.transaction(async (tx) => {
    await tx.update(whatsappContacts).set({ assigneeId }).where(eq(whatsappContacts.phone, phone));
    await noteInboxChange(tx, deps.now(), { type: 'inbox.conversation_updated', phone, change: 'assigned', actorId });
  });
}

export async function changeConsent(
  deps: Deps,
  viewer: Viewer,
  phone: string,
  consent: 'opted_in' | 'opted_out',
  source: string,
) {
  await contactOf(deps, phone);
  await deps.db.transaction(async (tx) => {
    await recordConsent(tx, phone, consent, source, deps.now(), viewer.id);
    await noteInboxChange(tx, deps.now(), {
      type: 'inbox.conversation_updated',
      phone,
      change: 'consent',
      actorId: viewer.id,
    });
  });
}

/**
 * A reply from the inbox. Free text only inside the 24-hour window; outside it, only a
 * template. A template with a missing variable, or a non-essential one to an opted-out
 * contact, is refused before anything is queued. Sent at once (and retried by the tick).
 */
export async function replyToConversation(deps: Deps, viewer: Viewer, phone: string, reply: InboxReply) {
  const c = await contactOf(deps, phone);
  const now = deps.now();
  let template: string;
  let payload: Record<string, unknown>;
  let preview: string;
  if (reply.text !== undefined) {
    const reason = serviceWindowReason(c.lastInboundAt, now);
    if (reason) throw new AppError('unprocessable', reason, { fields: { text: reason } });
    template = FREE_TEXT;
    payload = { text: reply.text };
    preview = reply.text;
  } else {
    const tpl = templateOf(reply.template ?? '');
    if (!tpl)
      throw new AppError('unprocessable', `There is no template called ${reply.template}.`, {
        fields: { template: 'unknown template' },
      });
    payload = { name: c.name ?? '', ...(reply.variables ?? {}) };
    const r = renderTemplate(tpl, payload);
    if (!r.ok)
      throw new AppError('unprocessable', `${r.message}: fill it in before sending.`, {
        fields: Object.fromEntries(r.missing.map((m) => [`variables.${m}`, 'required by the template'])),
      });
    const refusal = consentRefusal(c.consent, tpl.category, tpl.essential);
    if (refusal) throw new AppError('unprocessable', refusal, { fields: { template: refusal } });
    template = tpl.key;
    preview = r.text;
  }
  const id = await deps.db.transaction(async (tx) => {
    const queued = await queueMessage(tx, {
      channel: 'whatsapp',
      template,
      recipient: phone,
      payload,
      at: now,
      dedupeKey: null,
      sentBy: viewer.id,
    });
    await tx
      .update(whatsappContacts)
      .set({ lastMessageAt: now.toISOString(), lastPreview: preview.slice(0, 140), unread: 0 })
      .where(eq(whatsappContacts.phone, phone));
    await noteInboxChange(tx, now, { type: 'inbox.conversation_updated', phone, change: 'reply', actorId: viewer.id });
    return queued!;
  });
  await deliverDue(deps, now, { runner: `reply-${id}`, onlyId: id });
  const [row] = await deps.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id));
  return { id, status: row!.status, error: row!.lastError };
}
