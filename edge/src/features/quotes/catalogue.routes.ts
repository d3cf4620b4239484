import { z } from '@hono/zod-openapi';
import { type CatalogueItem, ZCatalogueItemInput, ZCatalogueItemPatch } from '@mandap/shared/quotes';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, typedOutline, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { addCatalogueItem, listCatalogue, updateCatalogueItem } from './catalogue.service.ts';

const ZItem = typedOutline<CatalogueItem>()(z.looseObject({ id: z.string(), name: z.string(), rateMinor: z.number() }));

const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'catalogue:read',
  summary: 'Reusable quotation lines with default rates (the house’s own, then the built-in ones)',
  request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) },
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

const edit = defineRoute({
  method: 'patch',
  path: '/{id}',
  permission: 'quotes:write',
  summary: 'Edit a house catalogue item, or retire it with active: false (quotes keep their copy)',
  request: { params: ZIdParam, body: jsonBody(ZCatalogueItemPatch) },
  responses: { 200: jsonResponse(z.object({ item: ZItem }), 'Saved.'), ...errorResponses },
});

export const catalogueRoutes = createRouter()
  .openapi(list, async (c) => {
    const includeInactive = c.req.valid('query').all === 'true';
    return c.json({ items: await listCatalogue(c.get('deps'), { includeInactive }) }, 200);
  })
  .openapi(edit, async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ item: await updateCatalogueItem(c.get('deps'), viewerOf(c), id, c.req.valid('json')) }, 200);
  })
  .openapi(add, async (c) =>
    c.json({ item: await addCatalogueItem(c.get('deps'), viewerOf(c), c.req.valid('json')) }, 201),
  );
