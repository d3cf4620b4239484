import { z } from '@hono/zod-openapi';
import { ZEventBrief, ZEventList, ZEventSummary } from '@mandap/shared/events';
import { ZUpdateLeadBrief } from '@mandap/shared/leads';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { actorOf } from '../leads/actor.ts';
import { getEventBrief, updateEventBrief } from './event-brief.service.ts';
import { getEvent, listEvents, listEventsNeedingPlan } from './events.service.ts';

const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'events:read',
  summary: 'Events by start date (vendors and clients: only their own)',
  responses: { 200: jsonResponse(ZEventList, 'Visible events.'), ...errorResponses },
});

const needingPlan = defineRoute({
  method: 'get',
  path: '/needing-plan',
  permission: 'payments:read',
  summary: 'Accepted bookings that still need a milestone plan (finance)',
  responses: { 200: jsonResponse(ZEventList, 'Events with an accepted quote and no plan.'), ...errorResponses },
});

const get = defineRoute({
  method: 'get',
  path: '/{id}',
  permission: 'events:read',
  summary: 'One event (404 when it is not visible to this user)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ event: ZEventSummary }), 'The event.'), ...errorResponses },
});

const getBrief = defineRoute({
  method: 'get',
  path: '/{id}/brief',
  permission: 'leads:read',
  summary: "The event's structured brief: the record of the lead it came from (one owner with the lead card)",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZEventBrief, 'The structured brief.'), ...errorResponses },
});

const updateBrief = defineRoute({
  method: 'patch',
  path: '/{id}/brief',
  permission: 'briefs:write',
  summary: "Change the event's structured brief (its lead's record)",
  request: { params: ZIdParam, body: jsonBody(ZUpdateLeadBrief) },
  responses: { 200: jsonResponse(ZEventBrief, 'The brief as saved.'), ...errorResponses },
});

export const eventsRoutes = createRouter()
  .openapi(list, async (c) => c.json({ events: await listEvents(c.get('deps'), viewerOf(c)) }, 200))
  .openapi(needingPlan, async (c) => c.json({ events: await listEventsNeedingPlan(c.get('deps'), viewerOf(c)) }, 200))
  .openapi(get, async (c) =>
    c.json({ event: await getEvent(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(getBrief, async (c) => c.json(await getEventBrief(c.get('deps'), viewerOf(c), c.req.valid('param').id), 200))
  .openapi(updateBrief, async (c) =>
    c.json(
      await updateEventBrief(c.get('deps'), viewerOf(c), c.req.valid('param').id, c.req.valid('json'), actorOf(c)),
      200,
    ),
  );
