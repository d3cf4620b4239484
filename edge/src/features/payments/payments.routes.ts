import { z } from '@hono/zod-openapi';
import { ZId } from '@mandap/shared/common';
import {
  ZAccountBalance,
  ZCreateMilestonePlan,
  ZEditMilestonePlan,
  ZLedgerLine,
  ZMilestone,
  ZMoveBooking,
  ZOutstandingRow,
  ZOverdueMilestone,
  ZPayment,
  ZPaymentResult,
  ZRecordPayment,
  ZRefundPayment,
  ZTrialBalance,
} from '@mandap/shared/payments';
import { type AppContext, originOf, viewerOf } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { idempotentJson } from '../../lib/idempotency.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import * as balances from './balances.service.ts';
import { moveBooking } from './booking.service.ts';
import { checkLedger } from './ledger-check.ts';
import * as plans from './milestones.service.ts';
import { listEventPayments, type MoneyActor, recordPayment, refundPayment } from './payments.service.ts';

const ZMilestones = z.object({ milestones: z.array(ZMilestone) });
const ZIdemHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'Required: a fresh UUID per payment, reused on retry.' }),
});
const ZFilter = z.object({ eventId: ZId.optional(), clientId: ZId.optional() });
const moneyErrors = {
  ...errorResponses,
  409: jsonResponse(z.object({}), 'The same Idempotency-Key is still being processed.'),
  422: jsonResponse(z.object({}), 'Refused: the reason says what to change (or the key was used for another request).'),
};

const createPlan = defineRoute({
  method: 'post',
  path: '/milestone-plans',
  permission: 'payments:record',
  summary: 'Milestone plan for an event from its accepted quote version and a template',
  request: { body: jsonBody(ZCreateMilestonePlan) },
  responses: { 201: jsonResponse(ZMilestones, 'Planned.'), ...moneyErrors },
});
const getPlan = defineRoute({
  method: 'get',
  path: '/events/{id}/milestones',
  permission: 'payments:read',
  summary: "An event's milestones (clients: their own events only)",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZMilestones, 'Milestones by sequence.'), ...errorResponses },
});
const editPlan = defineRoute({
  method: 'put',
  path: '/events/{id}/milestones',
  permission: 'payments:record',
  summary: 'Edit the plan (labels, dates, amounts, waivers); amounts still add up to the accepted total',
  request: { params: ZIdParam, body: jsonBody(ZEditMilestonePlan) },
  responses: { 200: jsonResponse(ZMilestones, 'Saved.'), ...moneyErrors },
});
const record = defineRoute({
  method: 'post',
  path: '/',
  permission: 'payments:record',
  summary: 'Record money received, allocated to milestones (needs an Idempotency-Key)',
  request: { headers: ZIdemHeader, body: jsonBody(ZRecordPayment) },
  responses: { 201: jsonResponse(ZPaymentResult, 'Recorded (or the stored reply to the same key).'), ...moneyErrors },
});
const refund = defineRoute({
  method: 'post',
  path: '/{id}/refunds',
  permission: 'payments:record',
  summary: 'Refund part of a payment or reverse it (a reversing entry, never an edit; needs an Idempotency-Key)',
  request: { params: ZIdParam, headers: ZIdemHeader, body: jsonBody(ZRefundPayment) },
  responses: { 201: jsonResponse(ZPaymentResult, 'Refunded.'), ...moneyErrors },
});
const eventPayments = defineRoute({
  method: 'get',
  path: '/events/{id}/payments',
  permission: 'payments:read',
  summary: "An event's payments, refunds and reversals (clients: their own events only)",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ payments: z.array(ZPayment) }), 'Oldest first.'), ...errorResponses },
});
const balancesRoute = defineRoute({
  method: 'get',
  path: '/balances',
  permission: 'payments:record',
  summary: 'Balances per account, for everything or one event or client',
  request: { query: ZFilter },
  responses: {
    200: jsonResponse(z.object({ accounts: z.array(ZAccountBalance) }), 'Debit positive.'),
    ...errorResponses,
  },
});
const trial = defineRoute({
  method: 'get',
  path: '/trial-balance',
  permission: 'payments:record',
  summary: 'Trial balance in INR',
  responses: { 200: jsonResponse(ZTrialBalance, 'Every account.'), ...errorResponses },
});
const ledger = defineRoute({
  method: 'get',
  path: '/ledger',
  permission: 'payments:record',
  summary: 'Ledger lines of one event or client',
  request: { query: ZFilter },
  responses: { 200: jsonResponse(z.object({ lines: z.array(ZLedgerLine) }), 'Oldest first.'), ...errorResponses },
});
const outstanding = defineRoute({
  method: 'get',
  path: '/outstanding',
  permission: 'payments:record',
  summary: 'Outstanding by event, with ageing buckets',
  responses: {
    200: jsonResponse(z.object({ events: z.array(ZOutstandingRow) }), 'Earliest due first.'),
    ...errorResponses,
  },
});
const overdue = defineRoute({
  method: 'get',
  path: '/overdue',
  permission: 'payments:record',
  summary: 'Milestones past due and not fully paid',
  responses: {
    200: jsonResponse(z.object({ milestones: z.array(ZOverdueMilestone) }), 'Oldest first.'),
    ...errorResponses,
  },
});
const integrity = defineRoute({
  method: 'get',
  path: '/integrity',
  permission: 'payments:record',
  summary: 'Recompute the books and list any mismatch (the same check as npm run ledger:check)',
  responses: { 200: jsonResponse(z.object({}).passthrough(), 'The report.'), ...errorResponses },
});
const booking = defineRoute({
  method: 'post',
  path: '/events/{id}/booking',
  permission: 'events:write',
  summary:
    'Move a booking through its lifecycle (guards: an advance for Deposit paid; settled milestones for Completed)',
  request: { params: ZIdParam, body: jsonBody(ZMoveBooking) },
  responses: { 200: jsonResponse(z.object({ eventId: z.string(), status: z.string() }), 'Moved.'), ...moneyErrors },
});

function actorOf(c: AppContext): MoneyActor {
  const viewer = viewerOf(c);
  const { ip, requestId } = originOf(c);
  return { viewer, actorId: viewer.id, ip, requestId };
}

function oneOf(q: { eventId?: string | undefined; clientId?: string | undefined }) {
  if (!q.eventId && !q.clientId)
    throw new AppError('validation_failed', 'Say whose ledger: add ?eventId= or ?clientId=.', {
      fields: { eventId: 'required' },
    });
  return q;
}

export const paymentsRoutes = createRouter()
  .openapi(createPlan, async (c) => {
    const milestones = await plans.createPlan(c.get('deps'), viewerOf(c), c.req.valid('json'));
    return c.json({ milestones }, 201);
  })
  .openapi(getPlan, async (c) => {
    const milestones = await plans.listMilestones(c.get('deps'), viewerOf(c), c.req.valid('param').id);
    return c.json({ milestones }, 200);
  })
  .openapi(editPlan, async (c) => {
    const { id } = c.req.valid('param');
    const milestones = await plans.editPlan(c.get('deps'), viewerOf(c), id, c.req.valid('json'));
    return c.json({ milestones }, 200);
  })
  .openapi(record, async (c) => {
    const input = c.req.valid('json');
    const actor = actorOf(c);
    const at = c.get('deps').now();
    return idempotentJson(c, { scope: 'payments.record', request: input }, async (tx) => ({
      status: 201,
      body: await recordPayment(tx, actor, input, at),
    }));
  })
  .openapi(refund, async (c) => {
    const input = c.req.valid('json');
    const { id } = c.req.valid('param');
    const actor = actorOf(c);
    const at = c.get('deps').now();
    return idempotentJson(c, { scope: 'payments.refund', request: { id, ...input } }, async (tx) => ({
      status: 201,
      body: await refundPayment(tx, actor, id, input, at),
    }));
  })
  .openapi(eventPayments, async (c) => {
    const payments = await listEventPayments(c.get('deps').db, viewerOf(c), c.req.valid('param').id);
    return c.json({ payments }, 200);
  })
  .openapi(balancesRoute, async (c) =>
    c.json({ accounts: await balances.accountBalances(c.get('deps').db, c.req.valid('query')) }, 200),
  )
  .openapi(trial, async (c) => c.json(await balances.trialBalance(c.get('deps').db), 200))
  .openapi(ledger, async (c) =>
    c.json({ lines: await balances.ledgerLines(c.get('deps').db, oneOf(c.req.valid('query'))) }, 200),
  )
  .openapi(outstanding, async (c) => {
    const { db, now } = c.get('deps');
    return c.json({ events: await balances.outstandingByEvent(db, now()) }, 200);
  })
  .openapi(overdue, async (c) => {
    const { db, now } = c.get('deps');
    return c.json({ milestones: await balances.overdueMilestones(db, now()) }, 200);
  })
  .openapi(integrity, async (c) => c.json(await checkLedger(c.get('deps').db), 200))
  .openapi(booking, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await moveBooking(c.get('deps'), viewerOf(c), id, c.req.valid('json').to), 200);
  });
