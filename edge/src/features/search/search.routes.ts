import { ZSearchQuery, ZSearchResults } from '@mandap/shared/search';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { searchRecords } from './search.service.ts';

const search = defineRoute({
  method: 'get',
  path: '/',
  // Any signed-in user: each kind of record is then filtered by the viewer's own permissions and links.
  permission: 'authenticated',
  summary: 'Search leads, clients, events, vendors, quotes and payments by name, phone, code or GSTIN',
  request: { query: ZSearchQuery },
  responses: { 200: jsonResponse(ZSearchResults, 'Records this user may open, best match first.'), ...errorResponses },
});

export const searchRoutes = createRouter().openapi(search, async (c) => {
  const { q, limit } = c.req.valid('query');
  return c.json({ results: await searchRecords(c.get('deps'), viewerOf(c), q, limit) }, 200);
});
