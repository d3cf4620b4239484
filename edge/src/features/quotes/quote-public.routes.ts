import { z } from '@hono/zod-openapi';
import { ZOk } from '@mandap/shared/common';
import { type PublicQuoteView, ZAcceptQuote, ZDeclineQuote, ZRequestChanges } from '@mandap/shared/quotes';
import { originOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, typedOutline } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { pdfResponse, quotePdfResponse } from './quote-pdf.ts';
import {
  acceptSharedQuote,
  declineSharedQuote,
  limitPublicQuote,
  openSharedQuote,
  requestQuoteChanges,
} from './quote-response.service.ts';
import { sharedVersionForPdf } from './quote-share.service.ts';

/** The share link's token; its signature and expiry are checked by the service (altered 403, expired 410). */
const ZTokenParam = z.object({ token: z.string().min(10).max(200) });
const ZPublicQuote = typedOutline<PublicQuoteView>()(
  z.looseObject({ code: z.string(), canAccept: z.boolean(), closedReason: z.string().nullable() }),
);
const linkErrors = {
  409: jsonResponse(z.looseObject({}), 'Already accepted, or superseded by a newer version.'),
  410: jsonResponse(z.looseObject({}), 'The link or the quote has expired.'),
  429: jsonResponse(z.looseObject({}), 'Too many requests from this network (Retry-After says when to try again).'),
};

const open = defineRoute({
  method: 'get',
  path: '/{token}',
  permission: 'public',
  summary: 'Open a shared quote version (records quote.viewed)',
  request: { params: ZTokenParam },
  responses: { 200: jsonResponse(ZPublicQuote, 'The quote as the client sees it.'), ...errorResponses, ...linkErrors },
});

const accept = defineRoute({
  method: 'post',
  path: '/{token}/accept',
  permission: 'public',
  summary: 'Accept with a typed name and the terms ticked (IP, user agent and time recorded)',
  request: { params: ZTokenParam, body: jsonBody(ZAcceptQuote) },
  responses: { 200: jsonResponse(ZPublicQuote, 'Accepted.'), ...errorResponses, ...linkErrors },
});

const decline = defineRoute({
  method: 'post',
  path: '/{token}/decline',
  permission: 'public',
  summary: 'Decline the quote, with an optional reason (records quote.rejected)',
  request: { params: ZTokenParam, body: jsonBody(ZDeclineQuote) },
  responses: { 200: jsonResponse(ZPublicQuote, 'Declined.'), ...errorResponses, ...linkErrors },
});

const requestChanges = defineRoute({
  method: 'post',
  path: '/{token}/request-changes',
  permission: 'public',
  summary: 'Ask for changes to a shared quote',
  request: { params: ZTokenParam, body: jsonBody(ZRequestChanges) },
  responses: { 200: jsonResponse(ZOk, 'Sent to the team.'), ...errorResponses, ...linkErrors },
});

const pdf = defineRoute({
  method: 'get',
  path: '/{token}/pdf',
  permission: 'public',
  summary: 'The shared version as a PDF',
  request: { params: ZTokenParam },
  responses: { 200: pdfResponse, ...errorResponses, ...linkErrors },
});

export const quotePublicRoutes = createRouter()
  .openapi(open, async (c) =>
    c.json(await openSharedQuote(c.get('deps'), c.req.valid('param').token, originOf(c)), 200),
  )
  .openapi(pdf, async (c) => {
    await limitPublicQuote(c.get('deps'), originOf(c), 'view');
    const { quote, view } = await sharedVersionForPdf(c.get('deps'), c.req.valid('param').token);
    return quotePdfResponse(c, quote, view);
  })
  .openapi(accept, async (c) => {
    const { token } = c.req.valid('param');
    return c.json(await acceptSharedQuote(c.get('deps'), token, c.req.valid('json'), originOf(c)), 200);
  })
  .openapi(decline, async (c) => {
    const { token } = c.req.valid('param');
    return c.json(await declineSharedQuote(c.get('deps'), token, c.req.valid('json'), originOf(c)), 200);
  })
  .openapi(requestChanges, async (c) => {
    const { token } = c.req.valid('param');
    return c.json(await requestQuoteChanges(c.get('deps'), token, c.req.valid('json'), originOf(c)), 200);
  });
