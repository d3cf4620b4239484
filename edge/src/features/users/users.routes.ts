import { z } from '@hono/zod-openapi';
import { ZInviteResult, ZInviteUser, ZUpdateUser, ZUser, ZUserList } from '@mandap/shared/auth';
import { originOf, viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import * as service from './users.service.ts';

const ZUserResult = z.object({ user: ZUser });

const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'users:manage',
  summary: 'Everyone with an account',
  responses: { 200: jsonResponse(ZUserList, 'Users by name.'), ...errorResponses },
});

const invite = defineRoute({
  method: 'post',
  path: '/',
  permission: 'users:manage',
  summary: 'Invite a user; the invite link goes to the notification outbox',
  request: { body: jsonBody(ZInviteUser) },
  responses: { 201: jsonResponse(ZInviteResult, 'Invited.'), ...errorResponses },
});

const update = defineRoute({
  method: 'patch',
  path: '/{id}',
  permission: 'users:manage',
  summary: 'Change name, phone or role (a role change ends their current tokens)',
  request: { params: ZIdParam, body: jsonBody(ZUpdateUser) },
  responses: { 200: jsonResponse(ZUserResult, 'Updated.'), ...errorResponses },
});

const deactivate = defineRoute({
  method: 'post',
  path: '/{id}/deactivate',
  permission: 'users:manage',
  summary: 'Deactivate: their sessions and tokens stop working at once',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZUserResult, 'Deactivated.'), ...errorResponses },
});

const reactivate = defineRoute({
  method: 'post',
  path: '/{id}/reactivate',
  permission: 'users:manage',
  summary: 'Reactivate a deactivated user',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZUserResult, 'Reactivated.'), ...errorResponses },
});

export const usersRoutes = createRouter()
  .openapi(list, async (c) => c.json({ users: await service.listUsers(c.get('deps')) }, 200))
  .openapi(invite, async (c) => {
    const user = await service.inviteUser(c.get('deps'), viewerOf(c), c.req.valid('json'), originOf(c));
    return c.json({ user }, 201);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const user = await service.updateUser(c.get('deps'), viewerOf(c), id, c.req.valid('json'), originOf(c));
    return c.json({ user }, 200);
  })
  .openapi(deactivate, async (c) => {
    const user = await service.setUserActive(c.get('deps'), viewerOf(c), c.req.valid('param').id, false, originOf(c));
    return c.json({ user }, 200);
  })
  .openapi(reactivate, async (c) => {
    const user = await service.setUserActive(c.get('deps'), viewerOf(c), c.req.valid('param').id, true, originOf(c));
    return c.json({ user }, 200);
  });
