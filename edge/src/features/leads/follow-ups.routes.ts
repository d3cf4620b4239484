import { z } from '@hono/zod-openapi';
import { ZCompleteFollowUp, ZMyFollowUps, ZSnoozeFollowUp } from '@mandap/shared/leads';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { completeFollowUp, myFollowUps, snoozeFollowUp } from './follow-ups.service.ts';
import { actorOf } from './leads.routes.ts';

const ZChanged = z.object({ id: z.string(), dueAt: z.string(), status: z.string() });

const mine = defineRoute({
  method: 'get',
  path: '/mine',
  permission: 'leads:read',
  summary: 'My open follow-ups: overdue, today and upcoming (Asia/Kolkata days)',
  responses: { 200: jsonResponse(ZMyFollowUps, 'Grouped, soonest first.'), ...errorResponses },
});
const snooze = defineRoute({
  method: 'post',
  path: '/{id}/snooze',
  permission: 'leads:write',
  summary: 'Push a follow-up later; its reminder moves with it',
  request: { params: ZIdParam, body: jsonBody(ZSnoozeFollowUp) },
  responses: { 200: jsonResponse(ZChanged, 'Snoozed.'), ...errorResponses },
});
const complete = defineRoute({
  method: 'post',
  path: '/{id}/complete',
  permission: 'leads:write',
  summary: 'Mark a follow-up done; its pending reminder is cancelled',
  request: { params: ZIdParam, body: jsonBody(ZCompleteFollowUp) },
  responses: { 200: jsonResponse(ZChanged, 'Done.'), ...errorResponses },
});

const view = (f: { id: string; dueAt: string; status: string }) => ({ id: f.id, dueAt: f.dueAt, status: f.status });

export const followUpsRoutes = createRouter()
  .openapi(mine, async (c) => c.json(await myFollowUps(c.get('deps'), viewerOf(c)), 200))
  .openapi(snooze, async (c) => {
    const f = await snoozeFollowUp(
      c.get('deps'),
      c.req.valid('param').id,
      c.req.valid('json').minutes,
      viewerOf(c),
      actorOf(c),
    );
    return c.json(view(f), 200);
  })
  .openapi(complete, async (c) => {
    const f = await completeFollowUp(
      c.get('deps'),
      c.req.valid('param').id,
      c.req.valid('json').outcome,
      viewerOf(c),
      actorOf(c),
    );
    return c.json(view(f), 200);
  });
