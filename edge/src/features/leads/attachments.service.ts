import { newId } from '@mandap/shared/common';
import { type Attachment, checkAttachment, safeFileName } from '@mandap/shared/leads';
import { and, desc, eq } from 'drizzle-orm';
import { communications, storedFiles, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Actor, recordChange } from '../../lib/journal.ts';
import type { FileStorage } from '../files/file-storage.ts';
import { loadLead } from './lead-rows.ts';

export interface Upload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  communicationId?: string | undefined;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const attachmentColumns = {
  id: storedFiles.id,
  fileName: storedFiles.fileName,
  contentType: storedFiles.contentType,
  sizeBytes: storedFiles.sizeBytes,
  communicationId: storedFiles.communicationId,
  uploadedByName: users.name,
  createdAt: storedFiles.createdAt,
};

/**
 * Stores a file for a lead (optionally on one of its communications): the bytes go to the
 * storage first, then the stored_files row and the journal in one transaction; if the row
 * cannot be written the stored object is removed again, so nothing half-written remains.
 */
export async function attachFile(
  deps: Deps,
  storage: FileStorage,
  leadId: string,
  upload: Upload,
  actor: Actor,
): Promise<Attachment> {
  const check = checkAttachment(upload.contentType, upload.bytes.byteLength);
  if (!check.ok) throw new AppError('unprocessable', check.message, { fields: { [check.field]: check.message } });
  await loadLead(deps.db, leadId);
  if (upload.communicationId) {
    const [comm] = await deps.db
      .select({ id: communications.id })
      .from(communications)
      .where(and(eq(communications.id, upload.communicationId), eq(communications.leadId, leadId)));
    if (!comm) throw notFound('That communication on this lead');
  }
  const id = newId();
  const fileName = safeFileName(upload.fileName, check.type);
  const storageKey = `leads/${leadId}/${id}-${fileName}`;
  const now = deps.now();
  const row = {
    id,
    storageKey,
    fileName,
    contentType: check.type,
    sizeBytes: upload.bytes.byteLength,
    sha256: await sha256Hex(upload.bytes),
    leadId,
    communicationId: upload.communicationId ?? null,
    uploadedBy: actor.actorId,
    createdAt: now.toISOString(),
  };
  await storage.put(storageKey, upload.bytes, check.type);
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(storedFiles).values(row);
      await recordChange(tx, {
        type: 'attachment.added',
        aggregateType: 'lead',
        aggregateId: leadId,
        payload: { fileId: id, fileName, communicationId: row.communicationId, sizeBytes: row.sizeBytes },
        actorId: actor.actorId,
        at: now,
        audit: { before: null, after: row, ip: actor.ip ?? null, requestId: actor.requestId ?? null },
      });
    });
  } catch (err) {
    await storage.delete(storageKey).catch(() => undefined);
    throw err;
  }
  const [saved] = await listAttachments(deps, leadId, id);
  return saved!;
}

/** The lead's attachments, newest first (or just one by id). */
export async function listAttachments(deps: Deps, leadId: string, onlyId?: string): Promise<Attachment[]> {
  // A missing lead answers 404, not an empty list.
  if (!onlyId) await loadLead(deps.db, leadId);
  return deps.db
    .select(attachmentColumns)
    .from(storedFiles)
    .leftJoin(users, eq(users.id, storedFiles.uploadedBy))
    .where(and(eq(storedFiles.leadId, leadId), onlyId ? eq(storedFiles.id, onlyId) : undefined))
    .orderBy(desc(storedFiles.createdAt));
}

/** One attachment's bytes, for download; 404 when it is not on this lead or its bytes are gone. */
export async function readAttachment(
  deps: Deps,
  storage: FileStorage,
  leadId: string,
  fileId: string,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const [row] = await deps.db
    .select({
      storageKey: storedFiles.storageKey,
      fileName: storedFiles.fileName,
      contentType: storedFiles.contentType,
    })
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.leadId, leadId)));
  if (!row) throw notFound('That attachment');
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw notFound('The stored file of that attachment');
  return { fileName: row.fileName, contentType: row.contentType, bytes };
}
