import { newId } from '@mandap/shared/common';
import { consentKeyword, mergeProviderStatus, type ProviderStatus } from '@mandap/shared/notifications';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  clients,
  events,
  leads,
  notificationOutbox,
  whatsappContacts,
  whatsappInbound,
} from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordDelivery } from '../intake/inbox.ts';
import { isValidMetaSignature } from '../intake/meta-signature.ts';
import { linkContact, recordConsent } from './contacts.service.ts';
import { noteInboxChange } from './inbox-feed.ts';

interface WaMessage {
  from?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  button?: { text?: string };
  interactive?: { button_reply?: { title?: string } };
}
interface WaStatus {
  id?: string;
  status?: string;
  timestamp?: string;
  recipient_id?: string;
  errors?: { code?: number; title?: string; message?: string; error_data?: { details?: string } }[];
}
interface WaValue {
  contacts?: { profile?: { name?: string }; wa_id?: string }[];
  messages?: WaMessage[];
  statuses?: WaStatus[];
}

/** The webhook subscription check: echoes hub.challenge when the verify token matches. */
export function verifyWhatsAppSubscription(deps: Deps, q: { mode?: string; token?: string; challenge?: string }) {
  const expected = deps.env.WHATSAPP_VERIFY_TOKEN;
  if (!expected || q.mode !== 'subscribe' || q.token !== expected || !q.challenge)
    throw new AppError('forbidden', 'The verify token does not match.');
  return q.challenge;
}

const toE164 = (waId: string) => `+${waId.replace(/\D/g, '')}`;
const secondsToIso = (ts: string | undefined, fallback: Date) =>
  ts && /^\d+$/.test(ts) ? new Date(Number(ts) * 1000).toISOString() : fallback.toISOString();

function textOf(m: WaMessage): string {
  return m.text?.body ?? m.button?.text ?? m.interactive?.button_reply?.title ?? `[${m.type ?? 'message'}]`;
}

/** The lead or event a phone belongs to: the newest lead with it, and its client's newest event. */
async function linksFor(tx: DbOrTx, phone: string) {
  const [lead] = await tx
    .select({ id: leads.id, name: leads.name })
    .from(leads)
    .where(eq(leads.phone, phone))
    .orderBy(desc(leads.createdAt))
    .limit(1);
  const [ev] = await tx
    .select({ id: events.id, name: clients.name })
    .from(events)
    .innerJoin(clients, eq(clients.id, events.clientId))
    .where(eq(clients.phone, phone))
    .orderBy(desc(events.startDate))
    .limit(1);
  return { leadId: lead?.id ?? null, eventId: ev?.id ?? null, name: ev?.name ?? lead?.name ?? null };
}

async function recordMessage(tx: DbOrTx, m: WaMessage, profileName: string | null, now: Date): Promise<boolean> {
  if (!m.from || !m.id) return false;
  const phone = toE164(m.from);
  const sentAt = secondsToIso(m.timestamp, now);
  const body = textOf(m).slice(0, 4096);
  const inserted = await tx
    .insert(whatsappInbound)
    .values({
      id: newId(),
      phone,
      providerMessageId: m.id,
      kind: m.type ?? 'text',
      body,
      sentAt,
      receivedAt: now.toISOString(),
    })
    .onConflictDoNothing()
    .returning({ id: whatsappInbound.id });
  if (inserted.length === 0) return false;
  await noteInboxChange(tx, now, { type: 'whatsapp.message_received', phone });
  const links = await linksFor(tx, phone);
  await linkContact(tx, phone, { name: profileName ?? links.name, leadId: links.leadId, eventId: links.eventId }, now);
  await tx
    .update(whatsappContacts)
    .set({
      unread: sql`${whatsappContacts.unread} + 1`,
      lastInboundAt: sql`max(coalesce(${whatsappContacts.lastInboundAt}, ''), ${sentAt})`,
      lastMessageAt: sql`max(coalesce(${whatsappContacts.lastMessageAt}, ''), ${sentAt})`,
      lastPreview: sql`CASE WHEN coalesce(${whatsappContacts.lastMessageAt}, '') <= ${sentAt} THEN ${body.slice(0, 140)} ELSE ${whatsappContacts.lastPreview} END`,
    })
    .where(eq(whatsappContacts.phone, phone));
  const keyword = consentKeyword(body);
  if (keyword)
    await recordConsent(
      tx,
      phone,
      keyword === 'stop' ? 'opted_out' : 'opted_in',
      `WhatsApp keyword ${body.trim().toUpperCase()}`,
      new Date(sentAt),
      null,
    );
  return true;
}

const STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

/** `outboxId`: the row the provider echoes back (Interakt's callbackData), used when the message id is unknown. */
async function recordStatus(tx: DbOrTx, s: WaStatus, now: Date, outboxId?: string): Promise<boolean> {
  if (!s.id || !s.status || !STATUSES.has(s.status)) return false;
  const [row] = await tx
    .select({
      id: notificationOutbox.id,
      providerStatus: notificationOutbox.providerStatus,
      recipient: notificationOutbox.recipient,
    })
    .from(notificationOutbox)
    .where(
      outboxId
        ? or(
            eq(notificationOutbox.providerMessageId, s.id),
            and(eq(notificationOutbox.id, outboxId), eq(notificationOutbox.channel, 'whatsapp')),
          )
        : eq(notificationOutbox.providerMessageId, s.id),
    )
    .limit(1);
  if (!row) return false;
  const incoming = s.status as ProviderStatus;
  const merged = mergeProviderStatus(row.providerStatus, incoming);
  const at = secondsToIso(s.timestamp, now);
  const e = s.errors?.[0];
  const error = e
    ? `WhatsApp failed: ${e.title ?? e.message ?? 'error'}${e.code ? ` (code ${e.code})` : ''}${e.error_data?.details ? `: ${e.error_data.details}` : ''}`
    : null;
  await tx
    .update(notificationOutbox)
    .set({
      providerStatus: merged,
      // Delivered and read times are kept even when they arrive after a later status.
      ...(incoming === 'delivered' || incoming === 'read'
        ? { deliveredAt: sql`coalesce(${notificationOutbox.deliveredAt}, ${at})` }
        : {}),
      ...(incoming === 'read' ? { readAt: sql`coalesce(${notificationOutbox.readAt}, ${at})` } : {}),
      ...(merged === 'failed' && incoming === 'failed'
        ? { lastError: error ?? 'WhatsApp reported the message failed', costMinor: 0 }
        : {}),
    })
    .where(and(eq(notificationOutbox.id, row.id)));
  if (merged !== row.providerStatus)
    await noteInboxChange(tx, now, { type: 'whatsapp.status_changed', phones: [row.recipient] });
  return true;
}

/**
 * One WhatsApp webhook delivery. The signature is checked over the raw bytes first: a bad one
 * is refused with 401 and nothing is recorded. Messages are recorded once per message id;
 * statuses merge into the furthest one (or failed, with its error), in any order.
 */
export async function receiveWhatsAppDelivery(
  deps: Deps,
  d: { body: string; signature: string | undefined; headers: Record<string, string> },
) {
  const secret = deps.env.WHATSAPP_APP_SECRET;
  if (!secret || !(await isValidMetaSignature(secret, d.body, d.signature)))
    throw new AppError('unauthenticated', 'The X-Hub-Signature-256 header does not match this body.');
  let parsed: { entry?: { changes?: { field?: string; value?: WaValue }[] }[] };
  try {
    parsed = JSON.parse(d.body);
  } catch {
    throw new AppError('invalid_json', 'The webhook body is not valid JSON.');
  }
  const now = deps.now();
  let messages = 0;
  let statuses = 0;
  await deps.db.transaction(async (tx) => {
    for (const entry of Array.isArray(parsed.entry) ? parsed.entry : []) {
      for (const change of Array.isArray(entry.changes) ? entry.changes : []) {
        const v = change.value;
        if (change.field !== 'messages' || !v) continue;
        const names = new Map((v.contacts ?? []).map((c) => [c.wa_id ?? '', c.profile?.name ?? null]));
        for (const m of Array.isArray(v.messages) ? v.messages : [])
          if (await recordMessage(tx, m, names.get(m.from ?? '') ?? null, now)) messages++;
        for (const s of Array.isArray(v.statuses) ? v.statuses : []) if (await recordStatus(tx, s, now)) statuses++;
      }
    }
    await recordDelivery(tx, {
      provider: 'whatsapp',
      signatureValid: true,
      status: 'processed',
      reason: `${messages} new message(s), ${statuses} status update(s)`,
      headers: d.headers,
      body: d.body,
      at: now,
    });
  });
  return { messages, statuses };
}

/** Interakt's webhook event (its documented `type`, `data.customer` and `data.message`). */
interface InteraktEvent {
  type?: string;
  timestamp?: string;
  data?: {
    customer?: { country_code?: string; phone_number?: string; traits?: { name?: string } };
    message?: {
      id?: string;
      message?: string;
      message_content_type?: string;
      received_at_utc?: string;
      channel_error_code?: string | null;
      channel_failure_reason?: string | null;
      meta_data?: { source_data?: { callback_data?: unknown } };
    };
  };
}

/** Interakt's times are UTC without a zone ("2026-11-30T08:01:02.123000"); Unix seconds for the shared recorder. */
function utcSeconds(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : String(Math.floor(ms / 1000));
}

const INTERAKT_STATUS = /^message_(?:api|campaign)_(sent|delivered|read|failed)$/;

/**
 * One Interakt webhook delivery: `Interakt-Signature: sha256=<hex HMAC-SHA256 of the raw body
 * with the webhook secret>` is checked first (a bad one: 401, nothing recorded). Incoming
 * customer messages (`message_received`) and the statuses of messages we sent
 * (`message_api_sent|delivered|read|failed`) go through the same recorders as Meta's: once per
 * message id, statuses merged to the furthest (or failed with its reason).
 */
export async function receiveInteraktDelivery(
  deps: Deps,
  d: { body: string; signature: string | undefined; headers: Record<string, string> },
) {
  const secret = deps.env.INTERAKT_WEBHOOK_SECRET;
  const header = d.signature?.trim();
  const signature = header && !header.startsWith('sha256=') ? `sha256=${header}` : header;
  if (!secret || !(await isValidMetaSignature(secret, d.body, signature)))
    throw new AppError('unauthenticated', 'The Interakt-Signature header does not match this body.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(d.body);
  } catch {
    throw new AppError('invalid_json', 'The webhook body is not valid JSON.');
  }
  // One event per call, as documented; a list is accepted too.
  const list = (Array.isArray(parsed) ? parsed : [parsed]).filter(
    (e): e is InteraktEvent => typeof e === 'object' && e !== null,
  );
  const now = deps.now();
  let messages = 0;
  let statuses = 0;
  await deps.db.transaction(async (tx) => {
    for (const e of list) {
      const m = e.data?.message;
      if (!m?.id) continue;
      if (e.type === 'message_received') {
        const c = e.data?.customer;
        const digits = `${c?.country_code ?? ''}${c?.phone_number ?? ''}`.replace(/\D/g, '');
        if (!digits) continue;
        const text = typeof m.message === 'string' ? m.message : undefined;
        const wa: WaMessage = {
          from: digits,
          id: `interakt:${m.id}`,
          timestamp: utcSeconds(m.received_at_utc) ?? utcSeconds(e.timestamp),
          type: (m.message_content_type ?? 'text').toLowerCase(),
          ...(text !== undefined ? { text: { body: text } } : {}),
        };
        if (await recordMessage(tx, wa, c?.traits?.name ?? null, now)) messages++;
        continue;
      }
      const status = INTERAKT_STATUS.exec(e.type ?? '')?.[1];
      if (!status) continue;
      const reason = m.channel_failure_reason ?? undefined;
      const code = Number(m.channel_error_code);
      const s: WaStatus = {
        id: m.id,
        status,
        timestamp: utcSeconds(e.timestamp),
        ...(status === 'failed'
          ? { errors: [{ title: reason ?? 'failed', ...(Number.isFinite(code) && code > 0 ? { code } : {}) }] }
          : {}),
      };
      // We send our outbox id as callbackData; Interakt echoes it, which finds the row even without its message id.
      const callback = m.meta_data?.source_data?.callback_data;
      const outboxId = typeof callback === 'string' && /^[0-9a-f-]{36}$/i.test(callback) ? callback : undefined;
      if (await recordStatus(tx, s, now, outboxId)) statuses++;
    }
    await recordDelivery(tx, {
      provider: 'interakt',
      signatureValid: true,
      status: 'processed',
      reason: `${messages} new message(s), ${statuses} status update(s)`,
      headers: d.headers,
      body: d.body,
      at: now,
    });
  });
  return { messages, statuses };
}
