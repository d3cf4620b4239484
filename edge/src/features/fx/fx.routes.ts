import { z } from '@hono/zod-openapi';
import { ZManualFxRate } from '@mandap/shared/quotes';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { fxProviderOf, listLatestRates, refreshRates, setManualRate } from './fx-rates.service.ts';

const ZSnapshot = z.object({
  base: z.string(),
  quote: z.string(),
  rate: z.string(),
  source: z.string(),
  asOf: z.string(),
});
const ZRates = z.object({ rates: z.array(ZSnapshot) });
const refused = { 422: jsonResponse(z.looseObject({}), 'No API key, or the provider refused.') };

const list = defineRoute({
  method: 'get',
  path: '/rates',
  permission: 'quotes:read',
  summary: 'The newest rate of every currency pair, with its source and date',
  responses: { 200: jsonResponse(ZRates, 'Rates.'), ...errorResponses },
});

const setManual = defineRoute({
  method: 'post',
  path: '/rates',
  permission: 'payments:record',
  summary: 'Finance sets a rate by hand (kept as history; the newest wins)',
  request: { body: jsonBody(ZManualFxRate) },
  responses: { 201: jsonResponse(z.object({ rate: ZSnapshot }), 'Stored.'), ...errorResponses },
});

const refresh = defineRoute({
  method: 'post',
  path: '/refresh',
  permission: 'payments:record',
  summary: 'Fetch today’s INR rates from ExchangeRate-API and cache them',
  responses: { 200: jsonResponse(ZRates, 'Fresh rates.'), ...errorResponses, ...refused },
});

export const fxRoutes = createRouter()
  .openapi(list, async (c) => c.json({ rates: await listLatestRates(c.get('deps')) }, 200))
  .openapi(setManual, async (c) =>
    c.json({ rate: await setManualRate(c.get('deps'), viewerOf(c), c.req.valid('json')) }, 201),
  )
  .openapi(refresh, async (c) => {
    const deps = c.get('deps');
    return c.json({ rates: await refreshRates(deps, fxProviderOf(deps), viewerOf(c).id) }, 200);
  });
