import { z } from '@hono/zod-openapi';
import {
  ZAssignLead,
  ZCommunication,
  ZCommunicationList,
  ZConversionResult,
  ZConvertLead,
  ZCreateLead,
  ZDuplicateLead,
  ZFollowUp,
  ZLeadHistory,
  ZLeadList,
  ZLeadListQuery,
  ZLeadResult,
  ZLogCommunication,
  ZMoveLead,
  ZScheduleFollowUp,
  ZUpdateLead,
} from '@mandap/shared/leads';
import { viewerOf } from '../../lib/context.ts';
import { idempotentJson } from '../../lib/idempotency.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { actorOf } from './actor.ts';
import { leadAttachmentsRoutes } from './attachments.routes.ts';
import { listCommunications, logCommunication, writeCommunication } from './communications.service.ts';
import { leadFollowUpList, scheduleFollowUp } from './follow-ups.service.ts';
import { convertLead } from './lead-conversion.service.ts';
import { leadHistory } from './lead-history.service.ts';
import { leadOptionsRoutes } from './lead-options.routes.ts';
import { moveLead } from './lead-stage.service.ts';
import * as service from './leads.service.ts';

export { actorOf };

const leadResult = { 200: jsonResponse(ZLeadResult, 'The lead.'), ...errorResponses };
const refused = {
  422: jsonResponse(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    'Refused by a rule; the message says why.',
  ),
};

const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'leads:read',
  summary: 'Leads filtered by stage, source, owner, temperature, event date and budget; sorted and paged',
  request: { query: ZLeadListQuery },
  responses: { 200: jsonResponse(ZLeadList, 'Leads and the total matching.'), ...errorResponses },
});
const create = defineRoute({
  method: 'post',
  path: '/',
  permission: 'leads:write',
  summary: 'Create a lead by hand; a lead with the same phone or email answers 409 with that lead',
  request: { body: jsonBody(ZCreateLead) },
  responses: {
    201: jsonResponse(ZLeadResult, 'Created.'),
    409: jsonResponse(ZDuplicateLead, 'A lead with this phone or email exists.'),
    ...errorResponses,
  },
});
const get = defineRoute({
  method: 'get',
  path: '/{id}',
  permission: 'leads:read',
  summary: 'One lead with its brief',
  request: { params: ZIdParam },
  responses: leadResult,
});
const update = defineRoute({
  method: 'patch',
  path: '/{id}',
  permission: 'leads:write',
  summary: 'Edit contact details, temperature and the brief',
  request: { params: ZIdParam, body: jsonBody(ZUpdateLead) },
  responses: leadResult,
});
const move = defineRoute({
  method: 'post',
  path: '/{id}/stage',
  permission: 'leads:write',
  summary: 'Move the lead to another stage, checked against the lead lifecycle (Lost needs a reason)',
  request: { params: ZIdParam, body: jsonBody(ZMoveLead) },
  responses: { ...leadResult, ...refused },
});
const assign = defineRoute({
  method: 'post',
  path: '/{id}/owner',
  permission: 'leads:write',
  summary: 'Hand the lead to another owner',
  request: { params: ZIdParam, body: jsonBody(ZAssignLead) },
  responses: leadResult,
});
const history = defineRoute({
  method: 'get',
  path: '/{id}/history',
  permission: 'leads:read',
  summary: 'Every domain event on the lead, with before/after from the audit log',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZLeadHistory, 'Oldest first.'), ...errorResponses },
});
const convert = defineRoute({
  method: 'post',
  path: '/{id}/convert',
  permission: 'clients:write',
  summary: 'Convert to a client and a tentative event in one step',
  request: { params: ZIdParam, body: jsonBody(ZConvertLead) },
  responses: { 201: jsonResponse(ZConversionResult, 'Client and event created.'), ...errorResponses, ...refused },
});
const timeline = defineRoute({
  method: 'get',
  path: '/{id}/communications',
  permission: 'leads:read',
  summary: 'Calls, WhatsApp messages, meetings, emails and notes, newest first',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZCommunicationList, 'The timeline.'), ...errorResponses },
});
const logComm = defineRoute({
  method: 'post',
  path: '/{id}/communications',
  permission: 'leads:write',
  summary: 'Log a call, WhatsApp message, meeting, email or note',
  request: { params: ZIdParam, body: jsonBody(ZLogCommunication) },
  responses: { 201: jsonResponse(z.object({ communication: ZCommunication }), 'Logged.'), ...errorResponses },
});
const followUps = defineRoute({
  method: 'get',
  path: '/{id}/follow-ups',
  permission: 'leads:read',
  summary: "The lead's follow-ups",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ followUps: z.array(ZFollowUp) }), 'Open first.'), ...errorResponses },
});
const schedule = defineRoute({
  method: 'post',
  path: '/{id}/follow-ups',
  permission: 'leads:write',
  summary: 'Plan a follow-up; a reminder goes into the notification outbox',
  request: { params: ZIdParam, body: jsonBody(ZScheduleFollowUp) },
  responses: {
    201: jsonResponse(z.object({ id: z.string(), dueAt: z.string() }), 'Planned.'),
    ...errorResponses,
    ...refused,
  },
});

export const leadsRoutes = createRouter()
  .route('/', leadOptionsRoutes)
  .openapi(list, async (c) => c.json(await service.listLeads(c.get('deps'), viewerOf(c), c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const outcome = await service.createLead(c.get('deps'), c.req.valid('json'), actorOf(c));
    if ('duplicate' in outcome) {
      const d = outcome.duplicate;
      const field = d.phone && d.phone === c.req.valid('json').phone ? 'phone' : 'email';
      return c.json(
        {
          error: {
            code: 'duplicate_lead' as const,
            message: `This ${field} is already on lead ${d.code} (${d.name}). Open that lead instead of creating a twin.`,
            fields: { [field]: `already on ${d.code}` },
          },
          existing: d,
        },
        409,
      );
    }
    return c.json({ lead: outcome.created }, 201);
  })
  .openapi(get, async (c) => c.json({ lead: await service.getLead(c.get('deps'), c.req.valid('param').id) }, 200))
  .openapi(update, async (c) => {
    const lead = await service.updateLead(c.get('deps'), c.req.valid('param').id, c.req.valid('json'), actorOf(c));
    return c.json({ lead }, 200);
  })
  .openapi(move, async (c) => {
    const lead = await moveLead(c.get('deps'), c.req.valid('param').id, c.req.valid('json'), actorOf(c));
    return c.json({ lead }, 200);
  })
  .openapi(assign, async (c) => {
    const lead = await service.assignLead(
      c.get('deps'),
      c.req.valid('param').id,
      c.req.valid('json').ownerId,
      actorOf(c),
    );
    return c.json({ lead }, 200);
  })
  .openapi(history, async (c) => c.json({ entries: await leadHistory(c.get('deps'), c.req.valid('param').id) }, 200))
  .openapi(convert, async (c) => {
    const result = await convertLead(c.get('deps'), c.req.valid('param').id, c.req.valid('json'), actorOf(c));
    return c.json(result, 201);
  })
  .openapi(timeline, async (c) =>
    c.json({ communications: await listCommunications(c.get('deps'), c.req.valid('param').id) }, 200),
  )
  .openapi(logComm, async (c) => {
    const [deps, id, input, actor] = [c.get('deps'), c.req.valid('param').id, c.req.valid('json'), actorOf(c)];
    // With an Idempotency-Key (the offline queue replaying a log) the same key logs once.
    if (!c.req.header('idempotency-key'))
      return c.json({ communication: await logCommunication(deps, id, input, actor) }, 201);
    return idempotentJson(c, { scope: 'leads.communication', request: { id, ...input } }, async (tx) => ({
      status: 201,
      body: { communication: await writeCommunication(deps, tx, id, input, actor) },
    }));
  })
  .openapi(followUps, async (c) =>
    c.json({ followUps: await leadFollowUpList(c.get('deps'), c.req.valid('param').id) }, 200),
  )
  .openapi(schedule, async (c) => {
    const f = await scheduleFollowUp(c.get('deps'), c.req.valid('param').id, c.req.valid('json'), actorOf(c));
    return c.json({ id: f.id, dueAt: f.dueAt }, 201);
  })
  .route('/', leadAttachmentsRoutes);
