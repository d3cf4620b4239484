import { signLink, verifyLink } from '@mandap/shared/access';
import { newId } from '@mandap/shared/common';
import { whatsappShareUrl } from '@mandap/shared/company';
import { type Currency, formatMoney } from '@mandap/shared/money';
import { PO_LINK_PURPOSE, type PoLink, type PublicPo } from '@mandap/shared/vendors';
import { desc, eq } from 'drizzle-orm';
import { events, users, vendorAssignments, vendorPoLinks, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';
import { enforceRateLimit } from '../../lib/rate-limit.ts';
import { companyProfile } from '../quotes/company.ts';
import { applyStatusChange, loadAssignment, loadAssignmentForLink } from './assignments.service.ts';
import { paymentsOfAssignment, scheduleOf } from './payables.service.ts';

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toLocaleDateString('en-IN', { timeZone: 'Asia/Kolkata' });

/** The page a vendor opens: the client app's public PO route. */
export function poLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/po/${token}`;
}

const tampered = () =>
  new AppError('forbidden', 'This PO link is not valid: it may be incomplete or altered. Ask us to send it again.');

async function linkView(deps: Deps, linkId: string): Promise<PoLink> {
  const [r] = await deps.db
    .select({ l: vendorPoLinks, by: users.name })
    .from(vendorPoLinks)
    .leftJoin(users, eq(users.id, vendorPoLinks.createdBy))
    .where(eq(vendorPoLinks.id, linkId));
  if (!r) throw notFound('That PO link');
  return toView(r);
}

const toView = (r: { l: typeof vendorPoLinks.$inferSelect; by: string | null }): PoLink => ({
  id: r.l.id,
  assignmentId: r.l.assignmentId,
  expiresAt: r.l.expiresAt,
  revokedAt: r.l.revokedAt,
  lastOpenedAt: r.l.lastOpenedAt,
  createdByName: r.by,
  createdAt: r.l.createdAt,
});

/**
 * A signed, expiring link for the vendor to see and accept one PO (`/po/<id>.<expiry>.<HMAC>`,
 * the shared signed-link with its own purpose), with the WhatsApp message that carries it.
 * The row behind it makes it revocable.
 */
export async function createPoLink(deps: Deps, viewer: Viewer, assignmentId: string, days: number) {
  const a = await loadAssignment(deps.db, viewer, assignmentId);
  if (a.status === 'cancelled')
    throw new AppError('unprocessable', `${a.poNumber} is cancelled: there is nothing to share.`);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + days * DAY);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await tx.insert(vendorPoLinks).values({
      id,
      assignmentId,
      expiresAt: expiresAt.toISOString(),
      createdBy: viewer.id,
      createdAt: now.toISOString(),
    });
    await recordChange(tx, {
      type: 'vendor_po_link.created',
      aggregateType: 'vendor_assignment',
      aggregateId: assignmentId,
      payload: { linkId: id, expiresAt: expiresAt.toISOString() },
      actorId: viewer.id,
      at: now,
      audit: { before: null, after: { linkId: id, expiresAt: expiresAt.toISOString() } },
    });
  });
  const url = poLinkUrl(deps.env.PUBLIC_URL, await signLink(deps.env.JWT_SECRET, PO_LINK_PURPOSE, id, expiresAt));
  const [v] = await deps.db.select().from(vendors).where(eq(vendors.id, a.vendorId));
  const phone = v?.contacts?.find((c) => c.phone)?.phone ?? null;
  const company = (await companyProfile(deps.db)).tradeName;
  const total = formatMoney({ amountMinor: a.amountMinor, currency: a.currency as Currency });
  const message = [
    `Namaste ${v?.contacts?.[0]?.name ?? a.vendorName},`,
    `Here is PO ${a.poNumber} from ${company} for ${a.eventName} (${total}).`,
    `See it, what is paid and due, and accept it here: ${url}`,
  ].join('\n');
  return { link: await linkView(deps, id), url, message, whatsappUrl: whatsappShareUrl(phone, message) };
}

export async function listPoLinks(deps: Deps, viewer: Viewer, assignmentId: string): Promise<PoLink[]> {
  await loadAssignment(deps.db, viewer, assignmentId);
  const rows = await deps.db
    .select({ l: vendorPoLinks, by: users.name })
    .from(vendorPoLinks)
    .leftJoin(users, eq(users.id, vendorPoLinks.createdBy))
    .where(eq(vendorPoLinks.assignmentId, assignmentId))
    .orderBy(desc(vendorPoLinks.createdAt));
  return rows.map(toView);
}

/** Withdraws a link at once: the next open of it answers 410. Revoking twice is harmless. */
export async function revokePoLink(deps: Deps, viewer: Viewer, linkId: string): Promise<PoLink> {
  const [link] = await deps.db.select().from(vendorPoLinks).where(eq(vendorPoLinks.id, linkId));
  if (!link) throw notFound('That PO link');
  await loadAssignment(deps.db, viewer, link.assignmentId);
  if (!link.revokedAt) {
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      await tx
        .update(vendorPoLinks)
        .set({ revokedAt: now.toISOString(), revokedBy: viewer.id })
        .where(eq(vendorPoLinks.id, linkId));
      await recordChange(tx, {
        type: 'vendor_po_link.revoked',
        aggregateType: 'vendor_assignment',
        aggregateId: link.assignmentId,
        payload: { linkId },
        actorId: viewer.id,
        at: now,
        audit: { before: { revokedAt: null }, after: { revokedAt: now.toISOString() } },
      });
    });
  }
  return linkView(deps, linkId);
}

/** Public requests per network address in ten minutes (views; answers). */
export const PO_LINK_LIMITS = { view: 60, answer: 10 } as const;

async function limit(deps: Deps, ip: string | null, kind: keyof typeof PO_LINK_LIMITS) {
  if (!ip) return;
  await enforceRateLimit(deps.db, {
    key: `po-link-${kind}:${ip}`,
    max: PO_LINK_LIMITS[kind],
    windowMs: 10 * 60_000,
    now: deps.now(),
    message: (wait) => `Too many requests from this network. Try again in ${Math.ceil(wait / 60)} minutes.`,
  });
}

/**
 * Checks a PO token on every request: signature and purpose (altered or foreign → 403), expiry
 * and the row (expired or withdrawn → 410, with the date).
 */
export async function resolvePoToken(deps: Deps, token: string) {
  const check = await verifyLink(deps.env.JWT_SECRET, PO_LINK_PURPOSE, token, deps.now());
  if (!check.ok && check.reason === 'invalid') throw tampered();
  if (!check.ok)
    throw new AppError('link_expired', `This PO link expired on ${dayOf(check.expiresAt)}. Ask us for a new one.`);
  const [link] = await deps.db.select().from(vendorPoLinks).where(eq(vendorPoLinks.id, check.subject)).limit(1);
  if (!link) throw tampered();
  if (link.revokedAt)
    throw new AppError(
      'link_expired',
      `This PO link was withdrawn on ${dayOf(new Date(link.revokedAt))}. Ask us for a new one.`,
    );
  return { link, expiresAt: check.expiresAt, assignment: await loadAssignmentForLink(deps.db, link.assignmentId) };
}

/** What the vendor sees: their PO, the event's date and venue, paid and due. Records the open. */
export async function openPoLink(deps: Deps, token: string, ip: string | null): Promise<PublicPo> {
  await limit(deps, ip, 'view');
  const { link, expiresAt, assignment: a } = await resolvePoToken(deps, token);
  await deps.db
    .update(vendorPoLinks)
    .set({ lastOpenedAt: deps.now().toISOString() })
    .where(eq(vendorPoLinks.id, link.id));
  return present(deps, a.id, expiresAt);
}

async function present(deps: Deps, assignmentId: string, expiresAt: Date): Promise<PublicPo> {
  const a = await loadAssignmentForLink(deps.db, assignmentId);
  const [e] = await deps.db.select().from(events).where(eq(events.id, a.eventId));
  const [row] = await deps.db.select().from(vendorAssignments).where(eq(vendorAssignments.id, a.id));
  // The vendor's own payments on this PO only (the link's scope), in the PO's currency.
  const payments = (await paymentsOfAssignment(deps.db, a.id)).map((p) => ({
    paidOn: p.paidOn,
    amountMinor: p.amountMinor,
    tdsMinor: p.tdsMinor,
    netMinor: p.netMinor,
    mode: p.mode,
    reference: p.reference,
  }));
  return {
    company: (await companyProfile(deps.db)).tradeName,
    vendorName: a.vendorName,
    poNumber: a.poNumber,
    poDate: a.poDate,
    status: a.status,
    scope: a.scope,
    lines: a.lines,
    currency: a.currency,
    amountMinor: a.amountMinor,
    paidMinor: a.paidMinor,
    dueMinor: a.amountMinor - a.paidMinor,
    terms: a.terms,
    event: { name: e!.name, startDate: e!.startDate, endDate: e!.endDate, city: e!.city, venue: e!.venue },
    arrivalExpectedAt: a.arrivalExpectedAt,
    schedule: (await scheduleOf(deps.db, a.id)).map((s) => ({
      label: s.label,
      dueDate: s.dueDate,
      amountMinor: s.amountMinor,
      paidMinor: s.paidMinor,
    })),
    payments,
    acceptedAt: row!.poAcceptedAt,
    acceptedName: row!.poAcceptedName,
    canAccept: a.status === 'requested' && !row!.poAcceptedAt,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * The vendor accepts the PO through its link with a typed name: the acceptance is recorded on
 * the assignment (name, time; IP in the audit row) and a requested PO becomes confirmed, which
 * books it payable. Accepting twice is refused (409) and changes nothing.
 */
export async function acceptPoLink(deps: Deps, token: string, name: string, origin: Origin): Promise<PublicPo> {
  await limit(deps, origin.ip, 'answer');
  const { link, expiresAt, assignment: a } = await resolvePoToken(deps, token);
  const [row] = await deps.db.select().from(vendorAssignments).where(eq(vendorAssignments.id, a.id));
  if (row!.poAcceptedAt)
    throw new AppError(
      'conflict',
      `${a.poNumber} was already accepted by ${row!.poAcceptedName} on ${dayOf(new Date(row!.poAcceptedAt))}.`,
    );
  if (a.status !== 'requested')
    throw new AppError(
      'conflict',
      a.status === 'cancelled'
        ? `${a.poNumber} was cancelled: there is nothing to accept. Ask us if this is a mistake.`
        : `${a.poNumber} is already confirmed: there is nothing more to accept.`,
    );
  await applyStatusChange(deps, a, 'confirmed', {
    actor: 'vendor',
    actorId: null,
    note: `Accepted through the PO link by ${name}`,
    origin,
    alsoInTx: async (tx, at) => {
      await tx
        .update(vendorAssignments)
        .set({ poAcceptedAt: at.toISOString(), poAcceptedName: name })
        .where(eq(vendorAssignments.id, a.id));
      await recordChange(tx, {
        type: 'vendor_po.accepted',
        aggregateType: 'vendor_assignment',
        aggregateId: a.id,
        payload: { linkId: link.id, name, poNumber: a.poNumber },
        actorId: null,
        at,
        audit: { before: null, after: { acceptedName: name }, ip: origin.ip, requestId: origin.requestId ?? null },
      });
    },
  });
  return present(deps, a.id, expiresAt);
}
