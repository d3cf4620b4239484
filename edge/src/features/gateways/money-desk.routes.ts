import { z } from '@hono/zod-openapi';
import {
  ZApplyCredit,
  ZCancelledHolding,
  ZCreditRow,
  ZMilestone,
  ZReconciliation,
  ZRefundCredit,
  ZResolveSuspense,
  ZSuspenseItem,
  ZWriteOffCredit,
} from '@mandap/shared/payments';
import { type AppContext, originOf, viewerOf } from '../../lib/context.ts';
import { idempotentJson } from '../../lib/idempotency.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { heldOnCancelled } from '../payments/balances.service.ts';
import { applyCredit, listCredits, writeOffCredit } from '../payments/credit.service.ts';
import { refundCredit as refundCreditOf } from '../payments/credit-refund.service.ts';
import type { MoneyActor } from '../payments/payments.service.ts';
import { reconciliation } from './reconciliation.service.ts';
import { listSuspense, resolveSuspense } from './suspense.service.ts';

const ZIdemHeader = z.object({ 'idempotency-key': z.string().optional() });
const moneyErrors = {
  ...errorResponses,
  409: jsonResponse(z.object({}), 'The same Idempotency-Key is still being processed, or the item is settled.'),
  422: jsonResponse(z.object({}), 'Refused: the reason names the field and the amounts.'),
};

const credits = defineRoute({
  method: 'get',
  path: '/payments/credits',
  permission: 'payments:record',
  summary: 'Credit on account: events holding money beyond what their milestones owe',
  responses: {
    200: jsonResponse(z.object({ credits: z.array(ZCreditRow) }), 'Events with credit.'),
    ...errorResponses,
  },
});
const apply = defineRoute({
  method: 'post',
  path: '/payments/events/{id}/credit/apply',
  permission: 'payments:record',
  summary: "Apply an event's credit on account to its milestones (needs an Idempotency-Key)",
  request: { params: ZIdParam, headers: ZIdemHeader, body: jsonBody(ZApplyCredit) },
  responses: {
    201: jsonResponse(
      z.object({ applied: z.number().int(), creditMinor: z.number().int(), milestones: z.array(ZMilestone) }),
      'Applied.',
    ),
    ...moneyErrors,
  },
});
const refundCredit = defineRoute({
  method: 'post',
  path: '/payments/events/{id}/credit/refund',
  permission: 'payments:record',
  summary: 'Pay back credit on account an event holds (needs an Idempotency-Key)',
  request: { params: ZIdParam, headers: ZIdemHeader, body: jsonBody(ZRefundCredit) },
  responses: { 201: jsonResponse(z.object({ refunded: z.array(z.string()) }), 'Refunded.'), ...moneyErrors },
});
const writeOff = defineRoute({
  method: 'post',
  path: '/payments/events/{id}/credit/write-off',
  permission: 'payments:record',
  summary:
    'Write off credit on account below zero (paid out beyond what was held), with a reason (needs an Idempotency-Key)',
  request: { params: ZIdParam, headers: ZIdemHeader, body: jsonBody(ZWriteOffCredit) },
  responses: {
    201: jsonResponse(z.object({ writtenOffMinor: z.number().int(), creditMinor: z.number().int() }), 'Written off.'),
    ...moneyErrors,
  },
});
const suspense = defineRoute({
  method: 'get',
  path: '/payments/suspense',
  permission: 'payments:record',
  summary: 'Gateway money no payment link matched, held in suspense for finance',
  responses: { 200: jsonResponse(z.object({ items: z.array(ZSuspenseItem) }), 'Newest first.'), ...errorResponses },
});
const resolve = defineRoute({
  method: 'post',
  path: '/payments/suspense/{id}/resolve',
  permission: 'payments:record',
  summary: 'Move a suspense item to an event: recorded as its gateway payment (needs an Idempotency-Key)',
  request: { params: ZIdParam, headers: ZIdemHeader, body: jsonBody(ZResolveSuspense) },
  responses: {
    201: jsonResponse(z.object({ item: ZSuspenseItem, paymentId: z.string() }), 'Resolved.'),
    ...moneyErrors,
  },
});
const cancelled = defineRoute({
  method: 'get',
  path: '/payments/cancelled-bookings',
  permission: 'payments:record',
  summary: 'Cancelled bookings still holding money the client paid (received less refunded), for finance to settle',
  responses: {
    200: jsonResponse(z.object({ bookings: z.array(ZCancelledHolding) }), 'The latest received first.'),
    ...errorResponses,
  },
});
const recon = defineRoute({
  method: 'get',
  path: '/payments/reconciliation',
  permission: 'payments:record',
  summary: 'Gateway captures and refunds next to the booked payments, with any difference',
  responses: { 200: jsonResponse(ZReconciliation, 'The comparison.'), ...errorResponses },
});

function actorOf(c: AppContext): MoneyActor {
  const viewer = viewerOf(c);
  const { ip, requestId } = originOf(c);
  return { viewer, actorId: viewer.id, ip, requestId };
}

const toItem = (h: Awaited<ReturnType<typeof listSuspense>>[number]) => ({
  id: h.id,
  provider: h.provider,
  providerPaymentId: h.providerPaymentId,
  linkRef: h.linkRef,
  reason: h.reason,
  amountMinor: h.amountMinor,
  currency: h.currency,
  refundedMinor: h.refundedMinor,
  receivedOn: h.receivedOn,
  status: h.status,
  resolvedPaymentId: h.resolvedPaymentId,
  createdAt: h.createdAt,
});

/** Finance's money desk: credit on account, suspense and gateway reconciliation. */
export const moneyDeskRoutes = createRouter()
  .openapi(credits, async (c) => c.json({ credits: await listCredits(c.get('deps').db) }, 200))
  .openapi(apply, async (c) => {
    const input = c.req.valid('json');
    const { id } = c.req.valid('param');
    const actor = actorOf(c);
    const at = c.get('deps').now();
    return idempotentJson(c, { scope: 'credit.apply', request: { id, ...input } }, async (tx) => ({
      status: 201,
      body: await applyCredit(tx, actor, id, input, at),
    }));
  })
  .openapi(refundCredit, async (c) => {
    const input = c.req.valid('json');
    const { id } = c.req.valid('param');
    const actor = actorOf(c);
    const at = c.get('deps').now();
    return idempotentJson(c, { scope: 'credit.refund', request: { id, ...input } }, async (tx) => ({
      status: 201,
      body: await refundCreditOf(tx, actor, id, input, at),
    }));
  })
  .openapi(writeOff, async (c) => {
    const input = c.req.valid('json');
    const { id } = c.req.valid('param');
    const actor = actorOf(c);
    const at = c.get('deps').now();
    return idempotentJson(c, { scope: 'credit.write_off', request: { id, ...input } }, async (tx) => ({
      status: 201,
      body: await writeOffCredit(tx, actor, id, input, at),
    }));
  })
  .openapi(suspense, async (c) => c.json({ items: (await listSuspense(c.get('deps').db)).map(toItem) }, 200))
  .openapi(resolve, async (c) => {
    const input = c.req.valid('json');
    const { id } = c.req.valid('param');
    const actor = actorOf(c);
    const at = c.get('deps').now();
    return idempotentJson(c, { scope: 'suspense.resolve', request: { id, ...input } }, async (tx) => {
      const r = await resolveSuspense(tx, actor, id, input, at);
      return { status: 201, body: { item: toItem(r.item), paymentId: r.paymentId } };
    });
  })
  .openapi(cancelled, async (c) => c.json({ bookings: await heldOnCancelled(c.get('deps').db) }, 200))
  .openapi(recon, async (c) => c.json(await reconciliation(c.get('deps').db), 200));
