import { ZAssigneeList, ZClientConfig, ZMyTaskList, ZMyTasksQuery } from '@mandap/shared';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
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
  summary: 'Active staff a task can be assigned to',
  responses: { 200: jsonResponse(ZAssigneeList, 'People by name.'), ...errorResponses },
});

/** Mounted at /api: GET /api/config and the workspace's read routes. */
export const workspaceRoutes = createRouter()
  .openapi(config, (c) => c.json(clientConfig(c.get('deps'), c.req.url), 200))
  .openapi(myTasks, async (c) => {
    const tasks = await listMyTasks(c.get('deps'), viewerOf(c), c.req.valid('query').include);
    return c.json({ tasks }, 200);
  })
  .openapi(assignees, async (c) => c.json({ people: await listAssignees(c.get('deps')) }, 200));
