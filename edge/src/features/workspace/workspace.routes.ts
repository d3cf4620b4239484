import { z } from '@hono/zod-openapi';
import {
  ZAssigneeList,
  ZAssigneesQuery,
  ZBriefShareInput,
  ZBriefShareLink,
  ZBriefShareLinkList,
  ZBriefShareLinkRow,
  ZClientConfig,
  ZEventVendorList,
  ZMyTaskList,
  ZMyTasksQuery,
} from '@mandap/shared/events';
import { originOf, viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import {
  type BriefTarget,
  createBriefShareLink,
  listBriefShareLinks,
  revokeBriefShareLink,
} from './brief-share.service.ts';
import { listEventVendors } from './event-vendors.service.ts';
import { clientConfig, listAssignees, listMyTasks } from './workspace.service.ts';

const config = defineRoute({
  method: 'get',
  path: '/config',
  permission: 'public',
  summary: 'Client configuration: where the collab-server listens',
  responses: { 200: jsonResponse(ZClientConfig, 'Configuration.') },
});

const myTasks = defineRoute({
  method: 'get',
  path: '/workspace/my-tasks',
  permission: 'tasks:read',
  summary: 'Tasks assigned to me on every event I can see (from the task-board projection)',
  request: { query: ZMyTasksQuery },
  responses: { 200: jsonResponse(ZMyTaskList, 'My tasks, soonest due first.'), ...errorResponses },
});

const assignees = defineRoute({
  method: 'get',
  path: '/workspace/assignees',
  permission: 'tasks:write',
  summary: 'Active staff a task can be assigned to (with eventId: also vendor users who may write to that event)',
  request: { query: ZAssigneesQuery },
  responses: { 200: jsonResponse(ZAssigneeList, 'People by name.'), ...errorResponses },
});

const eventVendors = defineRoute({
  method: 'get',
  path: '/workspace/events/{id}/vendors',
  permission: 'events:read',
  summary: "The event's booked vendors and when each is due on site (for the event-day arrival log)",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZEventVendorList, 'Vendors by name.'), ...errorResponses },
});

const shareRoute = (scope: 'lead' | 'event') =>
  defineRoute({
    method: 'post',
    path: `/workspace/${scope}s/{id}/brief-share-link`,
    // Leads: whoever may change leads (sales, managers); events: whoever may change events (operations, managers).
    permission: scope === 'lead' ? 'leads:write' : 'events:write',
    summary: `A signed, expiring, read-only link to the ${scope}'s live brief (no login needed)`,
    request: { params: ZIdParam, body: jsonBody(ZBriefShareInput) },
    responses: { 200: jsonResponse(ZBriefShareLink, 'The link and its expiry.'), ...errorResponses },
  });
const shareLeadBrief = shareRoute('lead');
const shareEventBrief = shareRoute('event');

// Listing and withdrawing links need the same permission as issuing them.
const listSharesRoute = (scope: 'lead' | 'event') =>
  defineRoute({
    method: 'get',
    path: `/workspace/${scope}s/{id}/brief-share-links`,
    permission: scope === 'lead' ? 'leads:write' : 'events:write',
    summary: `The read-only links issued for the ${scope}'s brief: who, when, until when, withdrawn or not`,
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZBriefShareLinkList, 'Newest first.'), ...errorResponses },
  });
const listLeadShares = listSharesRoute('lead');
const listEventShares = listSharesRoute('event');

const ZLinkParam = ZIdParam.extend({ linkId: z.uuid() });
const revokeShareRoute = (scope: 'lead' | 'event') =>
  defineRoute({
    method: 'post',
    path: `/workspace/${scope}s/{id}/brief-share-links/{linkId}/revoke`,
    permission: scope === 'lead' ? 'leads:write' : 'events:write',
    summary: `Withdraws a read-only link to the ${scope}'s brief: open viewers are cut off within seconds`,
    request: { params: ZLinkParam },
    responses: { 200: jsonResponse(ZBriefShareLinkRow, 'The withdrawn link.'), ...errorResponses },
  });
const revokeLeadShare = revokeShareRoute('lead');
const revokeEventShare = revokeShareRoute('event');
const targetOf = (scope: 'lead' | 'event', id: string): BriefTarget => ({ scope, id });

/** Mounted at /api: GET /api/config and the workspace's read routes. */
export const workspaceRoutes = createRouter()
  .openapi(config, (c) => c.json(clientConfig(c.get('deps'), c.req.url), 200))
  .openapi(myTasks, async (c) => {
    const tasks = await listMyTasks(c.get('deps'), viewerOf(c), c.req.valid('query').include);
    return c.json({ tasks }, 200);
  })
  .openapi(assignees, async (c) =>
    c.json({ people: await listAssignees(c.get('deps'), c.req.valid('query').eventId, viewerOf(c)) }, 200),
  )
  .openapi(eventVendors, async (c) =>
    c.json({ vendors: await listEventVendors(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(shareLeadBrief, async (c) => {
    const target = { scope: 'lead' as const, id: c.req.valid('param').id };
    return c.json(
      await createBriefShareLink(c.get('deps'), viewerOf(c), target, c.req.valid('json').days, originOf(c)),
      200,
    );
  })
  .openapi(shareEventBrief, async (c) => {
    const target = { scope: 'event' as const, id: c.req.valid('param').id };
    return c.json(
      await createBriefShareLink(c.get('deps'), viewerOf(c), target, c.req.valid('json').days, originOf(c)),
      200,
    );
  })
  .openapi(listLeadShares, async (c) =>
    c.json({ links: await listBriefShareLinks(c.get('deps'), targetOf('lead', c.req.valid('param').id)) }, 200),
  )
  .openapi(listEventShares, async (c) =>
    c.json({ links: await listBriefShareLinks(c.get('deps'), targetOf('event', c.req.valid('param').id)) }, 200),
  )
  .openapi(revokeLeadShare, async (c) => {
    const { id, linkId } = c.req.valid('param');
    return c.json(
      await revokeBriefShareLink(c.get('deps'), viewerOf(c), targetOf('lead', id), linkId, originOf(c)),
      200,
    );
  })
  .openapi(revokeEventShare, async (c) => {
    const { id, linkId } = c.req.valid('param');
    return c.json(
      await revokeBriefShareLink(c.get('deps'), viewerOf(c), targetOf('event', id), linkId, originOf(c)),
      200,
    );
  });
