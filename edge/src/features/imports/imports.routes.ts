import { ZImportLeads, ZImportLeadsResult } from '@mandap/shared';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { actorOf } from '../leads/leads.routes.ts';
import { importLeads } from './imports.service.ts';

const leadsImport = defineRoute({
  method: 'post',
  path: '/leads',
  permission: 'leads:write',
  summary: 'Import spreadsheet rows as leads: a dry run reports every row; a commit creates the good rows only',
  request: { body: jsonBody(ZImportLeads) },
  responses: { 200: jsonResponse(ZImportLeadsResult, 'Per-row results with line numbers.'), ...errorResponses },
});

export const importsRoutes = createRouter().openapi(leadsImport, async (c) =>
  c.json(await importLeads(c.get('deps'), c.req.valid('json'), actorOf(c)), 200),
);
