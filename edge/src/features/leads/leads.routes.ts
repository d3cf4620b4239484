import { ZLeadList, ZLeadListQuery } from '@mandap/shared';
import { errorResponses, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { listLeads } from './leads.service.ts';

const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'leads:read',
  summary: 'Leads, newest first, filtered by stage and source',
  request: { query: ZLeadListQuery },
  responses: { 200: jsonResponse(ZLeadList, 'Leads and the total matching.'), ...errorResponses },
});

export const leadsRoutes = createRouter().openapi(list, async (c) =>
  c.json(await listLeads(c.get('deps'), c.req.valid('query')), 200),
);
