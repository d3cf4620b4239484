import { z } from '@hono/zod-openapi';
import {
  ZBankDetails,
  ZRatingInput,
  ZVendor,
  ZVendorCategory,
  ZVendorCategoryCreate,
  ZVendorCreate,
  ZVendorListQuery,
  ZVendorPatch,
  ZVendorRating,
} from '@mandap/shared/vendors';
import { originOf, viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { vendorDocumentRoutes } from './documents.routes.ts';
import * as svc from './vendors.service.ts';

const ZVendorOne = z.object({ vendor: ZVendor });
const moreErrors = {
  ...errorResponses,
  409: jsonResponse(z.object({}), 'Conflict (the name is taken).'),
  422: jsonResponse(z.object({}), 'Refused: the reason says why.'),
};

const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'vendors:read',
  summary: 'Vendors, searched and filtered by category, city and minimum rating (bank details masked)',
  request: { query: ZVendorListQuery },
  responses: { 200: jsonResponse(z.object({ vendors: z.array(ZVendor) }), 'Vendors by name.'), ...errorResponses },
});
const categories = defineRoute({
  method: 'get',
  path: '/categories',
  permission: 'vendors:read',
  summary: 'Vendor categories: the built-in list plus those added in Settings',
  responses: {
    200: jsonResponse(z.object({ categories: z.array(ZVendorCategory) }), 'Categories.'),
    ...errorResponses,
  },
});
const addCategory = defineRoute({
  method: 'post',
  path: '/categories',
  permission: 'settings:manage',
  summary: 'Add a vendor category',
  request: { body: jsonBody(ZVendorCategoryCreate) },
  responses: { 201: jsonResponse(z.object({ category: ZVendorCategory }), 'Added.'), ...moreErrors },
});
const create = defineRoute({
  method: 'post',
  path: '/',
  permission: 'vendors:write',
  summary: 'Add a vendor (GSTIN/PAN/IFSC checked; bank details encrypted at rest)',
  request: { body: jsonBody(ZVendorCreate) },
  responses: { 201: jsonResponse(ZVendorOne, 'Created.'), ...moreErrors },
});
const get = defineRoute({
  method: 'get',
  path: '/{id}',
  permission: 'vendors:read',
  summary: 'One vendor with ratings (bank details masked)',
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse(z.object({ vendor: ZVendor, ratings: z.array(ZVendorRating) }), 'The vendor.'),
    ...errorResponses,
  },
});
const patch = defineRoute({
  method: 'patch',
  path: '/{id}',
  permission: 'vendors:write',
  summary: 'Change a vendor (bank details replaced as a whole, or removed with null)',
  request: { params: ZIdParam, body: jsonBody(ZVendorPatch) },
  responses: { 200: jsonResponse(ZVendorOne, 'Updated.'), ...moreErrors },
});
const reveal = defineRoute({
  method: 'post',
  path: '/{id}/bank/reveal',
  permission: 'vendors:bank',
  summary: 'Unmasked bank details (finance only; each reveal is audited)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ bank: ZBankDetails }), 'The details.'), ...moreErrors },
});
const rate = defineRoute({
  method: 'post',
  path: '/{id}/ratings',
  permission: 'vendors:write',
  summary: 'Rate a vendor 1–5 for an event they worked, with performance notes (one per event; a new one replaces it)',
  request: { params: ZIdParam, body: jsonBody(ZRatingInput) },
  responses: { 200: jsonResponse(z.object({ ratings: z.array(ZVendorRating) }), 'Ratings.'), ...moreErrors },
});

export const vendorMasterRoutes = createRouter()
  .route('/', vendorDocumentRoutes)
  .openapi(categories, async (c) => c.json({ categories: await svc.listCategories(c.get('deps').db) }, 200))
  .openapi(addCategory, async (c) =>
    c.json({ category: await svc.addCategory(c.get('deps'), viewerOf(c), c.req.valid('json').label) }, 201),
  )
  .openapi(list, async (c) => c.json({ vendors: await svc.listVendors(c.get('deps'), c.req.valid('query')) }, 200))
  .openapi(create, async (c) =>
    c.json({ vendor: await svc.createVendor(c.get('deps'), viewerOf(c), c.req.valid('json'), originOf(c)) }, 201),
  )
  .openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const deps = c.get('deps');
    return c.json({ vendor: await svc.getVendor(deps, id), ratings: await svc.listRatings(deps, id) }, 200);
  })
  .openapi(patch, async (c) =>
    c.json(
      {
        vendor: await svc.updateVendor(
          c.get('deps'),
          viewerOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          originOf(c),
        ),
      },
      200,
    ),
  )
  .openapi(reveal, async (c) =>
    c.json({ bank: await svc.revealBank(c.get('deps'), viewerOf(c), c.req.valid('param').id, originOf(c)) }, 200),
  )
  .openapi(rate, async (c) =>
    c.json(
      { ratings: await svc.rateVendor(c.get('deps'), viewerOf(c), c.req.valid('param').id, c.req.valid('json')) },
      200,
    ),
  );
