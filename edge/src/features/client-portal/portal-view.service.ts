import { LINK_PURPOSE, signLink } from '@mandap/shared/access';
import { formatDocName } from '@mandap/shared/docs';
import type { BookingState } from '@mandap/shared/events';
import { bookingTimeline, type PortalView, ZPortalView } from '@mandap/shared/live';
import { and, asc, desc, eq, inArray, isNotNull, max, ne, sql } from 'drizzle-orm';
import {
  eventLog,
  events,
  milestones,
  paymentLinks,
  payments,
  portalLinks,
  preparationMilestones,
  quotes,
  quoteVersionDetails,
  quoteVersions,
  taxDocuments,
  users,
} from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { shareUrl, signShareToken } from '../quotes/share-link.ts';
import type { PortalAccess } from './portal-access.ts';

const DAY = 86_400_000;

/** The newest event-log sequence number: the page's stream resumes after it. */
export async function latestSeq(deps: Deps): Promise<number> {
  const [row] = await deps.db.select({ seq: max(eventLog.seq) }).from(eventLog);
  return row?.seq ?? 0;
}

/**
 * Everything the client's page shows for one event, built from an allow-list: each field is
 * picked here by name and the result is parsed with the strict `ZPortalView`, so an internal
 * field (notes, costs, margins, vendor amounts, drafts, staff-only steps) cannot ride along.
 */
export async function portalView(deps: Deps, access: PortalAccess, apiBase: string): Promise<PortalView> {
  const db = deps.db;
  const now = deps.now();
  // Read the sequence first: anything committed after it arrives on the stream, never lost between the two.
  const lastEventId = await latestSeq(deps);
  const [event] = await db.select().from(events).where(eq(events.id, access.eventId)).limit(1);
  if (!event) throw notFound('That event');

  const [statusRows, prep, quoteRows, msRows, linkRows, payRows, docRows, coordinator] = await Promise.all([
    db
      .select({ payload: eventLog.payload, at: eventLog.occurredAt })
      .from(eventLog)
      .where(
        and(
          eq(eventLog.aggregateType, 'event'),
          eq(eventLog.aggregateId, event.id),
          eq(eventLog.type, 'event.status_changed'),
        ),
      )
      .orderBy(asc(eventLog.seq)),
    db
      .select()
      .from(preparationMilestones)
      .where(and(eq(preparationMilestones.eventId, event.id), eq(preparationMilestones.clientVisible, true)))
      .orderBy(sql`coalesce(${preparationMilestones.dueDate}, '9999')`, asc(preparationMilestones.createdAt)),
    // The newest version of each quote that was sent to the client; drafts never.
    db
      .select({ q: quotes, v: quoteVersions, title: quoteVersionDetails.title })
      .from(quotes)
      .innerJoin(
        quoteVersions,
        and(
          eq(quoteVersions.quoteId, quotes.id),
          eq(
            quoteVersions.version,
            sql`(SELECT max(sv.version) FROM quote_versions sv WHERE sv.quote_id = ${quotes.id} AND sv.status <> 'draft')`,
          ),
        ),
      )
      .innerJoin(quoteVersionDetails, eq(quoteVersionDetails.versionId, quoteVersions.id))
      .where(eq(quotes.eventId, event.id))
      .orderBy(desc(quotes.createdAt)),
    db.select().from(milestones).where(eq(milestones.eventId, event.id)).orderBy(asc(milestones.seq)),
    db
      .select({ milestoneId: paymentLinks.milestoneId, url: paymentLinks.url, status: paymentLinks.status })
      .from(paymentLinks)
      .where(and(eq(paymentLinks.eventId, event.id), inArray(paymentLinks.status, ['created', 'partially_paid'])))
      .orderBy(desc(paymentLinks.createdAt)),
    db
      .select()
      .from(payments)
      .where(and(eq(payments.eventId, event.id), sql`${payments.amountMinor} > 0`))
      .orderBy(asc(payments.receivedOn)),
    db.select().from(taxDocuments).where(eq(taxDocuments.eventId, event.id)).orderBy(asc(taxDocuments.issuedOn)),
    event.managerId
      ? db
          .select({ name: users.name, phone: users.phone, email: users.email })
          .from(users)
          .where(and(eq(users.id, event.managerId), eq(users.status, 'active')))
          .limit(1)
      : Promise.resolve([]),
  ]);

  const reached: Partial<Record<BookingState, string>> = {};
  for (const r of statusRows) {
    const to = (r.payload as { to?: BookingState }).to;
    if (to) reached[to] = r.at;
  }
  // Short-lived tokens for the parts served elsewhere, never outliving the page's own link.
  const childExpiry = new Date(Math.min(access.expiresAt.getTime(), now.getTime() + DAY));
  const secret = deps.env.JWT_SECRET;
  const briefDoc = formatDocName(event.id, 'brief');
  const payUrlOf = new Map<string, string>();
  for (const l of linkRows) if (!payUrlOf.has(l.milestoneId)) payUrlOf.set(l.milestoneId, l.url);

  const view: PortalView = {
    event: {
      code: event.code,
      name: event.name,
      eventType: event.eventType,
      status: event.status,
      startDate: event.startDate,
      endDate: event.endDate,
      city: event.city,
      venue: event.venue,
      guestCount: event.guestCount,
    },
    timeline: bookingTimeline(event.status, reached),
    preparation: prep.map((p) => ({ id: p.id, title: p.title, dueDate: p.dueDate, doneAt: p.doneAt })),
    brief: { docName: briefDoc, token: await signLink(secret, LINK_PURPOSE.portalBrief, briefDoc, childExpiry) },
    quotes: await Promise.all(
      quoteRows
        .filter((r) => r.v.status !== 'draft')
        .map(async (r) => ({
          id: r.q.id,
          code: r.q.code,
          title: r.title,
          version: r.v.version,
          status: r.v.status,
          amountMinor: r.v.totalMinor,
          currency: r.v.currency as PortalView['quotes'][number]['currency'],
          validUntil: r.v.validUntil,
          url: shareUrl('', await signShareToken(secret, r.v.id, childExpiry)),
        })),
    ),
    milestones: msRows.map((m) => ({
      id: m.id,
      label: m.label,
      dueDate: m.dueDate,
      amountMinor: m.amountMinor,
      currency: m.currency as PortalView['milestones'][number]['currency'],
      paidMinor: m.paidMinor,
      status: m.status,
      payUrl: m.status === 'paid' || m.status === 'waived' ? null : (payUrlOf.get(m.id) ?? null),
    })),
    receipts: payRows.map((p) => ({
      id: p.id,
      code: p.code,
      receivedOn: p.receivedOn,
      amountMinor: p.amountMinor,
      currency: p.currency as PortalView['receipts'][number]['currency'],
      url: `${apiBase}/receipts/${p.id}/pdf`,
    })),
    documents: docRows.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      issuedOn: d.issuedOn,
      amountMinor: d.totalMinor,
      currency: d.currency as PortalView['documents'][number]['currency'],
      url: `${apiBase}/documents/${d.id}/pdf`,
    })),
    coordinator: coordinator[0] ?? null,
    lastEventId,
    linkExpiresAt: access.expiresAt.toISOString(),
  };
  if (access.via.kind === 'link') {
    await db.update(portalLinks).set({ lastOpenedAt: now.toISOString() }).where(eq(portalLinks.id, access.via.linkId));
  }
  return ZPortalView.parse(view);
}

/** True when a receipt or tax document belongs to the page's event (else the download is a 404). */
export async function belongsToEvent(deps: Deps, kind: 'receipt' | 'document', id: string, eventId: string) {
  const table = kind === 'receipt' ? payments : taxDocuments;
  const [row] = await deps.db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.id, id),
        eq(table.eventId, eventId),
        kind === 'receipt' ? ne(payments.amountMinor, 0) : isNotNull(taxDocuments.id),
      ),
    )
    .limit(1);
  return Boolean(row);
}
