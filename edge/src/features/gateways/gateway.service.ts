import { newId } from '@mandap/shared/common';
import type { Currency } from '@mandap/shared/money';
import { paymentLinkStatus } from '@mandap/shared/payments';
import { indiaDate as istDate } from '@mandap/shared/time';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import {
  clients,
  events,
  gatewayPayments,
  gatewaySuspense,
  milestones,
  paymentLinks,
  payments,
} from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { loadVisibleEvent } from '../payments/event-scope.ts';
import { recordPayment } from '../payments/payments.service.ts';
import { type PaymentLinkProvider, razorpayLinks } from './razorpay.ts';
import { stripeCheckout } from './stripe.ts';
import { bookToSuspense, releaseToEvent } from './suspense.service.ts';

type LinkRow = typeof paymentLinks.$inferSelect;
export type Provider = 'razorpay' | 'stripe';

/** The link provider for a currency: Razorpay for INR, Stripe for the rest; null when not configured. */
export function linkProviderFor(
  deps: Deps,
  currency: string,
): { name: Provider; provider: PaymentLinkProvider } | null {
  const e = deps.env;
  if (currency === 'INR')
    return e.RAZORPAY_KEY_ID && e.RAZORPAY_KEY_SECRET
      ? {
          name: 'razorpay',
          provider: razorpayLinks({
            keyId: e.RAZORPAY_KEY_ID,
            keySecret: e.RAZORPAY_KEY_SECRET,
            baseUrl: e.RAZORPAY_API_URL,
          }),
        }
      : null;
  return e.STRIPE_SECRET_KEY
    ? { name: 'stripe', provider: stripeCheckout({ secretKey: e.STRIPE_SECRET_KEY, baseUrl: e.STRIPE_API_URL }) }
    : null;
}

/** A payment link for what a milestone still owes. */
export async function createPaymentLink(deps: Deps, viewer: Viewer, milestoneId: string) {
  const [m] = await deps.db.select().from(milestones).where(eq(milestones.id, milestoneId));
  if (!m) throw notFound('That milestone');
  const event = await loadVisibleEvent(deps.db, viewer, m.eventId);
  const owed = m.amountMinor - m.paidMinor;
  if (m.status === 'waived' || owed <= 0)
    throw new AppError('unprocessable', `"${m.label}" owes nothing: no link needed.`);
  const gateway = linkProviderFor(deps, m.currency);
  if (!gateway)
    throw new AppError(
      'unprocessable',
      m.currency === 'INR'
        ? 'Razorpay is not set up on this server (RAZORPAY_KEY_ID / RAZORPAY_KEY_SECRET): record the payment by hand instead.'
        : 'Stripe is not set up on this server (STRIPE_SECRET_KEY): record the payment by hand instead.',
    );
  const [client] = event.clientId ? await deps.db.select().from(clients).where(eq(clients.id, event.clientId)) : [];
  const linkId = newId();
  const created = await gateway.provider.createLink({
    linkId,
    milestoneId: m.id,
    amountMinor: owed,
    currency: m.currency,
    description: `${event.code} ${event.name}: ${m.label}`,
    customer: { name: client?.name ?? event.name, email: client?.email ?? null, phone: client?.phone ?? null },
    callbackUrl: `${deps.env.PUBLIC_URL}/pay/thanks`,
  });
  const at = deps.now().toISOString();
  const row: LinkRow = {
    id: linkId,
    provider: gateway.name,
    providerLinkId: created.providerLinkId,
    milestoneId: m.id,
    eventId: event.id,
    url: created.url,
    amountMinor: owed,
    currency: m.currency,
    closedAs: null,
    status: 'created',
    createdBy: viewer.id,
    createdAt: at,
    updatedAt: at,
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(paymentLinks).values(row);
    await recordChange(tx, {
      type: 'payment_link.created',
      aggregateType: 'event',
      aggregateId: event.id,
      payload: { linkId, provider: gateway.name, milestoneId: m.id, amountMinor: owed },
      actorId: viewer.id,
      at: deps.now(),
      audit: { before: null, after: { ...row } },
    });
  });
  return row;
}

export async function findLink(tx: DbOrTx, provider: Provider, ref: { providerLinkId?: string; linkId?: string }) {
  const where = ref.providerLinkId
    ? and(eq(paymentLinks.provider, provider), eq(paymentLinks.providerLinkId, ref.providerLinkId))
    : ref.linkId
      ? eq(paymentLinks.id, ref.linkId)
      : undefined;
  if (!where) return null;
  const [row] = await tx.select().from(paymentLinks).where(where);
  return row ?? null;
}

/** A captured payment as a gateway reports it. */
export interface Capture {
  provider: Provider;
  providerPaymentId: string;
  amountMinor: number;
  currency: string;
  at: Date;
  /** What the delivery named as its link (kept on a suspense item for finance). */
  linkRef?: string | null;
}

/** Where a capture is already booked: to a payment, or to suspense; null when it is new. */
export async function bookedCapture(tx: DbOrTx, provider: Provider, providerPaymentId: string) {
  const [paid] = await tx
    .select()
    .from(gatewayPayments)
    .where(and(eq(gatewayPayments.provider, provider), eq(gatewayPayments.providerPaymentId, providerPaymentId)));
  if (paid) return { paymentId: paid.paymentId, suspense: null };
  const [held] = await tx
    .select()
    .from(gatewaySuspense)
    .where(and(eq(gatewaySuspense.provider, provider), eq(gatewaySuspense.providerPaymentId, providerPaymentId)));
  if (held) return { paymentId: held.resolvedPaymentId, suspense: held };
  return null;
}

/** Why a capture cannot go to this link's milestones (then it goes to suspense); null when it can. */
async function unmatchedBecause(tx: Tx, link: LinkRow | null, cap: Capture): Promise<string | null> {
  if (!link) return `no payment link matches ${cap.linkRef ?? 'this payment (none named)'}`;
  if (cap.currency !== link.currency) return `payment is in ${cap.currency} but link ${link.id} is in ${link.currency}`;
  const [event] = await tx.select({ clientId: events.clientId }).from(events).where(eq(events.id, link.eventId));
  if (!event?.clientId) return `the link's event has no client to credit`;
  return null;
}

/**
 * Books a captured gateway payment exactly once, however many webhooks report it and in any
 * order: to its link's milestone, then the next open ones, any surplus as credit on account;
 * with no matching link, to suspense for finance. A capture already in suspense moves to its
 * link when a later delivery names the link. Never refused.
 */
export async function bookCapture(tx: Tx, link: LinkRow | null, cap: Capture): Promise<string> {
  const booked = await bookedCapture(tx, cap.provider, cap.providerPaymentId);
  const why = await unmatchedBecause(tx, link, cap);
  if (booked) {
    if (booked.suspense?.status === 'open' && link && !why) {
      const paymentId = await releaseToEvent(
        tx,
        booked.suspense,
        { actorId: null, viewer: null },
        {
          eventId: link.eventId,
          firstMilestoneId: link.milestoneId,
          at: cap.at,
        },
      );
      if (paymentId)
        await tx.insert(gatewayPayments).values({
          provider: link.provider,
          providerPaymentId: cap.providerPaymentId,
          linkId: link.id,
          paymentId,
          amountMinor: cap.amountMinor,
          currency: cap.currency,
          createdAt: cap.at.toISOString(),
        });
      return `moved ${cap.providerPaymentId} from suspense to link ${link.id}`;
    }
    return booked.suspense && !booked.paymentId ? 'already held in suspense' : 'already recorded';
  }
  if (why || !link) {
    await bookToSuspense(tx, cap, why ?? 'no link');
    return `booked to suspense: ${why}`;
  }
  let result: Awaited<ReturnType<typeof recordPayment>>;
  try {
    // Under a savepoint: a refusal part-way through leaves nothing of the payment behind.
    result = await tx.transaction((sp) =>
      recordPayment(
        sp,
        { viewer: null, actorId: null },
        {
          eventId: link.eventId,
          mode: link.provider,
          reference: cap.providerPaymentId,
          receivedOn: istDate(cap.at),
          amountMinor: cap.amountMinor,
          currency: cap.currency as Currency,
        },
        cap.at,
        { fromGateway: true, firstMilestoneId: link.milestoneId },
      ),
    );
  } catch (err) {
    // Refused (say, no FX rate stored), its writes rolled back to the savepoint: the money
    // still goes to the books, in suspense.
    if (!(err instanceof AppError)) throw err;
    await bookToSuspense(tx, cap, `could not book to link ${link.id}: ${err.message}`);
    return `booked to suspense: ${err.message}`;
  }
  await tx.insert(gatewayPayments).values({
    provider: link.provider,
    providerPaymentId: cap.providerPaymentId,
    linkId: link.id,
    paymentId: result.payment.id,
    amountMinor: cap.amountMinor,
    currency: cap.currency,
    createdAt: cap.at.toISOString(),
  });
  return 'recorded';
}

/** Closes a link (cancelled beats expired, so the order of the two webhooks does not matter). */
export async function closeLink(tx: Tx, link: LinkRow, as: 'cancelled' | 'expired') {
  const closedAs = link.closedAs === 'cancelled' || as === 'cancelled' ? 'cancelled' : 'expired';
  await tx.update(paymentLinks).set({ closedAs }).where(eq(paymentLinks.id, link.id));
}

/** Re-derives a link's status from its recorded payments and close. */
export async function refreshLinkStatus(tx: Tx, linkId: string, at: Date) {
  const [link] = await tx.select().from(paymentLinks).where(eq(paymentLinks.id, linkId));
  if (!link) return;
  const [paid] = await tx
    .select({ n: sql<number>`coalesce(sum(${payments.amountMinor}), 0)` })
    .from(gatewayPayments)
    .innerJoin(payments, eq(payments.id, gatewayPayments.paymentId))
    .where(eq(gatewayPayments.linkId, linkId));
  const status = paymentLinkStatus({
    amountMinor: link.amountMinor,
    paidMinor: Number(paid?.n ?? 0),
    closedAs: link.closedAs,
  });
  if (status !== link.status)
    await tx.update(paymentLinks).set({ status, updatedAt: at.toISOString() }).where(eq(paymentLinks.id, linkId));
}

export async function listLinks(deps: Deps, viewer: Viewer, eventId: string) {
  const event = await loadVisibleEvent(deps.db, viewer, eventId);
  return deps.db.select().from(paymentLinks).where(eq(paymentLinks.eventId, event.id));
}
