import { type Currency, formatMoney } from '@mandap/shared/money';
import { EVENT_DAY_START_IST, type Moment, momentsFor } from '@mandap/shared/notifications';
import { indiaInstant } from '@mandap/shared/time';
import { and, asc, eq, gt, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  clients,
  communications,
  eventLog,
  eventLogCursors,
  events,
  leads,
  milestones,
  paymentLinks,
  payments,
  quotes,
  quoteVersions,
  users,
  vendorAssignments,
  vendors,
} from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { shareUrl, signShareToken } from '../quotes/share-link.ts';
import { linkContact } from './contacts.service.ts';
import type { Channel } from './outbox.ts';
import { queueMessage } from './outbox.ts';
import { loadSettings } from './settings.service.ts';

type LogRow = typeof eventLog.$inferSelect;

interface Delivery {
  channel: Channel;
  recipient: string;
  payload: Record<string, unknown>;
}

interface Person {
  name: string;
  phone: string | null;
  email: string | null;
}

const CURSOR = 'lifecycle_moments';

/** WhatsApp when we have a phone, else email; nothing when we have neither. */
function toPerson(p: Person | undefined, payload: Record<string, unknown>): Delivery[] {
  if (!p) return [];
  const vars = { name: p.name, ...payload };
  if (p.phone) return [{ channel: 'whatsapp', recipient: p.phone, payload: vars }];
  if (p.email) return [{ channel: 'email', recipient: p.email, payload: vars }];
  return [];
}

async function clientOf(tx: DbOrTx, clientId: string | null): Promise<Person | undefined> {
  if (!clientId) return undefined;
  const [c] = await tx
    .select({ name: clients.name, phone: clients.phone, email: clients.email })
    .from(clients)
    .where(eq(clients.id, clientId));
  return c;
}

async function eventOf(tx: DbOrTx, eventId: string | null | undefined) {
  if (!eventId) return undefined;
  const [e] = await tx.select().from(events).where(eq(events.id, eventId));
  return e;
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Whom a quote goes to: its event's client, else its own client, else its lead. */
async function quoteAudience(tx: DbOrTx, quoteId: string) {
  const [q] = await tx.select().from(quotes).where(eq(quotes.id, quoteId));
  if (!q) return { q: undefined, person: undefined };
  const event = await eventOf(tx, q.eventId);
  const person =
    (await clientOf(tx, event?.clientId ?? q.clientId)) ??
    (q.leadId
      ? (
          await tx
            .select({ name: leads.name, phone: leads.phone, email: leads.email })
            .from(leads)
            .where(eq(leads.id, q.leadId))
        )[0]
      : undefined);
  return { q, person };
}

/** The quote's share link lasts as long as one made by hand from the quote page (30 days). */
const QUOTE_LINK_DAYS = 30;

/** The version a `quote.sent` event names: its `versionId`, else its version number. */
async function sentVersionId(tx: DbOrTx, quoteId: string, payload: Record<string, unknown>) {
  const byNumber = typeof payload.version === 'number' ? payload.version : null;
  const [v] = await tx
    .select({ id: quoteVersions.id })
    .from(quoteVersions)
    .where(
      and(
        eq(quoteVersions.quoteId, quoteId),
        typeof payload.versionId === 'string'
          ? eq(quoteVersions.id, payload.versionId)
          : byNumber !== null
            ? eq(quoteVersions.version, byNumber)
            : sql`0`,
      ),
    )
    .limit(1);
  return v?.id ?? null;
}

/** Who receives each moment, and with which variables, from its domain event. */
const RESOLVERS: Record<string, (tx: DbOrTx, row: LogRow, deps: Deps) => Promise<Delivery[]>> = {
  async lead_acknowledgement(tx, row) {
    const [lead] = await tx.select().from(leads).where(eq(leads.id, row.aggregateId));
    if (!lead) return [];
    if (lead.phone) await linkContact(tx, lead.phone, { name: lead.name, leadId: lead.id }, new Date(row.occurredAt));
    return toPerson(lead, { leadCode: lead.code });
  },
  async call_follow_up(tx, row) {
    const id = row.payload.communicationId;
    if (typeof id !== 'string') return [];
    const [c] = await tx.select().from(communications).where(eq(communications.id, id));
    const [lead] = c?.leadId ? await tx.select().from(leads).where(eq(leads.id, c.leadId)) : [];
    if (!c || !lead || !c.body?.trim()) return [];
    return toPerson(lead, { notes: c.body.trim() });
  },
  async quote_shared(tx, row, deps) {
    const { q, person } = await quoteAudience(tx, row.aggregateId);
    if (!q) return [];
    // The client's own page for the version that was sent (`/q/:token`, signed and expiring like a shared link).
    const versionId = await sentVersionId(tx, q.id, row.payload);
    if (!versionId) return [];
    const expiresAt = new Date(new Date(row.occurredAt).getTime() + QUOTE_LINK_DAYS * 86_400_000);
    const link = shareUrl(deps.env.PUBLIC_URL, await signShareToken(deps.env.JWT_SECRET, versionId, expiresAt));
    return toPerson(person, { quoteCode: q.code, link });
  },
  async quote_accepted(tx, row) {
    const { q, person } = await quoteAudience(tx, row.aggregateId);
    return q ? toPerson(person, { quoteCode: q.code }) : [];
  },
  async booking_confirmed(tx, row) {
    const e = await eventOf(tx, row.aggregateId);
    if (!e) return [];
    return toPerson(await clientOf(tx, e.clientId), { eventName: e.name, eventDate: ddmmyyyy(e.startDate) });
  },
  async payment_link(tx, row) {
    const e = await eventOf(tx, row.aggregateId);
    const linkId = row.payload.linkId;
    if (!e || typeof linkId !== 'string') return [];
    const [link] = await tx.select().from(paymentLinks).where(eq(paymentLinks.id, linkId));
    const [m] = link?.milestoneId ? await tx.select().from(milestones).where(eq(milestones.id, link.milestoneId)) : [];
    if (!link) return [];
    const amount = Number(row.payload.amountMinor ?? 0);
    return toPerson(await clientOf(tx, e.clientId), {
      milestone: m?.label ?? 'your next instalment',
      amount: formatMoney({ amountMinor: amount, currency: (m?.currency ?? 'INR') as Currency }),
      link: link.url,
    });
  },
  async payment_received(tx, row, deps) {
    const [p] = await tx.select().from(payments).where(eq(payments.id, row.aggregateId));
    if (!p || p.amountMinor <= 0) return [];
    const e = await eventOf(tx, p.eventId);
    return toPerson(await clientOf(tx, p.clientId ?? e?.clientId ?? null), {
      amount: formatMoney({ amountMinor: p.amountMinor, currency: p.currency as Currency }),
      receiptLink: `${deps.env.PUBLIC_URL}/api/invoices/receipts/${p.id}/pdf`,
    });
  },
  async vendor_assignment_confirmed(tx, row) {
    const [a] = await tx.select().from(vendorAssignments).where(eq(vendorAssignments.id, row.aggregateId));
    if (!a) return [];
    const [v] = await tx.select().from(vendors).where(eq(vendors.id, a.vendorId));
    const e = await eventOf(tx, a.eventId);
    if (!v || !e) return [];
    return toPerson(
      { name: v.contactName ?? v.name, phone: v.phone, email: v.email },
      {
        vendorName: v.name,
        eventName: e.name,
        eventDate: ddmmyyyy(e.startDate),
      },
    );
  },
  // The collab-server's projection queues this in-app message itself, in the same transaction
  // as the domain event (with its own dedupe key); queuing it here too would notify twice.
  async task_assigned() {
    return [];
  },
  async event_completed(tx, row) {
    const e = await eventOf(tx, row.aggregateId);
    if (!e) return [];
    return toPerson(await clientOf(tx, e.clientId), { eventName: e.name });
  },
};

async function queueMoment(tx: DbOrTx, m: Moment, sourceId: string, deliveries: Delivery[], at: Date) {
  let queued = 0;
  for (const d of deliveries) {
    const id = await queueMessage(tx, {
      channel: d.channel,
      template: m.template,
      recipient: d.recipient,
      payload: d.payload,
      at,
      dedupeKey: `moment:${m.key}:${sourceId}:${d.recipient}`,
    });
    if (id) queued++;
  }
  return queued;
}

/**
 * Where a consumer with no cursor starts: after the last event older than an hour, so that
 * switching notifications on over an existing database does not message everyone about the
 * past, while what happened since the server started is still told.
 */
async function historyHorizon(tx: DbOrTx, now: Date): Promise<number> {
  const [r] = await tx
    .select({ seq: sql<number | null>`max(${eventLog.seq})` })
    .from(eventLog)
    .where(lt(eventLog.occurredAt, new Date(now.getTime() - 3_600_000).toISOString()));
  return Number(r?.seq ?? 0);
}

/**
 * Reads the event log past this consumer's cursor and queues each moment's messages. The
 * dedupe key names the moment, the domain event and the recipient, so reading the same rows
 * again (a crash before the cursor moved, a replay) queues nothing new.
 */
export async function runMoments(deps: Deps, now: Date, batch = 500): Promise<number> {
  let queued = 0;
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const [cursor] = await tx.select().from(eventLogCursors).where(eq(eventLogCursors.name, CURSOR));
      const from = cursor?.seq ?? (await historyHorizon(tx, now));
      const rows = await tx
        .select()
        .from(eventLog)
        .where(gt(eventLog.seq, from))
        .orderBy(asc(eventLog.seq))
        .limit(batch);
      if (rows.length === 0) return true;
      const settings = await loadSettings(tx);
      for (const row of rows) {
        for (const m of momentsFor(row.type, row.payload)) {
          if (settings.disabled.has(m.key)) continue;
          const resolve = RESOLVERS[m.key];
          if (resolve) queued += await queueMoment(tx, m, row.id, await resolve(tx, row, deps), now);
        }
      }
      const seq = rows[rows.length - 1]!.seq;
      await tx
        .insert(eventLogCursors)
        .values({ name: CURSOR, seq, updatedAt: now.toISOString() })
        .onConflictDoUpdate({ target: eventLogCursors.name, set: { seq, updatedAt: now.toISOString() } });
      return rows.length < batch;
    });
    if (done) return queued;
  }
}

/** Moves the cursor back (tests and a manual replay); the dedupe keys keep a replay from sending twice. */
export async function rewindMoments(deps: Deps, seq = 0) {
  await deps.db
    .insert(eventLogCursors)
    .values({ name: CURSOR, seq, updatedAt: deps.now().toISOString() })
    .onConflictDoUpdate({ target: eventLogCursors.name, set: { seq } });
}

/** The instant an event day starts (its start date at EVENT_DAY_START_IST, Asia/Kolkata). */
export function eventStartsAt(startDate: string): Date {
  return indiaInstant(startDate, EVENT_DAY_START_IST);
}

const REMINDERS = [
  { key: 'event_reminder_48h', template: 'event_reminder_48h', beforeMs: 48 * 3_600_000 },
  { key: 'event_reminder_2h', template: 'event_reminder_2h', beforeMs: 2 * 3_600_000 },
] as const;

/**
 * Event-day reminders 48 and 2 hours before a confirmed event starts, to the client and, in
 * the app, to the event's manager (the crew lead). Once per event date and recipient.
 */
export async function queueEventReminders(deps: Deps, now: Date): Promise<number> {
  const settings = await loadSettings(deps.db);
  const today = now.toISOString().slice(0, 10);
  const soon = new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  return deps.db.transaction(async (tx) => {
    const upcoming = await tx
      .select()
      .from(events)
      .where(
        and(
          inArray(events.status, ['deposit_paid', 'active_preparation', 'event_day']),
          gte(events.startDate, today),
          lte(events.startDate, soon),
        ),
      );
    let queued = 0;
    for (const e of upcoming) {
      const starts = eventStartsAt(e.startDate).getTime();
      for (const r of REMINDERS) {
        if (settings.disabled.has(r.key)) continue;
        if (now.getTime() < starts - r.beforeMs || now.getTime() >= starts) continue;
        const vars = { eventName: e.name, eventDate: ddmmyyyy(e.startDate), venue: e.venue ?? e.city };
        const deliveries = toPerson(await clientOf(tx, e.clientId), vars);
        if (e.managerId) {
          const [mgr] = await tx.select({ name: users.name }).from(users).where(eq(users.id, e.managerId));
          deliveries.push({ channel: 'in_app', recipient: e.managerId, payload: { name: mgr?.name ?? '', ...vars } });
        }
        const m = { key: r.key, template: r.template } as Moment;
        queued += await queueMoment(tx, m, `${e.id}:${e.startDate}`, deliveries, now);
      }
    }
    return queued;
  });
}
