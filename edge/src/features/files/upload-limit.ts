import { ATTACHMENT_MAX_BYTES, IMPORT_MAX_BYTES } from '@mandap/shared/leads';

/** Paths whose body is a file upload (raw bytes), e.g. POST /api/leads/<id>/attachments. */
const UPLOAD_PATH =
  /^\/api\/(leads\/[0-9a-f-]{36}\/attachments|vendors\/[0-9a-f-]{36}\/vendor-documents|vendor-work\/mine\/assignments\/[0-9a-f-]{36}\/documents)$/;

/** The body limit of a request: the attachment limit for uploads, the configured JSON limit otherwise. */
export function bodyLimitFor(method: string, path: string, jsonLimit: number): number {
  if (method === 'POST' && path === '/api/imports/files') return Math.max(jsonLimit, IMPORT_MAX_BYTES);
  return method === 'POST' && UPLOAD_PATH.test(path) ? Math.max(jsonLimit, ATTACHMENT_MAX_BYTES) : jsonLimit;
}
