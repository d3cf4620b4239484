import { z } from '@hono/zod-openapi';
import { ZEventAccessCandidates, ZEventAccessEntry, ZEventAccessInput, ZEventAccessList } from '@mandap/shared/access';
import { originOf, viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { listAccessCandidates, listEventAccess, removeEventAccess, setEventAccess } from './event-access.service.ts';

const ZUserParam = ZIdParam.extend({ userId: z.uuid({ error: 'must be an id (UUID)' }) });

const list = defineRoute({
  method: 'get',
  path: '/events/{id}',
  permission: 'events:write',
  summary: 'The vendor and client users linked to an event, and how (read or write)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZEventAccessList, 'People by name.'), ...errorResponses },
});

const candidates = defineRoute({
  method: 'get',
  path: '/people',
  permission: 'events:write',
  summary: 'The vendor and client users who may be linked to events (not deactivated), by name',
  responses: { 200: jsonResponse(ZEventAccessCandidates, 'People by name.'), ...errorResponses },
});

const put = defineRoute({
  method: 'put',
  path: '/events/{id}/users/{userId}',
  permission: 'events:write',
  summary: 'Links a vendor or client user to an event, or changes their access; open documents follow within seconds',
  request: { params: ZUserParam, body: jsonBody(ZEventAccessInput) },
  responses: { 200: jsonResponse(ZEventAccessEntry, 'The link.'), ...errorResponses },
});

const remove = defineRoute({
  method: 'delete',
  path: '/events/{id}/users/{userId}',
  permission: 'events:write',
  summary: "Removes a user's link to an event; their open documents of the event are closed within seconds",
  request: { params: ZUserParam },
  responses: { 204: { description: 'Removed.' }, ...errorResponses },
});

/** Mounted at /api/event-access. */
export const eventAccessRoutes = createRouter()
  .openapi(candidates, async (c) => c.json({ people: await listAccessCandidates(c.get('deps')) }, 200))
  .openapi(list, async (c) => c.json({ people: await listEventAccess(c.get('deps'), c.req.valid('param').id) }, 200))
  .openapi(put, async (c) => {
    const { id, userId } = c.req.valid('param');
    const entry = await setEventAccess(c.get('deps'), viewerOf(c), id, userId, c.req.valid('json').access, originOf(c));
    return c.json(entry, 200);
  })
  .openapi(remove, async (c) => {
    const { id, userId } = c.req.valid('param');
    await removeEventAccess(c.get('deps'), viewerOf(c), id, userId, originOf(c));
    return c.body(null, 204);
  });
