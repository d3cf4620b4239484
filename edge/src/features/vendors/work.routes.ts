import { z } from '@hono/zod-openapi';
import { ZId } from '@mandap/shared/common';
import { AGEING_BUCKETS } from '@mandap/shared/payments';
import {
  ZAssignment,
  ZAssignmentCreate,
  ZBudgetReport,
  ZBudgetSet,
  ZDependency,
  ZDependencyCreate,
  ZEventVendorGraph,
  ZPayableRow,
  ZPoLink,
  ZPoLinkCreate,
  ZPoLinkMade,
  ZScheduleRow,
  ZScheduleSet,
  ZStatusChange,
  ZVendorPayment,
  ZVendorPaymentCreate,
  ZVendorPortal,
} from '@mandap/shared/vendors';
import { type AppContext, viewerOf } from '../../lib/context.ts';
import { idempotentJson } from '../../lib/idempotency.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { pdfResponse } from '../quotes/quote-pdf.ts';
import * as assignments from './assignments.service.ts';
import { budgetReport, setBudget } from './budget.service.ts';
import { addDependency, eventVendorGraph, removeDependency } from './dependencies.service.ts';
import { myDocumentRoutes } from './documents.routes.ts';
import * as payables from './payables.service.ts';
import { createPoLink, listPoLinks, revokePoLink } from './po-links.service.ts';
import { poPdfResponse } from './po-pdf.ts';
import { vendorPortal } from './portal.service.ts';

const refusals = {
  ...errorResponses,
  409: jsonResponse(z.object({}), 'Conflict: already there, or still being processed.'),
  422: jsonResponse(z.object({}), 'Refused: the reason says why and what to change.'),
};
const ZOneAssignment = z.object({ assignment: ZAssignment });
const ZSchedule = z.object({ schedule: z.array(ZScheduleRow) });
const ZIdemHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'Required: a fresh UUID per payment, reused on retry.' }),
});

const list = defineRoute({
  method: 'get',
  path: '/assignments',
  permission: 'vendors:read',
  summary: 'Vendor assignments, by event or by vendor',
  request: { query: z.object({ eventId: ZId.optional(), vendorId: ZId.optional() }) },
  responses: { 200: jsonResponse(z.object({ assignments: z.array(ZAssignment) }), 'Assignments.'), ...errorResponses },
});
const create = defineRoute({
  method: 'post',
  path: '/assignments',
  permission: 'vendors:write',
  summary:
    'Assign a vendor to an event: scope, budget category, milestone dates and a PO (PO/2026-27/0001, gapless per FY)',
  request: { body: jsonBody(ZAssignmentCreate) },
  responses: { 201: jsonResponse(ZOneAssignment, 'Created, status requested.'), ...refusals },
});
const get = defineRoute({
  method: 'get',
  path: '/assignments/{id}',
  permission: 'vendors:read',
  summary: 'One assignment with its PO',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZOneAssignment, 'The assignment.'), ...errorResponses },
});
const status = defineRoute({
  method: 'post',
  path: '/assignments/{id}/status',
  permission: 'vendors:write',
  summary:
    'Move an assignment through the transition table (requested → confirmed → in progress → delivered, or cancelled)',
  request: { params: ZIdParam, body: jsonBody(ZStatusChange) },
  responses: { 200: jsonResponse(ZOneAssignment, 'Moved.'), ...refusals },
});
const markPaid = defineRoute({
  method: 'post',
  path: '/assignments/{id}/paid',
  permission: 'payments:record',
  summary: 'Finance marks a delivered, fully paid assignment paid',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZOneAssignment, 'Paid.'), ...refusals },
});
const checkIn = defineRoute({
  method: 'post',
  path: '/assignments/{id}/check-in',
  permission: 'vendors:write',
  summary: 'Mark the vendor arrived on site',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZOneAssignment, 'Checked in.'), ...refusals },
});
const poPdf = defineRoute({
  method: 'get',
  path: '/assignments/{id}/po.pdf',
  permission: 'vendors:read',
  summary: 'The PO as an A4 PDF',
  request: { params: ZIdParam },
  responses: { 200: pdfResponse, ...refusals },
});
const addDep = defineRoute({
  method: 'post',
  path: '/assignments/{id}/dependencies',
  permission: 'vendors:write',
  summary: 'This assignment waits on another of the same event (a cycle is refused, named)',
  request: { params: ZIdParam, body: jsonBody(ZDependencyCreate) },
  responses: { 201: jsonResponse(z.object({ dependency: ZDependency }), 'Added.'), ...refusals },
});
const delDep = defineRoute({
  method: 'delete',
  path: '/dependencies/{id}',
  permission: 'vendors:write',
  summary: 'Remove a dependency',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Removed.'), ...errorResponses },
});
const graph = defineRoute({
  method: 'get',
  path: '/events/{id}/graph',
  permission: 'vendors:read',
  summary: "An event's vendors: assignments, dependencies and what is blocked, with the reasons (recursive query)",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZEventVendorGraph, 'The graph.'), ...errorResponses },
});
const getSchedule = defineRoute({
  method: 'get',
  path: '/assignments/{id}/schedule',
  permission: 'vendors:read',
  summary: "An assignment's payment schedule",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZSchedule, 'Schedule.'), ...errorResponses },
});
const putSchedule = defineRoute({
  method: 'put',
  path: '/assignments/{id}/schedule',
  permission: 'payments:record',
  summary: 'Set the payment schedule (must add up to the PO; fixed once paid against)',
  request: { params: ZIdParam, body: jsonBody(ZScheduleSet) },
  responses: { 200: jsonResponse(ZSchedule, 'Schedule.'), ...refusals },
});
const pay = defineRoute({
  method: 'post',
  path: '/assignments/{id}/payments',
  permission: 'payments:record',
  summary: 'Pay a vendor through the ledger (payable, bank, TDS); idempotent; beyond the PO is refused',
  request: { params: ZIdParam, headers: ZIdemHeader, body: jsonBody(ZVendorPaymentCreate) },
  responses: { 201: jsonResponse(z.object({ payment: ZVendorPayment }), 'Paid.'), ...refusals },
});
const listPay = defineRoute({
  method: 'get',
  path: '/assignments/{id}/payments',
  permission: 'vendors:read',
  summary: 'Payments made against an assignment',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ payments: z.array(ZVendorPayment) }), 'Payments.'), ...errorResponses },
});
const payablesRoute = defineRoute({
  method: 'get',
  path: '/payables',
  permission: 'payments:record',
  summary: 'Outstanding and overdue vendor payments across events, with ageing',
  responses: {
    200: jsonResponse(
      z.object({
        today: z.string(),
        payables: z.array(ZPayableRow),
        ageing: z.record(z.enum(AGEING_BUCKETS), z.number().int()),
      }),
      'Payables by due date.',
    ),
    ...errorResponses,
  },
});
const budget = defineRoute({
  method: 'get',
  path: '/events/{id}/budget',
  permission: 'vendors:read',
  summary: 'Budget against actual per category; the margin only for those who may see it',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ budget: ZBudgetReport }), 'Budget.'), ...errorResponses },
});
const putBudget = defineRoute({
  method: 'put',
  path: '/events/{id}/budget',
  permission: 'vendors:write',
  summary: 'Enter the budget per category by hand',
  request: { params: ZIdParam, body: jsonBody(ZBudgetSet) },
  responses: { 200: jsonResponse(z.object({ budget: ZBudgetReport }), 'Budget.'), ...refusals },
});
const mine = defineRoute({
  method: 'get',
  path: '/mine',
  permission: 'vendors:portal',
  summary: "A vendor's own pages: their assignments, POs, payments, blocks and call sheet",
  responses: { 200: jsonResponse(ZVendorPortal, 'Theirs only.'), ...errorResponses },
});
const mineStatus = defineRoute({
  method: 'post',
  path: '/mine/assignments/{id}/status',
  permission: 'vendors:portal',
  summary: 'The vendor confirms, starts or delivers their own assignment',
  request: { params: ZIdParam, body: jsonBody(ZStatusChange) },
  responses: { 200: jsonResponse(ZOneAssignment, 'Moved.'), ...refusals },
});
const mineCheckIn = defineRoute({
  method: 'post',
  path: '/mine/assignments/{id}/check-in',
  permission: 'vendors:portal',
  summary: 'The vendor checks in on arrival',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZOneAssignment, 'Checked in.'), ...refusals },
});
const minePdf = defineRoute({
  method: 'get',
  path: '/mine/assignments/{id}/po.pdf',
  permission: 'vendors:portal',
  summary: 'The vendor downloads their own PO',
  request: { params: ZIdParam },
  responses: { 200: pdfResponse, ...refusals },
});

const makeLink = defineRoute({
  method: 'post',
  path: '/assignments/{id}/links',
  permission: 'vendors:write',
  summary: 'A signed, expiring, revocable link for the vendor to see and accept their PO (/po/:token)',
  request: { params: ZIdParam, body: jsonBody(ZPoLinkCreate) },
  responses: { 201: jsonResponse(ZPoLinkMade, 'The link and its WhatsApp message.'), ...refusals },
});
const listLinks = defineRoute({
  method: 'get',
  path: '/assignments/{id}/links',
  permission: 'vendors:read',
  summary: "A PO's share links: when each expires, was last opened or was withdrawn",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ links: z.array(ZPoLink) }), 'Links, newest first.'), ...errorResponses },
});
const revokeLink = defineRoute({
  method: 'post',
  path: '/links/{id}/revoke',
  permission: 'vendors:write',
  summary: 'Withdraw a PO link at once (opening it then answers 410)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ link: ZPoLink }), 'Withdrawn.'), ...errorResponses },
});

const param = (c: AppContext) => (c.req.param('id') ?? '') as string;

export const vendorWorkRoutes = createRouter()
  .route('/', myDocumentRoutes)
  .openapi(list, async (c) =>
    c.json({ assignments: await assignments.listAssignments(c.get('deps'), viewerOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(create, async (c) =>
    c.json({ assignment: await assignments.createAssignment(c.get('deps'), viewerOf(c), c.req.valid('json')) }, 201),
  )
  .openapi(get, async (c) =>
    c.json(
      { assignment: await assignments.loadAssignment(c.get('deps').db, viewerOf(c), c.req.valid('param').id) },
      200,
    ),
  )
  .openapi(status, async (c) => {
    const { status: to, note } = c.req.valid('json');
    return c.json(
      { assignment: await assignments.changeStatus(c.get('deps'), viewerOf(c), c.req.valid('param').id, to, note) },
      200,
    );
  })
  .openapi(markPaid, async (c) =>
    c.json(
      { assignment: await assignments.changeStatus(c.get('deps'), viewerOf(c), c.req.valid('param').id, 'paid') },
      200,
    ),
  )
  .openapi(checkIn, async (c) =>
    c.json({ assignment: await assignments.checkIn(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(poPdf, async (c) => poPdfResponse(c, viewerOf(c), param(c)))
  .openapi(makeLink, async (c) =>
    c.json(await createPoLink(c.get('deps'), viewerOf(c), c.req.valid('param').id, c.req.valid('json').days), 201),
  )
  .openapi(listLinks, async (c) =>
    c.json({ links: await listPoLinks(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(revokeLink, async (c) =>
    c.json({ link: await revokePoLink(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(addDep, async (c) =>
    c.json(
      { dependency: await addDependency(c.get('deps'), viewerOf(c), c.req.valid('param').id, c.req.valid('json')) },
      201,
    ),
  )
  .openapi(delDep, async (c) => {
    await removeDependency(c.get('deps'), viewerOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(graph, async (c) => c.json(await eventVendorGraph(c.get('deps'), viewerOf(c), c.req.valid('param').id), 200))
  .openapi(getSchedule, async (c) => {
    const { id } = c.req.valid('param');
    const deps = c.get('deps');
    await assignments.loadAssignment(deps.db, viewerOf(c), id);
    return c.json({ schedule: await payables.scheduleOf(deps.db, id) }, 200);
  })
  .openapi(putSchedule, async (c) =>
    c.json(
      {
        schedule: await payables.setSchedule(
          c.get('deps'),
          viewerOf(c),
          c.req.valid('param').id,
          c.req.valid('json').items,
        ),
      },
      200,
    ),
  )
  .openapi(pay, async (c) => {
    const input = c.req.valid('json');
    const { id } = c.req.valid('param');
    const viewer = viewerOf(c);
    const at = c.get('deps').now();
    return idempotentJson(c, { scope: 'vendors.pay', request: { id, ...input } }, async (tx) => ({
      status: 201,
      body: { payment: await payables.recordVendorPayment(tx, viewer, id, input, at) },
    }));
  })
  .openapi(listPay, async (c) => {
    const { id } = c.req.valid('param');
    const deps = c.get('deps');
    await assignments.loadAssignment(deps.db, viewerOf(c), id);
    return c.json({ payments: await payables.listVendorPayments(deps.db, viewerOf(c), { assignmentId: id }) }, 200);
  })
  .openapi(payablesRoute, async (c) => c.json(await payables.listPayables(c.get('deps'), viewerOf(c)), 200))
  .openapi(budget, async (c) =>
    c.json({ budget: await budgetReport(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(putBudget, async (c) =>
    c.json(
      { budget: await setBudget(c.get('deps'), viewerOf(c), c.req.valid('param').id, c.req.valid('json').items) },
      200,
    ),
  )
  .openapi(mine, async (c) => c.json(await vendorPortal(c.get('deps'), viewerOf(c)), 200))
  .openapi(mineStatus, async (c) => {
    const { status: to, note } = c.req.valid('json');
    return c.json(
      { assignment: await assignments.changeStatus(c.get('deps'), viewerOf(c), c.req.valid('param').id, to, note) },
      200,
    );
  })
  .openapi(mineCheckIn, async (c) =>
    c.json({ assignment: await assignments.checkIn(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(minePdf, async (c) => poPdfResponse(c, viewerOf(c), param(c)));
