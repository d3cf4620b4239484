import { z } from '@hono/zod-openapi';
import {
  checkCreditRefund,
  isGatewayMode,
  PAYMENT_MODE_LABELS,
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
import { AppError } from '../../lib/errors.ts';
import { idempotentJson } from '../../lib/idempotency.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { heldOnCancelled } from '../payments/balances.service.ts';
import { applyCredit, eventCreditSplit, listCredits, writeOffCredit } from '../payments/credit.service.ts';
import { loadVisibleEvent } from '../payments/event-scope.ts';
import { type MoneyActor, refundPayment } from '../payments/payments.service.ts';
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
    return idempotentJson(c, { scope: 'credit.refund', request: { id, ...input } }, async (tx) => {
      const event = await loadVisibleEvent(tx, actor.viewer, id);
      // The event's credit (eventCreditOf's rule) and its split by source decide; the receipts'
      // own surplus may be more than the event holds once credit was applied to milestones.
      const { split, sources } = await eventCreditSplit(tx, event.id);
      const check = checkCreditRefund(split, input.amountMinor);
      if (!check.ok && check.kind === 'beyond_credit')
        throw new AppError(
          'unprocessable',
          `${event.code} holds ${check.limitMinor} paise of credit on account; a refund of ${input.amountMinor} is more.`,
          { fields: { amountMinor: `at most ${check.limitMinor}` } },
        );
      // Credit a gateway collected is refunded at the gateway, whose refund report books it (and
      // takes it off the credit) once; only credit from money received otherwise is paid back here.
      if (!check.ok) {
        const atGateway = sources.filter((s) => isGatewayMode(s.mode));
        const gateways = [...new Set(atGateway.map((s) => PAYMENT_MODE_LABELS[s.mode]))].join(' or ');
        throw new AppError(
          'unprocessable',
          `${split.byGatewayMinor} paise of ${event.code}'s credit was collected by ${gateways} (${atGateway.map((s) => s.code).join(', ')}): refund it in ${gateways}; its refund report is booked here and reduces the credit. ${split.byHandMinor} paise can be refunded from here.`,
          { fields: { amountMinor: `at most ${split.byHandMinor} here; refund the rest in ${gateways}` } },
        );
      }
      const byHand = sources.filter((s) => !isGatewayMode(s.mode));
      let left = input.amountMinor;
      const refunded: string[] = [];
      for (const s of byHand) {
        if (left <= 0) break;
        const take = Math.min(left, s.left);
        const r = await refundPayment(
          tx,
          actor,
          s.id,
          { kind: 'refund', amountMinor: take, reason: input.reason },
          at,
          {
            creditOnly: true,
          },
        );
        refunded.push(r.payment.code);
        left -= take;
      }
      return { status: 201, body: { refunded } };
    });
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
