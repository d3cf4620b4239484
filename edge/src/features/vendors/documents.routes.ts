import { z } from '@hono/zod-openapi';
import { ATTACHMENT_MAX_BYTES } from '@mandap/shared/leads';
import { VENDOR_DOCUMENT_KINDS, ZVendorDocument } from '@mandap/shared/vendors';
import { type AppContext, viewerOf } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { fileStorageFor } from '../files/storage-for.ts';
import { loadAssignment, vendorOfUser } from './assignments.service.ts';
import { addDocument, listDocuments, readDocument } from './documents.service.ts';
import { loadVendor } from './vendors.service.ts';

const ZUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1, { error: 'fileName is required' }).max(200),
  kind: z.enum(VENDOR_DOCUMENT_KINDS).default('other'),
});
const binary = { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } };
const ZDoc = z.object({ document: ZVendorDocument });
const ZDocs = z.object({ documents: z.array(ZVendorDocument) });
const fileResponse = { description: 'The file.', content: { 'application/octet-stream': { schema: z.string() } } };

async function bytesOf(c: AppContext) {
  if (Number(c.req.header('content-length') ?? '0') > ATTACHMENT_MAX_BYTES)
    throw new AppError('payload_too_large', `Documents can be at most ${ATTACHMENT_MAX_BYTES / 1048576} MB.`);
  return { contentType: c.req.header('content-type') ?? '', bytes: new Uint8Array(await c.req.arrayBuffer()) };
}

function sendFile(c: AppContext, file: { bytes: Uint8Array; fileName: string; contentType: string }) {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  }) as never;
}

const upload = defineRoute({
  method: 'post',
  path: '/{id}/vendor-documents',
  permission: 'vendors:write',
  summary: "Add a vendor document (agreement, rate card…); the body is the file's bytes",
  request: { params: ZIdParam, query: ZUploadQuery, body: binary },
  responses: { 201: jsonResponse(ZDoc, 'Stored.'), ...errorResponses },
});
const list = defineRoute({
  method: 'get',
  path: '/{id}/vendor-documents',
  permission: 'vendors:read',
  summary: "A vendor's documents, newest first",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZDocs, 'Documents.'), ...errorResponses },
});
const download = defineRoute({
  method: 'get',
  path: '/{id}/vendor-documents/{documentId}',
  permission: 'vendors:read',
  summary: 'Download a vendor document',
  request: { params: ZIdParam.extend({ documentId: z.uuid() }) },
  responses: { 200: fileResponse, ...errorResponses },
});

/** Mounted under /api/vendors. */
export const vendorDocumentRoutes = createRouter()
  .openapi(upload, async (c) => {
    const { id } = c.req.valid('param');
    const deps = c.get('deps');
    await loadVendor(deps.db, id);
    const q = c.req.valid('query');
    const document = await addDocument(
      deps,
      fileStorageFor(deps.env),
      viewerOf(c),
      { vendorId: id, assignmentId: null },
      { ...q, ...(await bytesOf(c)) },
    );
    return c.json({ document }, 201);
  })
  .openapi(list, async (c) => {
    const { id } = c.req.valid('param');
    await loadVendor(c.get('deps').db, id);
    return c.json({ documents: await listDocuments(c.get('deps'), id) }, 200);
  })
  .openapi(download, async (c) => {
    const { id, documentId } = c.req.valid('param');
    return sendFile(c, await readDocument(c.get('deps'), fileStorageFor(c.get('deps').env), id, documentId));
  });

const mineUpload = defineRoute({
  method: 'post',
  path: '/mine/assignments/{id}/documents',
  permission: 'vendors:portal',
  summary:
    "The vendor uploads a document (invoice, delivery proof…) on their own assignment; the body is the file's bytes",
  request: { params: ZIdParam, query: ZUploadQuery, body: binary },
  responses: { 201: jsonResponse(ZDoc, 'Stored.'), ...errorResponses },
});
const mineList = defineRoute({
  method: 'get',
  path: '/mine/documents',
  permission: 'vendors:portal',
  summary: "The vendor's own documents",
  responses: { 200: jsonResponse(ZDocs, 'Documents.'), ...errorResponses },
});

/** Mounted under /api/vendor-work: the vendor's own uploads. */
export const myDocumentRoutes = createRouter()
  .openapi(mineUpload, async (c) => {
    const deps = c.get('deps');
    const viewer = viewerOf(c);
    const a = await loadAssignment(deps.db, viewer, c.req.valid('param').id);
    const q = c.req.valid('query');
    const document = await addDocument(
      deps,
      fileStorageFor(deps.env),
      viewer,
      { vendorId: a.vendorId, assignmentId: a.id },
      { ...q, ...(await bytesOf(c)) },
    );
    return c.json({ document }, 201);
  })
  .openapi(mineList, async (c) => {
    const deps = c.get('deps');
    const vendorId = await vendorOfUser(deps.db, viewerOf(c).id);
    return c.json({ documents: vendorId ? await listDocuments(deps, vendorId) : [] }, 200);
  });
