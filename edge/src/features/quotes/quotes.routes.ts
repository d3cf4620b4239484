import { z } from '@hono/zod-openapi';
import {
  type QuoteDetail,
  type QuoteSummary,
  type QuoteVersionView,
  ZCreateQuote,
  ZDiffQuery,
  ZNewQuoteVersion,
  ZQuoteDraft,
  ZQuoteListQuery,
  ZSendQuote,
} from '@mandap/shared/quotes';
import { originOf, viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, typedOutline, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { pdfResponse, quotePdfResponse } from './quote-pdf.ts';
import { clientQuoteLink, createShareLink, type ShareLink } from './quote-share.service.ts';
import * as service from './quotes.service.ts';

/** Quote bodies are large and typed in shared/ (QuoteDetail); the document shows their outline. */
const quoteDetailOutline = z.looseObject({
  quote: z.looseObject({ id: z.string(), code: z.string(), status: z.string() }),
  versions: z.array(z.looseObject({ version: z.number() })),
  current: z.looseObject({ version: z.number() }),
});
const ZQuoteDetailBody = typedOutline<QuoteDetail>()(quoteDetailOutline);
const ZShareLink = z.object({ url: z.string(), expiresAt: z.string(), message: z.string(), whatsappUrl: z.string() });
const ZSentQuoteBody = typedOutline<QuoteDetail & { share: ShareLink }>()(
  quoteDetailOutline.extend({ share: ZShareLink }),
);
const ZVersionDiffBody = typedOutline<Awaited<ReturnType<typeof service.diffVersions>>>()(
  z.looseObject({ diff: z.looseObject({}) }),
);
const ZVersionParam = ZIdParam.extend({ version: z.coerce.number().int().min(1) });
const conflict = { 409: jsonResponse(z.looseObject({}), 'The version is frozen or changed meanwhile.') };
const unprocessable = { 422: jsonResponse(z.looseObject({}), 'A needed exchange rate is missing.') };

const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'quotes:read',
  summary: 'Quotes, newest first (clients: only quotes of their events)',
  request: { query: ZQuoteListQuery },
  responses: {
    200: jsonResponse(z.object({ quotes: z.array(typedOutline<QuoteSummary>()(z.looseObject({}))) }), 'Quotes.'),
    ...errorResponses,
  },
});

const create = defineRoute({
  method: 'post',
  path: '/',
  permission: 'quotes:write',
  summary: 'Create a quote for a lead or an event; numbered QT/<FY>/NNNN, draft v1',
  request: { body: jsonBody(ZCreateQuote) },
  responses: { 201: jsonResponse(ZQuoteDetailBody, 'Created.'), ...errorResponses, ...unprocessable },
});

const get = defineRoute({
  method: 'get',
  path: '/{id}',
  permission: 'quotes:read',
  summary: 'A quote with its versions and the current version in full',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZQuoteDetailBody, 'The quote.'), ...errorResponses },
});

const saveDraft = defineRoute({
  method: 'put',
  path: '/{id}/draft',
  permission: 'quotes:write',
  summary: 'Save the draft version (a sent or accepted version is refused: 409)',
  request: { params: ZIdParam, body: jsonBody(ZQuoteDraft) },
  responses: { 200: jsonResponse(ZQuoteDetailBody, 'Saved.'), ...errorResponses, ...conflict, ...unprocessable },
});

const send = defineRoute({
  method: 'post',
  path: '/{id}/send',
  permission: 'quotes:write',
  summary: 'Send the draft: freeze it as an immutable version and get its share link',
  request: { params: ZIdParam, body: jsonBody(ZSendQuote) },
  responses: {
    200: jsonResponse(ZSentQuoteBody, 'Sent.'),
    ...errorResponses,
    ...conflict,
    ...unprocessable,
  },
});

const nextVersion = defineRoute({
  method: 'post',
  path: '/{id}/versions',
  permission: 'quotes:write',
  summary: 'Open the next version as a draft (a change order after acceptance)',
  request: { params: ZIdParam, body: jsonBody(ZNewQuoteVersion) },
  responses: { 201: jsonResponse(ZQuoteDetailBody, 'The new draft.'), ...errorResponses, ...conflict },
});

const version = defineRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  permission: 'quotes:read',
  summary: 'One version in full',
  request: { params: ZVersionParam },
  responses: {
    200: jsonResponse(z.object({ version: typedOutline<QuoteVersionView>()(z.looseObject({})) }), 'The version.'),
    ...errorResponses,
  },
});

const shareLink = defineRoute({
  method: 'post',
  path: '/{id}/versions/{version}/share-link',
  permission: 'quotes:write',
  summary: 'A new signed, expiring share link for a sent version, with the WhatsApp message',
  request: { params: ZVersionParam, body: jsonBody(ZSendQuote) },
  responses: { 200: jsonResponse(ZShareLink, 'The link.'), ...errorResponses, ...conflict },
});

const clientLink = defineRoute({
  method: 'get',
  path: '/{id}/client-link',
  permission: 'quotes:read',
  summary: 'For a signed-in client: a one-day link to the quote page of the newest sent version (Accept there)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ url: z.string() }), 'The link.'), ...errorResponses, ...conflict },
});

const diff = defineRoute({
  method: 'get',
  path: '/{id}/diff',
  permission: 'quotes:read',
  summary: 'Lines added, removed and changed between two versions, and the totals',
  request: { params: ZIdParam, query: ZDiffQuery },
  responses: { 200: jsonResponse(ZVersionDiffBody, 'The diff.'), ...errorResponses },
});

const pdf = defineRoute({
  method: 'get',
  path: '/{id}/versions/{version}/pdf',
  permission: 'quotes:read',
  summary: 'The version as a branded A4 PDF',
  request: { params: ZVersionParam },
  responses: { 200: pdfResponse, ...errorResponses },
});

export const quotesRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json({ quotes: await service.listQuotes(c.get('deps'), viewerOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(create, async (c) => {
    const detail = await service.createQuote(c.get('deps'), viewerOf(c), c.req.valid('json'), originOf(c));
    return c.json(detail, 201);
  })
  .openapi(get, async (c) =>
    c.json(await service.getQuoteDetail(c.get('deps'), viewerOf(c), c.req.valid('param').id), 200),
  )
  .openapi(saveDraft, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await service.updateDraft(c.get('deps'), viewerOf(c), id, c.req.valid('json'), originOf(c)), 200);
  })
  .openapi(send, async (c) => {
    const { id } = c.req.valid('param');
    const deps = c.get('deps');
    const detail = await service.sendQuote(deps, viewerOf(c), id, originOf(c));
    const share = await createShareLink(deps, viewerOf(c), id, detail.current.version, c.req.valid('json').linkDays);
    return c.json({ ...detail, share }, 200);
  })
  .openapi(nextVersion, async (c) => {
    const { id } = c.req.valid('param');
    const note = c.req.valid('json').negotiationNote ?? null;
    return c.json(await service.createNextVersion(c.get('deps'), viewerOf(c), id, note, originOf(c)), 201);
  })
  .openapi(version, async (c) => {
    const { id, version: n } = c.req.valid('param');
    const { view } = await service.getVersionView(c.get('deps'), viewerOf(c), id, n);
    return c.json({ version: view }, 200);
  })
  .openapi(shareLink, async (c) => {
    const { id, version: n } = c.req.valid('param');
    return c.json(await createShareLink(c.get('deps'), viewerOf(c), id, n, c.req.valid('json').linkDays), 200);
  })
  .openapi(clientLink, async (c) =>
    c.json(await clientQuoteLink(c.get('deps'), viewerOf(c), c.req.valid('param').id), 200),
  )
  .openapi(pdf, async (c) => {
    const { id, version: n } = c.req.valid('param');
    const { quote, view } = await service.getVersionView(c.get('deps'), viewerOf(c), id, n);
    return quotePdfResponse(c, quote, view);
  })
  .openapi(diff, async (c) => {
    const { id } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    return c.json(await service.diffVersions(c.get('deps'), viewerOf(c), id, from, to), 200);
  });
