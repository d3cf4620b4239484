import { z } from '@hono/zod-openapi';
import { ZIssueInvoice, ZTaxDocument } from '@mandap/shared/payments';
import { originOf, viewerOf } from '../../lib/context.ts';
import { idempotentJson } from '../../lib/idempotency.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { pdfResponse } from '../quotes/quote-pdf.ts';
import { pdfReply, receiptPdf, taxDocumentPdf } from './documents-pdf.ts';
import { issueInvoice, listDocuments } from './invoices.service.ts';

const issue = defineRoute({
  method: 'post',
  path: '/',
  permission: 'payments:record',
  summary: 'Issue a GST tax invoice for a milestone or the rest of the accepted quote (needs an Idempotency-Key)',
  request: {
    headers: z.object({ 'idempotency-key': z.string().optional() }),
    body: jsonBody(ZIssueInvoice),
  },
  responses: {
    201: jsonResponse(ZTaxDocument, 'Issued (or the stored reply to the same key).'),
    ...errorResponses,
    409: jsonResponse(z.object({}), 'The same Idempotency-Key is still being processed.'),
    422: jsonResponse(z.object({}), 'Refused: the reason says what to change.'),
  },
});
const list = defineRoute({
  method: 'get',
  path: '/events/{id}',
  permission: 'payments:read',
  summary: "An event's tax invoices and credit notes (clients: their own events only)",
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse(z.object({ documents: z.array(ZTaxDocument) }), 'Oldest first.'),
    ...errorResponses,
  },
});
const documentPdf = defineRoute({
  method: 'get',
  path: '/{id}/pdf',
  permission: 'payments:read',
  summary: 'A tax invoice or credit note as a PDF',
  request: { params: ZIdParam },
  responses: { 200: pdfResponse, ...errorResponses },
});
const receipt = defineRoute({
  method: 'get',
  path: '/receipts/{id}/pdf',
  permission: 'payments:read',
  summary: 'The receipt of a payment as a PDF (id: the payment)',
  request: { params: ZIdParam },
  responses: { 200: pdfResponse, ...errorResponses },
});

export const invoicesRoutes = createRouter()
  .openapi(issue, async (c) => {
    const input = c.req.valid('json');
    const viewer = viewerOf(c);
    const actor = { viewer, actorId: viewer.id, ...originOf(c) };
    const at = c.get('deps').now();
    return idempotentJson(c, { scope: 'invoices.issue', request: input }, async (tx) => ({
      status: 201,
      body: await issueInvoice(tx, actor, input, at),
    }));
  })
  .openapi(list, async (c) =>
    c.json({ documents: await listDocuments(c.get('deps').db, viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(documentPdf, async (c) =>
    pdfReply(c, await taxDocumentPdf(c.get('deps').db, viewerOf(c), c.req.valid('param').id)),
  )
  .openapi(receipt, async (c) => pdfReply(c, await receiptPdf(c.get('deps').db, viewerOf(c), c.req.valid('param').id)));
