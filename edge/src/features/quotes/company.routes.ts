import { z } from '@hono/zod-openapi';
import { type CompanyProfile, ZCompanyProfile } from '@mandap/shared/company';
import { originOf, viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, typedOutline } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { companyProfile, saveCompanyProfile } from './company.ts';

const ZProfileBody = z.object({
  company: typedOutline<CompanyProfile>()(
    z.looseObject({ legalName: z.string(), gstin: z.string(), stateCode: z.string() }),
  ),
});

const get = defineRoute({
  method: 'get',
  path: '/',
  permission: 'quotes:read',
  summary: 'The company printed on quotations (legal name, GSTIN, address, bank, UPI, logo, default terms)',
  responses: { 200: jsonResponse(ZProfileBody, 'The company profile.'), ...errorResponses },
});

const save = defineRoute({
  method: 'put',
  path: '/',
  permission: 'settings:manage',
  summary: 'Save the company profile (GSTIN checksum and state checked; logo PNG/JPEG up to 200 KB)',
  request: { body: jsonBody(ZCompanyProfile) },
  responses: { 200: jsonResponse(ZProfileBody, 'Saved.'), ...errorResponses },
});

export const companyRoutes = createRouter()
  .openapi(get, async (c) => c.json({ company: await companyProfile(c.get('deps').db) }, 200))
  .openapi(save, async (c) => {
    const company = await saveCompanyProfile(c.get('deps'), viewerOf(c), c.req.valid('json'), originOf(c));
    return c.json({ company }, 200);
  });
