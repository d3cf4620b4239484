import { z } from '@hono/zod-openapi';
import { ZPoAccept, ZPublicPo } from '@mandap/shared/vendors';
import { originOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { pdfResponse } from '../quotes/quote-pdf.ts';
import { acceptPoLink, openPoLink, resolvePoToken } from './po-links.service.ts';
import { poPdfOf } from './po-pdf.ts';

/** The PO link's token; the service checks its signature, expiry and row (altered 403, expired or withdrawn 410). */
const ZTokenParam = z.object({ token: z.string().min(10).max(200) });
const linkErrors = {
  409: jsonResponse(z.looseObject({}), 'Already accepted, confirmed or cancelled.'),
  410: jsonResponse(z.looseObject({}), 'The link expired or was withdrawn.'),
  429: jsonResponse(z.looseObject({}), 'Too many requests from this network (Retry-After says when to try again).'),
};

const open = defineRoute({
  method: 'get',
  path: '/{token}',
  permission: 'public',
  summary: "A vendor opens their PO: the PO, the event's date and venue, what is paid and due",
  request: { params: ZTokenParam },
  responses: { 200: jsonResponse(ZPublicPo, 'The PO as the vendor sees it.'), ...errorResponses, ...linkErrors },
});
const accept = defineRoute({
  method: 'post',
  path: '/{token}/accept',
  permission: 'public',
  summary: 'The vendor accepts the PO with a typed name (a requested PO becomes confirmed)',
  request: { params: ZTokenParam, body: jsonBody(ZPoAccept) },
  responses: { 200: jsonResponse(ZPublicPo, 'Accepted.'), ...errorResponses, ...linkErrors },
});
const pdf = defineRoute({
  method: 'get',
  path: '/{token}/pdf',
  permission: 'public',
  summary: 'The PO as a PDF, through its link',
  request: { params: ZTokenParam },
  responses: { 200: pdfResponse, ...errorResponses, ...linkErrors },
});

export const poPublicRoutes = createRouter()
  .openapi(open, async (c) => c.json(await openPoLink(c.get('deps'), c.req.valid('param').token, originOf(c).ip), 200))
  .openapi(accept, async (c) =>
    c.json(await acceptPoLink(c.get('deps'), c.req.valid('param').token, c.req.valid('json').name, originOf(c)), 200),
  )
  .openapi(pdf, async (c) => poPdfOf(c, (await resolvePoToken(c.get('deps'), c.req.valid('param').token)).assignment));
