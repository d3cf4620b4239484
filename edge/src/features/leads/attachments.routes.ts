import { z } from '@hono/zod-openapi';
import { ATTACHMENT_MAX_BYTES, ZAttachment, ZAttachmentList, ZAttachmentUploadQuery } from '@mandap/shared/leads';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { fileStorageFor } from '../files/storage-for.ts';
import { actorOf } from './actor.ts';
import { attachFile, listAttachments, readAttachment } from './attachments.service.ts';

const upload = defineRoute({
  method: 'post',
  path: '/{id}/attachments',
  permission: 'leads:write',
  summary: `Attach a file (the body is the file's bytes, Content-Type its type; PDF, photos, text, Office; at most ${ATTACHMENT_MAX_BYTES / 1048576} MB)`,
  request: {
    params: ZIdParam,
    query: ZAttachmentUploadQuery,
    body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: { 201: jsonResponse(z.object({ attachment: ZAttachment }), 'Stored.'), ...errorResponses },
});
const list = defineRoute({
  method: 'get',
  path: '/{id}/attachments',
  permission: 'leads:read',
  summary: "The lead's attachments, newest first",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZAttachmentList, 'Attachments.'), ...errorResponses },
});
const download = defineRoute({
  method: 'get',
  path: '/{id}/attachments/{fileId}',
  permission: 'leads:read',
  summary: "Download an attachment's bytes",
  request: { params: ZIdParam.extend({ fileId: z.uuid() }) },
  responses: {
    200: { description: 'The file.', content: { 'application/octet-stream': { schema: z.string() } } },
    ...errorResponses,
  },
});

/** Attachments on a lead's timeline, mounted under /api/leads. */
export const leadAttachmentsRoutes = createRouter()
  .openapi(upload, async (c) => {
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > ATTACHMENT_MAX_BYTES)
      throw new AppError('payload_too_large', `Attachments can be at most ${ATTACHMENT_MAX_BYTES / 1048576} MB.`);
    const { fileName, communicationId } = c.req.valid('query');
    const attachment = await attachFile(
      c.get('deps'),
      fileStorageFor(c.get('deps').env),
      c.req.valid('param').id,
      {
        fileName,
        communicationId,
        contentType: c.req.header('content-type') ?? '',
        bytes: new Uint8Array(await c.req.arrayBuffer()),
      },
      actorOf(c),
    );
    return c.json({ attachment }, 201);
  })
  .openapi(list, async (c) =>
    c.json({ attachments: await listAttachments(c.get('deps'), c.req.valid('param').id) }, 200),
  )
  .openapi(download, async (c) => {
    const { id, fileId } = c.req.valid('param');
    const file = await readAttachment(c.get('deps'), fileStorageFor(c.get('deps').env), id, fileId);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
  });
