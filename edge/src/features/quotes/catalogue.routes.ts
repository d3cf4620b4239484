import { z } from '@hono/zod-openapi';
import { ZCatalogueItemInput } from '@mandap/shared';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { addCatalogueItem, listCatalogue } from './catalogue.service.ts';

const ZItem = z.looseObject({ id: z.string(), name: z.string(), rateMinor: z.number() });

const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'quotes:read',
  summary: 'Reusable quotation lines with default rates (the house’s own, then the built-in ones)',
  responses: { 200: jsonResponse(z.object({ items: z.array(ZItem) }), 'Catalogue.'), ...errorResponses },
});

const add = defineRoute({
  method: 'post',
  path: '/',
  permission: 'quotes:write',
  summary: 'Add a catalogue item',
  request: { body: jsonBody(ZCatalogueItemInput) },
  responses: { 201: jsonResponse(z.object({ item: ZItem }), 'Added.'), ...errorResponses },
});

export const catalogueRoutes = createRouter()
  .openapi(list, async (c) => c.json({ items: await listCatalogue(c.get('deps')) }, 200))
  .openapi(add, async (c) =>
    c.json({ item: await addCatalogueItem(c.get('deps'), viewerOf(c), c.req.valid('json')) }, 201),
  );
