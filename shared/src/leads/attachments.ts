/** File types a lead's timeline accepts (photos, PDFs, office documents, plain text). */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** Largest attachment accepted, in bytes (10 MiB): enough for a phone photo or a venue PDF. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Whether `contentType` (parameters such as `; charset=utf-8` ignored) is an accepted attachment type. */
function isAttachmentType(contentType: string): contentType is AttachmentType {
  return Object.hasOwn(ATTACHMENT_TYPES, contentType.split(';')[0]!.trim().toLowerCase());
}

/**
 * A file name safe to store and to send back in Content-Disposition: path parts dropped,
 * anything but letters, digits, dot, dash and underscore replaced, at most 100 characters,
 * and an extension matching the type when it had none.
 */
export function safeFileName(name: string, contentType: AttachmentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+/g, '-')
    .slice(-100);
  const ext = ATTACHMENT_TYPES[contentType];
  if (!cleaned) return `attachment.${ext}`;
  return /\.[A-Za-z0-9]{1,5}$/.test(cleaned) ? cleaned : `${cleaned}.${ext}`;
}

/** Checks an upload before it is stored; the message says what to do. */
export function checkAttachment(
  contentType: string,
  sizeBytes: number,
): { ok: true; type: AttachmentType } | { ok: false; field: 'file' | 'contentType'; message: string } {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!isAttachmentType(type))
    return {
      ok: false,
      field: 'contentType',
      message: `Files of type ${type || 'unknown'} cannot be attached; use a PDF, photo (JPEG, PNG, WebP, HEIC), text or Office file.`,
    };
  if (sizeBytes === 0) return { ok: false, field: 'file', message: 'The file is empty.' };
  if (sizeBytes > ATTACHMENT_MAX_BYTES)
    return {
      ok: false,
      field: 'file',
      message: `The file is ${(sizeBytes / 1048576).toFixed(1)} MB; attachments can be at most ${ATTACHMENT_MAX_BYTES / 1048576} MB.`,
    };
  return { ok: true, type };
}
