import { z } from '@hono/zod-openapi';
import { type PaymentTermTemplate, ZPaymentTermTemplates } from '@mandap/shared/quotes';
import { originOf, viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, typedOutline } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { listPaymentTermTemplates, savePaymentTermTemplates } from './payment-terms.service.ts';

const ZTemplatesBody = z.object({
  templates: z.array(typedOutline<PaymentTermTemplate>()(z.looseObject({ id: z.string(), name: z.string() }))),
});

const get = defineRoute({
  method: 'get',
  path: '/',
  permission: 'quotes:read',
  summary: 'The house payment-term templates (a new quote starts with the first)',
  responses: { 200: jsonResponse(ZTemplatesBody, 'Templates in order.'), ...errorResponses },
});

const save = defineRoute({
  method: 'put',
  path: '/',
  permission: 'settings:manage',
  summary: 'Replace the payment-term templates (each must add up to 100%)',
  request: { body: jsonBody(ZPaymentTermTemplates) },
  responses: { 200: jsonResponse(ZTemplatesBody, 'Saved.'), ...errorResponses },
});

export const paymentTermsRoutes = createRouter()
  .openapi(get, async (c) => c.json({ templates: await listPaymentTermTemplates(c.get('deps').db) }, 200))
  .openapi(save, async (c) => {
    const templates = await savePaymentTermTemplates(c.get('deps'), viewerOf(c), c.req.valid('json'), originOf(c));
    return c.json({ templates }, 200);
  });
